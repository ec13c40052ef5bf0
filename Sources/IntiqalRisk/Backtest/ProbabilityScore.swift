/// How a set of probability forecasts of binary events scored.
public struct ProbabilityScore: Sendable, Hashable, Codable {
    /// Forecasts scored, and how many of their events happened.
    public var count: Int
    public var positives: Int
    /// Mean squared error of the probability (lower is better; 0 perfect).
    public var brier: Double
    /// Mean −ln of the probability given to what happened, probabilities clipped to
    /// [floor, 1 − floor] (lower is better).
    public var logLoss: Double
    /// Area under the ROC curve (ties count one half); nil without both outcomes.
    public var auroc: Double?
    /// Ten bins of width 0.1.
    public var reliability: [ReliabilityBin]

    /// Scores `forecasts` against `outcomes` (same length).
    public init(forecasts: [Double], outcomes: [Bool], logFloor: Double = 0.001) {
        precondition(forecasts.count == outcomes.count)
        count = forecasts.count
        positives = outcomes.lazy.filter { $0 }.count
        brier = ProbabilityScores.brier(forecasts, outcomes)
        logLoss = ProbabilityScores.logLoss(forecasts, outcomes, floor: logFloor)
        auroc = ProbabilityScores.auroc(forecasts, outcomes)
        reliability = ProbabilityScores.reliability(forecasts, outcomes, bins: 10)
    }

    /// Brier skill against a reference: 1 − brier / reference.brier; nil when the reference is
    /// perfect (Brier below 10⁻⁶, where the ratio says nothing).
    public func brierSkill(against reference: ProbabilityScore) -> Double? {
        reference.brier >= 1e-6 ? 1 - brier / reference.brier : nil
    }
}

/// The risk of resurgence of both modes and of no change, as the plan report shows it.
/// Filled in by the caller from the risk engine (IntiqalRisk), which the planner does not know.
public struct RiskSummary: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        /// `conditions`, `deadlines` or `baseline`.
        public var plan: String
        public var pResurgence: Double
        public var ci95: [Double]
        public var expectedIncidents: Double

        public init(plan: String, pResurgence: Double, ci95: [Double], expectedIncidents: Double) {
            self.plan = plan
            self.pResurgence = pResurgence
            self.ci95 = ci95
            self.expectedIncidents = expectedIncidents
        }
    }

    public var runs: Int
    public var seed: UInt64
    public var incidentsPerMonth: Int
    public var consecutiveMonths: Int
    public var rows: [Row]
    public var illustrative: Bool
    /// Why no figures are given when the incident model could not be fitted (then `rows` is
    /// empty: figures from default parameters are not shown as if they were the scenario's).
    public var notEstimated: String?
    public var notEstimatedAr: String?

    public init(runs: Int, seed: UInt64, incidentsPerMonth: Int, consecutiveMonths: Int, rows: [Row], illustrative: Bool) {
        self.runs = runs
        self.seed = seed
        self.incidentsPerMonth = incidentsPerMonth
        self.consecutiveMonths = consecutiveMonths
        self.rows = rows
        self.illustrative = illustrative
    }

    /// The risk section when the incident model cannot be fitted: the reason, no figures.
    public static func notEstimated(runs: Int, seed: UInt64, incidentsPerMonth: Int, consecutiveMonths: Int,
                                    illustrative: Bool, reason: String, reasonAr: String) -> RiskSummary {
        var summary = RiskSummary(runs: runs, seed: seed, incidentsPerMonth: incidentsPerMonth,
                                  consecutiveMonths: consecutiveMonths, rows: [], illustrative: illustrative)
        summary.notEstimated = reason
        summary.notEstimatedAr = reasonAr
        return summary
    }
}

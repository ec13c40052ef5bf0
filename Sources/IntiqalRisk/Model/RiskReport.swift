/// The risk a plan carries, as `intiqal risk --format json` prints it.
public struct RiskReport: Sendable, Codable, Hashable {
    /// One region under the plan.
    public struct RegionRisk: Sendable, Codable, Hashable {
        public var region: String
        /// Probability that this region crosses the threshold within the horizon.
        public var pResurgence: Double
        /// Expected incidents in the region over the horizon.
        public var expectedIncidents: Double
    }

    /// The same figures for the no-change baseline.
    public struct Baseline: Sendable, Codable, Hashable {
        public var pResurgence: Double
        public var ci95: [Double]
        public var expectedIncidents: Double
        public var byRegion: [RegionRisk]
    }

    /// Plan minus baseline, paired run by run (both share their random numbers).
    public struct Difference: Sendable, Codable, Hashable {
        /// `pResurgence − baseline.pResurgence`.
        public var pResurgence: Double
        /// 95 % interval of the paired difference (normal approximation on the discordant
        /// runs: those where only one of plan and baseline crossed).
        public var ci95: [Double]
        /// Runs where only the plan crossed, and where only the baseline did.
        public var planOnlyRuns: Int
        public var baselineOnlyRuns: Int

        init(planOnly b: Int, baselineOnly c: Int, runs: Int) {
            let n = Double(max(runs, 1))
            let d = Double(b - c) / n
            let variance = max(0, (Double(b + c) - Double(b - c) * Double(b - c) / n)) / (n * n)
            let half = 1.959_963_984_540_054 * variance.squareRoot()
            pResurgence = d
            ci95 = [max(-1, d - half), min(1, d + half)]
            planOnlyRuns = b
            baselineOnlyRuns = c
        }
    }

    public var runs: Int
    public var seed: UInt64
    /// Plan months simulated.
    public var months: Int
    public var threshold: ResurgenceThreshold
    /// Probability that any region crosses the threshold within the horizon.
    public var pResurgence: Double
    /// Wilson 95 % interval of `pResurgence`, `[lo, hi]`.
    public var ci95: [Double]
    /// Expected incidents over all regions and the horizon.
    public var expectedIncidents: Double
    public var byRegion: [RegionRisk]
    public var baseline: Baseline
    /// The plan's change in risk against the baseline.
    public var difference: Difference
    /// True when the model rests on illustrative incident data.
    public var illustrative: Bool
    public var notes: [String]
    /// The same notes in Arabic, position by position.
    public var notesAr: [String]
}

extension RiskReport {
    /// Wilson score interval at 95 % for `successes` out of `trials`, `[lo, hi]`.
    public static func wilsonInterval95(successes: Int, trials: Int) -> [Double] {
        guard trials > 0 else { return [0, 1] }
        let z = 1.959_963_984_540_054
        let n = Double(trials)
        let p = Double(successes) / n
        let denom = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denom
        let half = z / denom * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return [max(0, centre - half), min(1, centre + half)]
    }
}

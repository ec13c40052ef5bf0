/// What counts as resurgence in a region: at least `incidentsPerMonth` incidents in each of
/// `consecutiveMonths` consecutive months within the horizon.
public struct ResurgenceThreshold: Sendable, Codable, Hashable {
    public var incidentsPerMonth: Int
    public var consecutiveMonths: Int

    public init(incidentsPerMonth: Int, consecutiveMonths: Int) {
        self.incidentsPerMonth = incidentsPerMonth
        self.consecutiveMonths = consecutiveMonths
    }

    public func validate() throws {
        guard incidentsPerMonth >= 1 else {
            throw RiskError.invalid(.riskThresholdIncidents, "incidentsPerMonth", "the threshold must be at least 1 incident per month, got \(incidentsPerMonth)")
        }
        guard consecutiveMonths >= 1 else {
            throw RiskError.invalid(.riskThresholdMonths, "consecutiveMonths", "the threshold must span at least 1 month, got \(consecutiveMonths)")
        }
    }

    /// True when `monthlyCounts` has a run of `consecutiveMonths` months at or above the threshold.
    public func isCrossed(by monthlyCounts: some Collection<Int>) -> Bool {
        var run = 0
        for c in monthlyCounts {
            if c >= incidentsPerMonth {
                run += 1
                if run >= consecutiveMonths { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}

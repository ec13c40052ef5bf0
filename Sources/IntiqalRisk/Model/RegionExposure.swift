/// What a plan does to one region, month by month: the input of the risk engine.
public struct RegionExposure: Sendable, Codable, Hashable {
    /// Region identifier (matches the incident data's region).
    public var region: String
    /// Weighted capability gap per plan month (≥ 0, scale points): requirement minus
    /// projected ISF capability, summed over capability areas with weights.
    public var gap: [Double]
    /// Fraction (0…1) of the region's initial adviser personnel still present, per month.
    public var coalitionShare: [Double]

    public init(region: String, gap: [Double], coalitionShare: [Double]) {
        self.region = region
        self.gap = gap
        self.coalitionShare = coalitionShare
    }

    /// Number of plan months.
    public var months: Int { gap.count }

    /// The no-change counterpart: month-0 gap held, every adviser stays.
    public var noChange: RegionExposure {
        let g0 = gap.first ?? 0
        return RegionExposure(region: region, gap: Array(repeating: g0, count: gap.count),
                              coalitionShare: Array(repeating: 1, count: gap.count))
    }

    /// The no-change baseline of a whole plan.
    public static func noChangeBaseline(for plan: [RegionExposure]) -> [RegionExposure] {
        plan.map(\.noChange)
    }

    func validate() throws {
        guard !region.isEmpty else { throw RiskError.invalid(.riskExposureEmptyRegion, "region", "a region exposure has an empty region name") }
        guard !gap.isEmpty else { throw RiskError.invalid(.riskExposureNoMonths, "\(region).gap", "region '\(region)' has no months") }
        guard gap.count == coalitionShare.count else {
            throw RiskError.invalid(.riskExposureShareMonths, "\(region).coalitionShare",
                                    "region '\(region)' has \(gap.count) gap months but \(coalitionShare.count) coalition-share months")
        }
        for (m, g) in gap.enumerated() where !(g.isFinite && g >= 0) {
            throw RiskError.invalid(.riskExposureGap, "\(region).gap[\(m)]", "gap must be a finite number ≥ 0, got \(g)")
        }
        for (m, s) in coalitionShare.enumerated() where !(s.isFinite && s >= 0 && s <= 1) {
            throw RiskError.invalid(.riskExposureCoalitionShare, "\(region).coalitionShare[\(m)]", "coalition share must be in 0…1, got \(s)")
        }
    }
}

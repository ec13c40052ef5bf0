import IntiqalDomain

/// What the regions were exposed to, month by month, while incidents were recorded: the
/// data that let a fit estimate γ_gap and γ_dep instead of assuming them.
public struct ExposureHistory: Sendable, Codable, Hashable {
    /// The calendar month of index 0.
    public var start: YearMonth
    /// Per region: gap and coalition share for months `start`, `start + 1`, ….
    public var regions: [RegionExposure]

    public init(start: YearMonth, regions: [RegionExposure]) {
        self.start = start
        self.regions = regions
    }

    /// Number of months (the shortest region's).
    public var months: Int { regions.map(\.months).min() ?? 0 }

    /// Length in days of each month of the history.
    var monthDays: [Double] {
        (0..<months).map { k in
            let ym = start.adding(months: k)
            return Double(CivilDate.daysIn(year: ym.year, month: ym.month))
        }
    }

    var firstDayNumber: Int { CivilDate.dayNumber(year: start.year, month: start.month, day: 1) }

    func validate() throws {
        guard (1900...2200).contains(start.year), (1...12).contains(start.month) else {
            throw RiskError.invalid(.riskHistoryStart, "history.start", "start must be a month YYYY-MM between 1900 and 2200, got \(start)")
        }
        guard !regions.isEmpty else { throw RiskError.invalid(.riskHistoryNoRegions, "history.regions", "the exposure history has no regions") }
        var seen = Set<String>()
        for r in regions {
            try r.validate()
            guard seen.insert(r.region).inserted else {
                throw RiskError.invalid(.riskHistoryRegionTwice, "history.\(r.region)", "region '\(r.region)' appears twice in the history")
            }
            guard r.months == regions[0].months else {
                throw RiskError.invalid(.riskHistoryMonthsDiffer, "history.\(r.region).gap", "region '\(r.region)' has \(r.months) months, others \(regions[0].months)")
            }
        }
    }
}

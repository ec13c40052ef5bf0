import IntiqalDomain

/// Coalition personnel in a country over time, as dated figures from the public record; the
/// monthly coalition share that the departure effect γ_dep is fitted against.
public struct PresenceHistory: Sendable, Hashable, Codable {
    /// One dated figure and where it comes from.
    public struct Figure: Sendable, Hashable, Codable {
        public var date: CivilDate
        public var troops: Double
        public var note: String
        public var source: String
    }

    /// In date order.
    public var figures: [Figure]

    /// The largest figure: the level of a share of 1.
    public var reference: Double { figures.map(\.troops).max() ?? 0 }

    /// Personnel on the 15th of `month`: linear between the dated figures, held before the first and after the last.
    public func troops(in month: YearMonth) -> Double {
        guard let first = figures.first, let last = figures.last else { return 0 }
        let day = Double(CivilDate.dayNumber(year: month.year, month: month.month, day: 15))
        if day <= Double(first.date.dayNumber) { return first.troops }
        if day >= Double(last.date.dayNumber) { return last.troops }
        for (a, b) in zip(figures, figures.dropFirst()) where Double(b.date.dayNumber) >= day {
            let span = Double(b.date.dayNumber - a.date.dayNumber)
            let w = span > 0 ? (day - Double(a.date.dayNumber)) / span : 1
            return a.troops + w * (b.troops - a.troops)
        }
        return last.troops
    }

    /// Share of the reference level present in `month`, in 0…1.
    public func share(in month: YearMonth) -> Double {
        let r = reference
        return r > 0 ? min(1, max(0, troops(in: month) / r)) : 0
    }

    /// The exposure history of `regions` over `months` months from `start`: every region the
    /// country's share (the record is national), gap 0 (not identified here, so assumed).
    public func exposureHistory(regions: [String], start: YearMonth, months: Int) -> ExposureHistory {
        let shares = (0..<months).map { share(in: start.adding(months: $0)) }
        return ExposureHistory(start: start, regions: regions.map {
            RegionExposure(region: $0, gap: [Double](repeating: 0, count: months), coalitionShare: shares)
        })
    }
}

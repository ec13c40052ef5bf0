import IntiqalDomain

/// Incidents per region as monthly counts and as event times (days from the panel's first
/// day; a day's events spread uniformly inside it by a seeded generator, as `RiskModel.fit` does).
struct MonthlyPanel: Sendable {
    let regions: [String]
    let start: YearMonth
    /// Months in the panel.
    let months: Int
    /// counts[r][m]: incidents of region r in month m.
    let counts: [[Int]]
    /// Sorted event times per region, days from the first day of `start`.
    let times: [[Double]]
    /// Day offset of the first day of month m, for m in 0...months.
    let monthStart: [Double]

    /// Largest number of events one panel holds (bounds memory and work).
    static let maximumEvents = 5_000_000
    /// Most regions one panel holds (counts are regions × months).
    static let maximumRegions = 1_000

    /// Builds the panel from `incidents` (a count over a period spread evenly over its days), covering every
    /// month from the earliest incident to `through` (or the latest incident, if later).
    init(incidents: [Incident], regions fixedRegions: [String]? = nil, through: YearMonth?, seed: UInt64) throws {
        var parsed: [(day: CivilDate, region: String, count: Int)] = []
        parsed.reserveCapacity(incidents.count)
        var total = 0
        for (i, incident) in incidents.enumerated() {
            guard let day = CivilDate(incident.date) else {
                throw RiskError.invalid("incidents[\(i)].date", "expected a date YYYY-MM-DD, got '\(incident.date)'")
            }
            guard (0...1_000_000).contains(incident.count) else {
                throw RiskError.invalid("incidents[\(i)].count", "count must be in 0…1000000, got \(incident.count)")
            }
            let region = incident.region.trimmingWhitespace
            guard !region.isEmpty else { throw RiskError.invalid("incidents[\(i)].region", "the region is empty") }
            total += incident.count
            guard total <= Self.maximumEvents else {
                throw RiskError.invalid("incidents", "more than \(Self.maximumEvents) incidents")
            }
            guard let until = incident.until else {
                parsed.append((day, region, incident.count))
                continue
            }
            // A count known only over a period is spread evenly over its days, as `RiskModel.fit` does.
            guard let last = CivilDate(until), last.day >= day.day else {
                throw RiskError.invalid("incidents[\(i)].until", "expected a date YYYY-MM-DD on or after \(incident.date), got '\(until)'")
            }
            let days = last.day - day.day + 1
            var perDay: [Int: Int] = [:]
            for n in 0..<incident.count { perDay[day.day + (n * days + days / 2) / incident.count, default: 0] += 1 }
            for (d, count) in perDay.sorted(by: { $0.key < $1.key }) { parsed.append((CivilDate(day: d), region, count)) }
            if incident.count == 0 { parsed.append((day, region, 0)); parsed.append((last, region, 0)) }
        }
        guard let first = parsed.map(\.day).min(), let last = parsed.map(\.day).max() else {
            throw RiskError(.tooFewEvents, "no incidents to back-test", field: "incidents")
        }
        let c0 = first.components, c1 = last.components
        let start = YearMonth(year: c0.year, month: c0.month)
        var end = YearMonth(year: c1.year, month: c1.month)
        if let through, through > end { end = through }
        let months = end.months(since: start) + 1
        let origin = CivilDate(year: start.year, month: start.month, day: 1).day
        var monthStart: [Double] = []
        monthStart.reserveCapacity(months + 1)
        for m in 0...months {
            let ym = start.adding(months: m)
            monthStart.append(Double(CivilDate(year: ym.year, month: ym.month, day: 1).day - origin))
        }
        let names = fixedRegions ?? Array(Set(parsed.map(\.region))).sorted()
        guard names.count <= Self.maximumRegions else {
            throw RiskError.invalid("incidents", "\(names.count) regions: at most \(Self.maximumRegions) can be back-tested at once")
        }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: months), count: names.count)
        var times = [[Double]](repeating: [], count: names.count)
        var rng = Xoshiro256StarStar(seed: seed, stream: 0xBAC7)
        for p in parsed {
            guard let r = index[p.region] else { continue }
            let c = p.day.components
            let m = YearMonth(year: c.year, month: c.month).months(since: start)
            counts[r][m] += p.count
            let day = Double(p.day.day - origin)
            for _ in 0..<p.count { times[r].append(day + rng.nextUnit()) }
        }
        for r in times.indices { times[r].sort() }
        self.regions = names
        self.start = start
        self.months = months
        self.counts = counts
        self.times = times
        self.monthStart = monthStart
    }

    /// The month index of `month` (may be outside 0..<months).
    func index(of month: YearMonth) -> Int { month.months(since: start) }

    /// The range of region r's event indices with times in [from, to).
    func events(_ r: Int, from: Double, to: Double) -> Range<Int> {
        lowerBound(times[r], from)..<lowerBound(times[r], to)
    }

    private func lowerBound(_ a: [Double], _ x: Double) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

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
        var parsed: [(day: Int, region: String, count: Int)] = []
        parsed.reserveCapacity(incidents.count)
        var total = 0
        for (i, incident) in incidents.enumerated() {
            guard let day = CivilDate(incident.date) else {
                throw RiskError.invalid(.riskBacktestIncidentDate, "incidents[\(i)].date", "expected a date YYYY-MM-DD, got '\(incident.date)'")
            }
            guard (0...1_000_000).contains(incident.count) else {
                throw RiskError.invalid(.riskBacktestIncidentCount, "incidents[\(i)].count", "count must be in 0…1000000, got \(incident.count)")
            }
            let region = incident.region.trimmingWhitespace
            guard !region.isEmpty else { throw RiskError.invalid(.riskBacktestIncidentRegion, "incidents[\(i)].region", "the region is empty") }
            total += incident.count
            guard total <= Self.maximumEvents else {
                throw RiskError.invalid(.riskBacktestTooManyIncidents, "incidents", "more than \(Self.maximumEvents) incidents")
            }
            guard let until = incident.until else {
                parsed.append((day.dayNumber, region, incident.count))
                continue
            }
            // A count known only over a period is spread evenly over its days, as `RiskModel.fit` does.
            guard let last = CivilDate(until), last >= day else {
                throw RiskError.invalid(.riskBacktestIncidentUntil, "incidents[\(i)].until", "expected a date YYYY-MM-DD on or after \(incident.date), got '\(until)'")
            }
            let days = last.days(since: day) + 1
            var perDay: [Int: Int] = [:]
            for n in 0..<incident.count { perDay[day.dayNumber + (n * days + days / 2) / incident.count, default: 0] += 1 }
            for (d, count) in perDay.sorted(by: { $0.key < $1.key }) { parsed.append((d, region, count)) }
            if incident.count == 0 { parsed.append((day.dayNumber, region, 0)); parsed.append((last.dayNumber, region, 0)) }
        }
        guard let first = parsed.map(\.day).min(), let last = parsed.map(\.day).max() else {
            throw RiskError(.tooFewEvents, .riskBacktestNoIncidents, "no incidents to back-test", field: "incidents")
        }
        guard let start = CivilDate(dayNumber: first)?.yearMonth, var end = CivilDate(dayNumber: last)?.yearMonth else {
            throw RiskError.invalid(.riskBacktestYears, "incidents", "the incidents run outside the years \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)")
        }
        if let through, through > end { end = through }
        let months = end.months(since: start) + 1
        let origin = CivilDate.dayNumber(year: start.year, month: start.month, day: 1)
        var monthStart: [Double] = []
        monthStart.reserveCapacity(months + 1)
        for m in 0...months {
            let ym = start.adding(months: m)
            monthStart.append(Double(CivilDate.dayNumber(year: ym.year, month: ym.month, day: 1) - origin))
        }
        let names = fixedRegions ?? Array(Set(parsed.map(\.region))).sorted()
        guard names.count <= Self.maximumRegions else {
            throw RiskError.invalid(.riskBacktestTooManyRegions, "incidents", "\(names.count) regions: at most \(Self.maximumRegions) can be back-tested at once")
        }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: months), count: names.count)
        var times = [[Double]](repeating: [], count: names.count)
        var rng = Xoshiro256StarStar(seed: seed, stream: 0xBAC7)
        for p in parsed {
            guard let r = index[p.region] else { continue }
            guard let m = CivilDate(dayNumber: p.day)?.yearMonth.months(since: start) else { continue }
            counts[r][m] += p.count
            let day = Double(p.day - origin)
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

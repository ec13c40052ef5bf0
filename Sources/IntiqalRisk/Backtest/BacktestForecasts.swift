import Foundation
import IntiqalDomain

/// Every method's forecasts at every origin of a back-test, and their scoring.
struct BacktestForecasts {
    /// One method's forecast for one region at one origin: per month ahead, P(count ≥ k);
    /// per horizon (configuration order), P(a run of threshold months within it).
    struct RegionForecast {
        var exceed: [Double]
        var run: [Double]
    }

    let panel: MonthlyPanel
    let configuration: BacktestConfiguration
    /// First origin (month index) forecast from, and the scored target months' index range.
    let firstOrigin: Int
    let scored: ClosedRange<Int>
    /// forecasts[method][origin − firstOrigin][region]
    private(set) var forecasts: [ForecastMethod: [[RegionForecast]]] = [:]
    private(set) var lastFits: [BacktestReport.RegionFit] = []
    private(set) var poissonFallbacks = 0
    /// The methods forecast: the multivariate model only with a neighbour structure.
    let methods: [ForecastMethod]
    /// Plan-level probabilities simulated jointly (the multivariate model): [origin − firstOrigin][horizon index].
    var planOverride: [ForecastMethod: [[Double]]] = [:]
    /// The neighbour structure in the panel's region order, and the last multivariate fit (a warm start).
    var structure: NeighbourStructure?
    var previousMultivariate: MultivariateHawkesParameters?
    var multivariateFits = 0, multivariateFailures = 0

    /// Branching ratios above this are capped (the mean rate kept), as in `RiskModel.fit`.
    static let alphaCap = 0.95

    init(panel: MonthlyPanel, configuration: BacktestConfiguration) throws {
        self.panel = panel
        self.configuration = configuration
        let maxH = configuration.horizons.max() ?? 1
        let lastData = panel.months - 1
        let from = max(1, panel.index(of: configuration.from))
        let to = min(lastData, panel.index(of: configuration.to))
        guard from <= to else {
            throw RiskError.invalid(.riskBacktestNoMonths, "from", "no month from \(configuration.from) to \(configuration.to) has data after a first month of history (data \(panel.start) … \(panel.start.adding(months: lastData)))")
        }
        scored = from...to
        firstOrigin = max(1, from - maxH + 1)
        let origins = firstOrigin...to
        structure = configuration.neighbours?.restricted(to: panel.regions)
        methods = ForecastMethod.allCases.filter { $0 != .multivariateHawkes || configuration.neighbours != nil }
        for method in methods { forecasts[method] = [] }
        var previous = [HawkesParameters?](repeating: nil, count: panel.regions.count)
        for origin in origins {
            let monthEnds = Self.monthEnds(start: panel.start.adding(months: origin), count: maxH)
            let w0 = max(0, origin - configuration.windowMonths)
            var row: [ForecastMethod: [RegionForecast]] = [:]
            for r in panel.regions.indices {
                let window = panel.counts[r][w0..<origin]
                let hawkes = hawkesForecast(region: r, origin: origin, windowStart: w0, monthEnds: monthEnds, previous: &previous[r])
                row[.hawkes, default: []].append(hawkes)
                let last = Double(panel.counts[r][origin - 1])
                row[.noChange, default: []].append(independent(months: maxH) { _ in CountProbability.poissonTail(mean: last, atLeast: configuration.threshold) })
                let hits = window.lazy.filter { $0 >= configuration.threshold }.count
                let frequency = (Double(hits) + 0.5) / Double(window.count + 1)
                row[.climatology, default: []].append(independent(months: maxH) { _ in frequency })
                let trend = PoissonTrend(counts: window)
                row[.poissonTrend, default: []].append(independent(months: maxH) {
                    CountProbability.poissonTail(mean: trend.mean(monthsAhead: $0), atLeast: configuration.threshold)
                })
            }
            if structure != nil {
                row[.multivariateHawkes] = multivariateForecast(origin: origin, windowStart: w0, monthEnds: monthEnds, start: previous)
            }
            for (method, value) in row { forecasts[method]!.append(value) }
        }
    }

    /// Day offsets of the ends of `count` months from the first day of `start`.
    static func monthEnds(start: YearMonth, count: Int) -> [Double] {
        var ends: [Double] = []
        var total = 0
        for j in 0..<count {
            let m = start.adding(months: j)
            total += CivilDate.daysIn(year: m.year, month: m.month)
            ends.append(Double(total))
        }
        return ends
    }

    /// Forecast of a method whose months are independent with probabilities `p(j)`.
    private func independent(months: Int, _ p: (Int) -> Double) -> RegionForecast {
        let exceed = (0..<months).map(p)
        let run = configuration.horizons.map { h in
            CountProbability.runProbability(exceed.prefix(h), run: min(configuration.consecutiveMonths, h))
        }
        return RegionForecast(exceed: exceed, run: run)
    }

    private mutating func hawkesForecast(region r: Int, origin: Int, windowStart w0: Int, monthEnds: [Double],
                                         previous: inout HawkesParameters?) -> RegionForecast {
        let t0 = panel.monthStart[w0], t1 = panel.monthStart[origin]
        let range = panel.events(r, from: t0, to: t1)
        let times = panel.times[r][range].map { $0 - t0 }
        let horizon = t1 - t0
        var parameters: HawkesParameters?
        if times.count >= HawkesFit.minimumEvents {
            do {
                let likelihood = try HawkesLikelihood(eventTimes: times, horizon: horizon)
                let fit = try HawkesFit.fit(likelihood, starts: previous.map { [$0] } ?? [], grid: true)
                var p = fit.parameters
                if p.alpha > Self.alphaCap {
                    p.mu = Double(times.count) / horizon * (1 - Self.alphaCap)
                    p.alpha = Self.alphaCap
                }
                if configuration.levelMonths > 0 {
                    let levelStart = panel.monthStart[max(w0, origin - configuration.levelMonths)] - t0
                    p.mu = Self.localBackground(times: times, from: levelStart, to: horizon, alpha: p.alpha, beta: p.beta)
                }
                if p.mu.isFinite, p.alpha.isFinite, p.beta.isFinite, p.mu > 0, p.beta > 0 {
                    parameters = p
                    previous = fit.parameters
                }
            } catch {
                parameters = nil
            }
        }
        let fitted = parameters
        let used = parameters ?? HawkesParameters(mu: max(Double(times.count), 0.5) / horizon, alpha: 0, beta: 1)
        if fitted == nil { poissonFallbacks += 1 }
        var excitation = 0.0
        if used.alpha > 0 {
            for t in times { excitation += exp(-used.beta * (horizon - t)) }
        }
        let simulator = ConditionalHawkesSimulator(parameters: used, excitation: excitation, monthEnds: monthEnds,
                                                   levelVolatility: configuration.levelVolatility)
        var generator = Xoshiro256StarStar(seed: configuration.seed, stream: UInt64(origin) << 12 | UInt64(r))
        let tally = simulator.simulate(runs: configuration.runs, threshold: configuration.threshold,
                                       consecutive: configuration.consecutiveMonths, horizons: configuration.horizons,
                                       generator: &generator)
        if origin == scored.upperBound {
            lastFits.append(.init(region: panel.regions[r], eventsInWindow: times.count, parameters: fitted))
        }
        return RegionForecast(exceed: tally.exceed, run: tally.run)
    }

    /// The maximum-likelihood background rate on [from, to) given α and β, every event of
    /// `times` (sorted, all before `to`) exciting the later ones: the root of
    /// Σ 1/(μ + αβAᵢ) = to − from over the events in the interval (concave, one root in
    /// (0, n/(to − from)]), found by bisection on log μ; at least 0.1 event per interval.
    static func localBackground(times: [Double], from: Double, to: Double, alpha: Double, beta: Double) -> Double {
        var excitation: [Double] = []
        var a = 0.0
        for (i, t) in times.enumerated() {
            if i > 0 { a = exp(-beta * (t - times[i - 1])) * (1 + a) }
            if t >= from { excitation.append(alpha * beta * a) }
        }
        return rootBackground(excitation: excitation, length: to - from)
    }

    /// The μ that solves Σ 1/(μ + eᵢ) = length for the excitations eᵢ at the interval's events
    /// (the maximum-likelihood background given the excitation); at least 0.1 event per interval.
    static func rootBackground(excitation: [Double], length: Double) -> Double {
        let floor = 0.1 / length
        guard !excitation.isEmpty, length > 0 else { return floor }
        func slope(_ mu: Double) -> Double { excitation.reduce(0) { $0 + 1 / (mu + $1) } - length }
        var lo = log(floor), hi = log(Double(excitation.count) / length)
        guard slope(exp(lo)) > 0 else { return floor }
        for _ in 0..<50 {
            let mid = (lo + hi) / 2
            if slope(exp(mid)) > 0 { lo = mid } else { hi = mid }
        }
        return exp((lo + hi) / 2)
    }

    /// Scores and series.
    func report(source: String, notes: [String], notesAr: [String]) -> BacktestReport {
        let k = configuration.threshold
        var horizons: [BacktestReport.HorizonScores] = []
        for (hi, h) in configuration.horizons.enumerated() {
            var regionScores: [ForecastMethod: ProbabilityScore] = [:]
            var planScores: [ForecastMethod: ProbabilityScore] = [:]
            for method in methods {
                let table = forecasts[method]!
                var p: [Double] = [], y: [Bool] = []
                for t in scored {
                    let o = t - h + 1
                    guard o >= firstOrigin else { continue }
                    for r in panel.regions.indices {
                        p.append(table[o - firstOrigin][r].exceed[h - 1])
                        y.append(panel.counts[r][t] >= k)
                    }
                }
                regionScores[method] = ProbabilityScore(forecasts: p, outcomes: y, logFloor: configuration.logFloor)
                var pp: [Double] = [], yy: [Bool] = []
                let run = min(configuration.consecutiveMonths, h)
                for o in scored where o + h - 1 < panel.months {
                    if let joint = planOverride[method] {
                        pp.append(joint[o - firstOrigin][hi])
                    } else {
                        var none = 1.0
                        for r in panel.regions.indices { none *= 1 - table[o - firstOrigin][r].run[hi] }
                        pp.append(1 - none)
                    }
                    yy.append(panel.regions.indices.contains { r in
                        CountProbability.hasRun(panel.counts[r][o..<(o + h)].lazy.map { $0 >= k }, run: run)
                    })
                }
                planScores[method] = ProbabilityScore(forecasts: pp, outcomes: yy, logFloor: configuration.logFloor)
            }
            func methodScores(_ table: [ForecastMethod: ProbabilityScore]) -> [BacktestReport.MethodScore] {
                methods.map { m in
                    BacktestReport.MethodScore(method: m, score: table[m]!, skill: ForecastMethod.baselines.filter { $0 != m }.map {
                        .init(baseline: $0, brierSkill: table[m]!.brierSkill(against: table[$0]!))
                    })
                }
            }
            horizons.append(.init(horizon: h, regionMonth: methodScores(regionScores), planLevel: methodScores(planScores)))
        }
        let months = scored.map { panel.start.adding(months: $0) }
        var series: [BacktestReport.RegionSeries] = []
        for r in panel.regions.indices {
            var list: [BacktestReport.ForecastSeries] = []
            for h in configuration.horizons {
                for method in methods {
                    let table = forecasts[method]!
                    let probabilities = scored.map { t -> Double? in
                        let o = t - h + 1
                        return o >= firstOrigin ? table[o - firstOrigin][r].exceed[h - 1] : nil
                    }
                    list.append(.init(method: method, horizon: h, probabilities: probabilities))
                }
            }
            series.append(.init(region: panel.regions[r], counts: scored.map { panel.counts[r][$0] }, forecasts: list))
        }
        var allNotes = notes, allNotesAr = notesAr.count == notes.count ? notesAr : notes
        if structure != nil {
            let eta = previousMultivariate.map { $0.eta.formatted(3) } ?? "–"
            allNotes.append("multivariate Hawkes: \(multivariateFits) joint fits on the neighbour structure (cross-excitation η at the last origin \(eta))\(multivariateFailures > 0 ? ", \(multivariateFailures) failed (the regions' univariate models stood in)" : ""); plan-level probabilities from the joint simulation")
            allNotesAr.append("هوكس متعدد المناطق: \(multivariateFits) تقديرًا مشتركًا على بنية الجوار (الإثارة المتبادلة η عند آخر أصل \(eta))\(multivariateFailures > 0 ? "، وفشل \(multivariateFailures) (حلّت محلها النماذج الأحادية)" : "")؛ احتمالات مستوى الخطة من المحاكاة المشتركة")
        }
        if poissonFallbacks > 0 {
            allNotes.append("\(poissonFallbacks) region-origins had fewer than \(HawkesFit.minimumEvents) events in the window (or no fit): the model used their Poisson rate")
            allNotesAr.append("\(poissonFallbacks) حالة (محافظة × أصل) فيها أقل من \(HawkesFit.minimumEvents) أحداث في النافذة (أو تعذّر التقدير): استُخدم معدل بواسون")
        }
        return BacktestReport(configuration: configuration, source: source, dataStart: panel.start,
                              dataEnd: panel.start.adding(months: panel.months - 1), regions: panel.regions, months: months,
                              methods: methods, horizons: horizons, series: series, lastFits: lastFits,
                              poissonFallbacks: poissonFallbacks, notes: allNotes, notesAr: allNotesAr, departureEffect: nil)
    }
}

import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

@Suite struct BacktestTests {
    /// Two regions over 2008–2012: "a" with a seasonal pattern of 0–12 events a month,
    /// "b" quiet with a burst in 2011.
    static func incidents(extraInLastMonth: Int = 0) -> [Incident] {
        var list: [Incident] = []
        for i in 0..<60 {
            let m = YearMonth(year: 2008, month: 1).adding(months: i)
            let a = (i * 5) % 13
            for d in 0..<a { list.append(Incident(date: "\(m)-\(d % 28 < 9 ? "0" : "")\(d % 28 + 1)", region: "a", kind: .attack)) }
            let b = (36...41).contains(i) ? 9 : (i % 4 == 0 ? 1 : 0)
            for d in 0..<b { list.append(Incident(date: "\(m)-1\(d)", region: "b", kind: .strike)) }
        }
        list.append(Incident(date: "2010-05-05", region: "b", kind: .meeting, count: 50))  // not a threat event
        for _ in 0..<extraInLastMonth { list.append(Incident(date: "2012-12-20", region: "a", kind: .attack)) }
        return list
    }

    static let configuration = BacktestConfiguration(threshold: 5, consecutiveMonths: 2, horizons: [1, 3, 12],
                                                     from: YearMonth(year: 2011, month: 1), to: YearMonth(year: 2012, month: 12),
                                                     windowMonths: 12, runs: 200, seed: 3)

    static func counts(_ report: BacktestReport, _ region: String) -> [Int] {
        report.series.first { $0.region == region }!.counts
    }

    static func forecast(_ report: BacktestReport, _ region: String, _ method: ForecastMethod, _ h: Int) -> [Double?] {
        report.series.first { $0.region == region }!.forecasts.first { $0.method == method && $0.horizon == h }!.probabilities
    }

    @Test func scoresEveryRegionMonthAndPlanWindow() throws {
        let report = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "synthetic")
        #expect(report.regions == ["a", "b"])
        #expect(report.months.count == 24)
        #expect(report.horizons.map(\.horizon) == [1, 3, 12])
        for h in report.horizons {
            for s in h.regionMonth { #expect(s.score.count == 48) }
            // Plan windows must end inside the data: 24 − h + 1 origins.
            for s in h.planLevel { #expect(s.score.count == 24 - h.horizon + 1) }
            #expect(h.regionMonth.first { $0.method == .hawkes }!.skill.map(\.baseline) == ForecastMethod.baselines)
        }
        #expect(Array(Self.counts(report, "b")[0...6]) == [9, 9, 9, 9, 9, 9, 0])
    }

    @Test func baselinesAreTheirDefinitions() throws {
        let report = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "synthetic")
        let a = Self.counts(report, "a")
        // No change at horizon 1: Poisson with the previous month's count as its mean.
        let noChange = Self.forecast(report, "a", .noChange, 1)
        for i in 1..<a.count {
            #expect(abs(noChange[i]! - CountProbability.poissonTail(mean: Double(a[i - 1]), atLeast: 5)) < 1e-15)
        }
        // Climatology: (threshold months in the 12 before the origin + ½) / 13, whatever the horizon.
        let all = (0..<60).map { ($0 * 5) % 13 }
        let climatology = Self.forecast(report, "a", .climatology, 3)
        for (i, p) in climatology.enumerated() {
            let origin = 36 + i - 2
            let hits = all[(origin - 12)..<origin].filter { $0 >= 5 }.count
            #expect(abs(p! - (Double(hits) + 0.5) / 13) < 1e-15)
        }
    }

    @Test func forecastsUseOnlyThePast() throws {
        // Many more events in the last month change no forecast issued before it.
        let base = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "s")
        let more = try Backtest.run(incidents: Self.incidents(extraInLastMonth: 40), configuration: Self.configuration, source: "s")
        for region in ["a", "b"] {
            for method in base.methods {
                for h in [1, 3, 12] {
                    #expect(Self.forecast(base, region, method, h) == Self.forecast(more, region, method, h))
                }
            }
        }
        #expect(Self.counts(more, "a").last! == Self.counts(base, "a").last! + 40)
    }

    @Test func reproducibleForASeed() throws {
        let one = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "s")
        let two = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "s")
        #expect(one == two)
        _ = try JSONEncoder().encode(one)
    }

    @Test func badConfigurationsAndInputsThrowRiskErrors() {
        var c = Self.configuration
        c.horizons = [0]
        #expect(throws: RiskError.self) { try Backtest.run(incidents: Self.incidents(), configuration: c, source: "s") }
        c = Self.configuration
        c.from = YearMonth(year: 2030, month: 1); c.to = YearMonth(year: 2031, month: 1)
        #expect(throws: RiskError.self) { try Backtest.run(incidents: Self.incidents(), configuration: c, source: "s") }
        #expect(throws: RiskError.self) { try Backtest.run(incidents: [], configuration: Self.configuration, source: "s") }
        #expect(throws: RiskError.self) {
            try Backtest.run(incidents: [Incident(date: "2012-02-30", region: "a", kind: .attack)], configuration: Self.configuration, source: "s")
        }
        let many = (0...1_000).map { Incident(date: "2011-01-01", region: "r\($0)", kind: .attack) }
        #expect(throws: RiskError.self) { try Backtest.run(incidents: many, configuration: Self.configuration, source: "s") }
    }

    @Test func randomIncidentsEitherBacktestOrThrowARiskError() {
        var g = Xoshiro256StarStar(seed: 41)
        var c = Self.configuration
        c.runs = 10
        c.windowMonths = 6
        c.levelMonths = 2
        for _ in 0..<25 {
            let n = Int(g.next() % 300)
            let incidents = (0..<n).map { _ -> Incident in
                let y = 2009 + Int(g.next() % 5), m = 1 + Int(g.next() % 13), d = 1 + Int(g.next() % 31)
                let date = g.next() % 50 == 0 ? "not a date" : String(format: "%04d-%02d-%02d", y, m, d)
                let count = g.next() % 40 == 0 ? -1 : Int(g.next() % 4)
                return Incident(date: date, region: ["a", "b", "", "c"][Int(g.next() % 4)], kind: .attack, count: count)
            }
            do {
                let report = try Backtest.run(incidents: incidents, configuration: c, source: "random")
                #expect(report.horizons.allSatisfy { $0.regionMonth.allSatisfy { $0.score.brier.isFinite } })
                _ = try JSONEncoder().encode(report)
            } catch is RiskError {
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func multivariateModelIsForecastAndScoredWithANeighbourStructure() throws {
        var c = Self.configuration
        c.neighbours = try NeighbourStructure(regions: ["a", "b", "elsewhere"], pairs: [("a", "b"), ("b", "elsewhere")])
        let report = try Backtest.run(incidents: Self.incidents(), configuration: c, source: "s")
        #expect(report.methods.contains(.multivariateHawkes))
        for h in report.horizons {
            let m = try #require(h.regionMonth(.multivariateHawkes))
            #expect(m.score.count == 48 && m.score.brier.isFinite)
            #expect(h.planLevel(.multivariateHawkes)?.score.count == 24 - h.horizon + 1)
        }
        let plain = try Backtest.run(incidents: Self.incidents(), configuration: Self.configuration, source: "s")
        #expect(!plain.methods.contains(.multivariateHawkes))
        // The other methods' forecasts do not depend on whether the multivariate model runs.
        #expect(Self.forecast(report, "a", .hawkes, 3) == Self.forecast(plain, "a", .hawkes, 3))
    }

    @Test func aCountOverAPeriodIsSpreadOverItsMonths() throws {
        // 90 incidents over January–March 2011 (90 days): 31, 28 and 31 a month.
        var list = Self.incidents().filter { $0.date < "2011-01" || $0.region == "b" }
        list.append(Incident(date: "2011-01-01", until: "2011-03-31", region: "a", kind: .attack, count: 90))
        let report = try Backtest.run(incidents: list, configuration: Self.configuration, source: "s")
        #expect(Array(Self.counts(report, "a")[0...2]) == [31, 28, 31])
        var bad = list
        bad.append(Incident(date: "2011-05-01", until: "2011-04-01", region: "a", kind: .attack, count: 3))
        #expect(throws: RiskError.self) { try Backtest.run(incidents: bad, configuration: Self.configuration, source: "s") }
    }

    @Test func localBackgroundIsTheMaximumLikelihoodRate() {
        let times = (0..<40).map { Double($0) * 2.5 + 0.3 }
        // Without excitation the rate is events over time: 20 events in [50, 100).
        let plain = BacktestForecasts.localBackground(times: times, from: 50, to: 100, alpha: 0, beta: 1)
        #expect(abs(plain - 0.4) < 1e-9)
        // With excitation the score Σ 1/(μ + αβAᵢ) − length vanishes at the estimate, and μ is lower.
        let (alpha, beta) = (0.4, 0.5)
        let mu = BacktestForecasts.localBackground(times: times, from: 50, to: 100, alpha: alpha, beta: beta)
        var a = 0.0, score = -50.0
        for (i, t) in times.enumerated() {
            if i > 0 { a = exp(-beta * (t - times[i - 1])) * (1 + a) }
            if t >= 50 { score += 1 / (mu + alpha * beta * a) }
        }
        #expect(abs(score) < 1e-6 && mu < 0.4)
        // No events in the interval: the floor, 0.1 event per interval.
        #expect(BacktestForecasts.localBackground(times: [1, 2], from: 50, to: 100, alpha: 0.3, beta: 1) == 0.1 / 50)
    }

    @Test func conditionalSimulatorMatchesPoissonWithoutExcitation() {
        // α = 0: each month's count is Poisson(μ · days).
        let sim = ConditionalHawkesSimulator(parameters: HawkesParameters(mu: 0.15, alpha: 0, beta: 1), excitation: 0,
                                             monthEnds: [31, 59, 90])
        var g = Xoshiro256StarStar(seed: 9)
        let runs = 20_000
        let tally = sim.simulate(runs: runs, threshold: 5, consecutive: 2, horizons: [1, 3], generator: &g)
        for (m, days) in [31.0, 28, 31].enumerated() {
            let p = CountProbability.poissonTail(mean: 0.15 * days, atLeast: 5)
            #expect(abs(tally.exceed[m] - p) < 4 * (p * (1 - p) / Double(runs)).squareRoot())
        }
        let exact = CountProbability.runProbability([31.0, 28, 31].map { CountProbability.poissonTail(mean: 0.15 * $0, atLeast: 5) }[...], run: 2)
        #expect(abs(tally.run[1] - exact) < 4 * (exact * (1 - exact) / Double(runs)).squareRoot())
        #expect(tally.run[0] == tally.exceed[0])  // horizon 1: one threshold month suffices
    }

    @Test func levelVolatilityWidensBothTailsOfTheMonthlyCount() {
        // Background 0.5/day, no excitation: month 6's count is Poisson(≈15) with a fixed level;
        // with σ = 0.5 a month the level drifts, so both high and low counts become likelier.
        let fixed = ConditionalHawkesSimulator(parameters: HawkesParameters(mu: 0.5, alpha: 0, beta: 1), excitation: 0,
                                               monthEnds: (1...6).map { Double($0) * 30.4375 })
        var drifting = fixed
        drifting.levelVolatility = 0.5
        var g1 = Xoshiro256StarStar(seed: 12), g2 = Xoshiro256StarStar(seed: 12), g3 = Xoshiro256StarStar(seed: 13), g4 = Xoshiro256StarStar(seed: 13)
        let highFixed = fixed.simulate(runs: 4_000, threshold: 30, consecutive: 1, horizons: [6], generator: &g1).exceed[5]
        let highDrift = drifting.simulate(runs: 4_000, threshold: 30, consecutive: 1, horizons: [6], generator: &g2).exceed[5]
        let lowFixed = fixed.simulate(runs: 4_000, threshold: 8, consecutive: 1, horizons: [6], generator: &g3).exceed[5]
        let lowDrift = drifting.simulate(runs: 4_000, threshold: 8, consecutive: 1, horizons: [6], generator: &g4).exceed[5]
        #expect(highDrift > highFixed + 0.1)  // P(≥ 30): about 0.0002 fixed
        #expect(lowDrift < lowFixed - 0.1)    // P(≥ 8): about 0.98 fixed
    }

    @Test func conditionalSimulatorCarriesTheHistorysExcitation() {
        // No background: every event descends from the history. Expected count over a long
        // horizon: S·α/(1 − α) (the history's direct offspring and their cascades).
        let p = HawkesParameters(mu: 1e-12, alpha: 0.5, beta: 0.2)
        let sim = ConditionalHawkesSimulator(parameters: p, excitation: 10, monthEnds: (1...24).map { Double($0) * 30.4375 })
        var g = Xoshiro256StarStar(seed: 4)
        let tally = sim.simulate(runs: 20_000, threshold: 1, consecutive: 1, horizons: [24], generator: &g)
        // P(no event at all over the horizon) for a branching process: the history gives
        // Poisson(αS) direct offspring, so at least e^{−5} of runs are empty.
        #expect(abs(tally.run[0] - (1 - exp(-5))) < 0.01)
        #expect(tally.exceed[0] > tally.exceed[12])  // excitation decays
    }
}

import Testing
@testable import IntiqalRisk

/// Calibration on worlds simulated from known parameters: each world has its own region
/// parameters and plan; the model predicts the probability of resurgence by Monte Carlo,
/// and the world's one realised history (drawn by the independent sequential simulator)
/// says whether resurgence happened.
@Suite struct CalibrationTests {
    struct World {
        var plan: RegionExposure
        var model: RiskModel
        var realisedBackground: [Double]
        var parameters: HawkesParameters
    }

    static let threshold = ResurgenceThreshold(incidentsPerMonth: 5, consecutiveMonths: 2)
    static let months = 12

    static func worlds(count: Int, seed: UInt64) -> [World] {
        var rng = Xoshiro256StarStar(seed: seed)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * (1 - rng.nextOpenUnit()) }
        return (0..<count).map { _ in
            let alpha = uniform(0.2, 0.6)
            let monthly = uniform(0.8, 3.5)  // incidents a month today
            let p = HawkesParameters(mu: monthly / RegionSimulator.monthDays * (1 - alpha), alpha: alpha, beta: uniform(0.3, 2))
            let leave = Int(uniform(0, Double(months)))
            let gap0 = uniform(0, 3), drift = uniform(-0.15, 0.3)
            let plan = RegionExposure(region: "r",
                                      gap: (0..<months).map { max(0, gap0 + drift * Double($0)) },
                                      coalitionShare: (0..<months).map { $0 < leave ? 1 : 0 })
            let model = RiskModel(regions: ["r": p], gammaGap: 0.3, gammaDeparture: 0.7)
            let background = (0..<months).map {
                model.backgroundRate(region: "r", gap: plan.gap[$0], coalitionShare: plan.coalitionShare[$0], referenceGap: gap0)
            }
            return World(plan: plan, model: model, realisedBackground: background, parameters: p)
        }
    }

    @Test func predictedProbabilitiesMatchObservedFrequencies() async throws {
        let worlds = Self.worlds(count: 400, seed: 2024)
        var planForecasts: [Double] = [], baselineForecasts: [Double] = [], outcomes: [Double] = []
        var observer = Xoshiro256StarStar(seed: 777)
        for (i, world) in worlds.enumerated() {
            let report = try await MonteCarlo.evaluate(plan: [world.plan], baseline: [world.plan.noChange], model: world.model,
                                                       threshold: Self.threshold, runs: 300, seed: UInt64(i), parallelism: 1)
            let realised = HawkesSimulator.simulateMonthlyCounts(
                background: world.realisedBackground, alpha: world.parameters.alpha, beta: world.parameters.beta,
                warmUpDays: min(max(10 / world.parameters.beta, RegionSimulator.monthDays), 3 * 365.25), using: &observer)
            planForecasts.append(report.pResurgence)
            baselineForecasts.append(report.baseline.pResurgence)
            outcomes.append(Self.threshold.isCrossed(by: realised) ? 1 : 0)
        }
        let table = ReliabilityTable(forecasts: planForecasts, outcomes: outcomes, bins: 5)
        print(table.description)
        let brier = brierScore(planForecasts, outcomes), baselineBrier = brierScore(baselineForecasts, outcomes)
        print("Brier: plan-aware \(brier.formatted(4)), no-change baseline \(baselineBrier.formatted(4))")

        // Reliability: each populated bin's observed frequency is within 3 binomial standard
        // errors (plus Monte Carlo slack) of its mean forecast.
        for bin in table.bins where bin.count >= 15 {
            let se = (max(bin.meanForecast * (1 - bin.meanForecast), 0.01) / Double(bin.count)).squareRoot()
            #expect(abs(bin.observedFrequency - bin.meanForecast) < 3 * se + 0.03, "\(bin)")
        }
        #expect(table.bins.filter { $0.count >= 15 }.count >= 3, "forecasts should spread over several bins")
        // Overall: mean forecast matches the base rate.
        let meanForecast = planForecasts.reduce(0, +) / Double(worlds.count)
        let baseRate = outcomes.reduce(0, +) / Double(worlds.count)
        #expect(abs(meanForecast - baseRate) < 3 * (baseRate * (1 - baseRate) / Double(worlds.count)).squareRoot() + 0.01)
        // Knowing the plan beats assuming no change.
        #expect(brier < baselineBrier)
    }
}

/// Forecasts grouped into equal-width probability bins, with observed frequencies.
struct ReliabilityTable: CustomStringConvertible {
    struct Bin: CustomStringConvertible {
        var lower: Double, upper: Double, count: Int, meanForecast: Double, observedFrequency: Double
        var description: String {
            "[\(lower.formatted(1)), \(upper.formatted(1))) n=\(count) forecast \(meanForecast.formatted(3)) observed \(observedFrequency.formatted(3))"
        }
    }

    var bins: [Bin]

    init(forecasts: [Double], outcomes: [Double], bins count: Int) {
        bins = (0..<count).map { i in
            let lower = Double(i) / Double(count), upper = Double(i + 1) / Double(count)
            let members = forecasts.indices.filter { forecasts[$0] >= lower && (forecasts[$0] < upper || (i == count - 1 && forecasts[$0] <= 1)) }
            let n = Double(max(members.count, 1))
            return Bin(lower: lower, upper: upper, count: members.count,
                       meanForecast: members.map { forecasts[$0] }.reduce(0, +) / n,
                       observedFrequency: members.map { outcomes[$0] }.reduce(0, +) / n)
        }
    }

    var description: String { "reliability table\n" + bins.map { "  \($0)" }.joined(separator: "\n") }
}

func brierScore(_ forecasts: [Double], _ outcomes: [Double]) -> Double {
    zip(forecasts, outcomes).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(max(forecasts.count, 1))
}

import Foundation

extension MonteCarlo {
    /// Integer tallies of one scenario.
    struct Tally: Sendable, Hashable {
        var anyCrossed = 0
        var regionCrossed: [Int]
        var regionIncidents: [Int]

        init(regions: Int) {
            regionCrossed = Array(repeating: 0, count: regions)
            regionIncidents = Array(repeating: 0, count: regions)
        }

        mutating func add(_ other: Tally) {
            anyCrossed += other.anyCrossed
            for r in regionCrossed.indices {
                regionCrossed[r] += other.regionCrossed[r]
                regionIncidents[r] += other.regionIncidents[r]
            }
        }
    }

    /// The tallies of a chunk of runs: per scenario (0 the baseline, p + 1 plan p), and per
    /// plan the discordant runs against the baseline (for the paired difference).
    struct ChunkResult: Sendable, Hashable {
        var runs: Int
        var tallies: [Tally]
        /// Runs where only plan p crossed, and where only the baseline did.
        var planOnly: [Int]
        var baselineOnly: [Int]
        /// Region-runs cut short at the event cap.
        var truncatedRuns = 0

        init(runs: Int, scenarios: Int, regions: Int) {
            self.runs = runs
            tallies = Array(repeating: Tally(regions: regions), count: scenarios)
            planOnly = Array(repeating: 0, count: scenarios - 1)
            baselineOnly = planOnly
        }

        mutating func add(_ other: ChunkResult) {
            runs += other.runs
            for s in tallies.indices { tallies[s].add(other.tallies[s]) }
            for p in planOnly.indices {
                planOnly[p] += other.planOnly[p]
                baselineOnly[p] += other.baselineOnly[p]
            }
            truncatedRuns += other.truncatedRuns
        }
    }

    /// The generator of one region in one run, shared by all its scenarios.
    @inline(__always)
    static func generator(seed: UInt64, run: Int, region: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: UInt64(run) &* 0x1_0000 &+ UInt64(region))
    }

    /// Stream index (in place of a region's position) of the per-run γ draw.
    static let gammaStream: UInt64 = 0xFFFF

    /// Standard normal pair by Box–Muller.
    @inline(__always)
    static func normals(_ rng: inout Xoshiro256StarStar) -> (Double, Double) {
        let r = (-2 * log(rng.nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * rng.nextOpenUnit()
        return (r * cos(angle), r * sin(angle))
    }

    /// Lays out one region for one run with parameters drawn from the fit's uncertainty.
    static func drawn(_ u: Setup.Uncertainty.Region, gamma: SIMD2<Double>, months: Int,
                      rng: inout Xoshiro256StarStar, into rebuilder: RegionRebuilder) -> RegionView {
        var p = u.parameters
        if let l = u.logFactor {
            let (z0, z1) = normals(&rng)
            let (z2, _) = normals(&rng)
            let z = SIMD3(z0, z1, z2)
            var shift = SIMD3<Double>()
            for i in 0..<3 { for j in 0...i { shift[i] += l[i, j] * z[j] } }
            p = HawkesParameters(mu: min(p.mu * exp(shift.x), 1e6),
                                 alpha: min(p.alpha * exp(shift.y), RiskModel.maximumFittedAlpha),
                                 beta: min(max(p.beta * exp(shift.z), 1e-6), 1e6))
        }
        let rates = rebuilder.rateBuffer(count: u.exposures.count * months)
        for (s, x) in u.exposures.enumerated() {
            for m in 0..<months {
                rates[s * months + m] = RiskModel.backgroundRate(mu: p.mu, gammaGap: gamma.x, gammaDeparture: gamma.y,
                                                                 gap: x.gap[m], reference: u.reference, coalitionShare: x.coalitionShare[m])
            }
        }
        return rebuilder.rebuild(scenarios: u.exposures.count, months: months, alpha: p.alpha, beta: p.beta)
    }

    /// Runs `firstRun ..< firstRun + runs`, every scenario side by side.
    static func simulate(_ setup: Setup, firstRun: Int, runs: Int, seed: UInt64, threshold: ResurgenceThreshold) -> ChunkResult {
        let scenarios = setup.scenarios
        var result = ChunkResult(runs: runs, scenarios: scenarios, regions: setup.regions.count)
        let months = setup.months
        var births = Generations()
        defer { births.deallocate() }
        // What each region's runs read; valid while `setup` (borrowed for this call) keeps its
        // simulators. Class counts grow when a redrawn layout has more classes than any before.
        let views = setup.simulators.map(\.view)
        var counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: views.map(\.countsLength).max() ?? 1)
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: months)
        defer {
            counts.deallocate()
            scratch.deallocate()
        }
        let rebuilders = setup.uncertainty == nil ? [] : setup.regions.map { _ in RegionRebuilder() }
        ExponentialZiggurat.shared.withTables { exp1 in
            for run in firstRun..<(firstRun + runs) {
                var crossed: UInt64 = 0
                var gamma = SIMD2<Double>()
                if let u = setup.uncertainty {
                    var g = Xoshiro256StarStar(seed: seed, stream: UInt64(run) &* 0x1_0000 &+ gammaStream)
                    let (z0, z1) = normals(&g)
                    gamma = u.gamma + u.gammaStandardErrors * SIMD2(z0, z1)
                }
                for r in views.indices {
                    var rng = generator(seed: seed, run: run, region: r)
                    var view = views[r]
                    if let u = setup.uncertainty {
                        view = drawn(u.regions[r], gamma: gamma, months: months, rng: &rng, into: rebuilders[r])
                        if view.countsLength > counts.count {
                            counts.deallocate()
                            counts = .allocate(capacity: view.countsLength)
                        }
                    }
                    view.book(region: r, rng: &rng, exp1: exp1, counts: counts, scratch: scratch, births: &births,
                              threshold: threshold, result: &result, crossed: &crossed)
                }
                for s in 0..<scenarios where crossed & (1 << UInt64(s)) != 0 { result.tallies[s].anyCrossed += 1 }
                let baseCrossed = crossed & 1 != 0
                for p in 0..<(scenarios - 1) {
                    let planCrossed = crossed & (1 << UInt64(p + 1)) != 0
                    if planCrossed && !baseCrossed { result.planOnly[p] += 1 }
                    if baseCrossed && !planCrossed { result.baselineOnly[p] += 1 }
                }
            }
        }
        return result
    }
}

extension RegionView {
    /// Simulates one region of one run and books every scenario's counts.
    @inline(__always)
    func book(region r: Int, rng: inout Xoshiro256StarStar,
              exp1: ExponentialZiggurat.Tables, counts: UnsafeMutableBufferPointer<Int>,
              scratch: UnsafeMutableBufferPointer<Int>, births: inout Generations,
              threshold: ResurgenceThreshold, result: inout MonteCarlo.ChunkResult, crossed: inout UInt64) {
        if !run(&rng, exp1: exp1, counts: counts, births: &births) { result.truncatedRuns += 1 }
        for s in 0..<scenarios {
            let c = self.counts(of: s, from: counts, scratch: scratch)
            var incidents = 0
            for m in 0..<months { incidents &+= c[m] }
            result.tallies[s].regionIncidents[r] += incidents
            guard threshold.isCrossed(by: c) else { continue }
            result.tallies[s].regionCrossed[r] += 1
            crossed |= 1 << UInt64(s)
        }
    }
}

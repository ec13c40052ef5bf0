import Foundation
import Testing
@testable import IntiqalRisk

/// The Poisson draws of the Monte Carlo: tabulated, by inversion and by transformed rejection,
/// against the Poisson distribution.
@Suite struct PoissonTests {
    /// Pearson's χ² of `draws` against Poisson(mean), cells with expected count ≥ 5 (the tails
    /// pooled), and its degrees of freedom.
    static func chiSquare(_ draws: [Int], mean: Double) -> (statistic: Double, degrees: Int) {
        let n = Double(draws.count)
        var histogram: [Int: Int] = [:]
        for d in draws { histogram[d, default: 0] += 1 }
        // Cells k in lo...hi where n·p(k) ≥ 5; below lo and above hi pooled.
        func logPMF(_ k: Int) -> Double { -mean + Double(k) * log(max(mean, 1e-300)) - lgamma(Double(k) + 1) }
        let mode = Int(mean)
        var lo = mode, hi = mode
        while lo > 0 && n * exp(logPMF(lo - 1)) >= 5 { lo -= 1 }
        while n * exp(logPMF(hi + 1)) >= 5 { hi += 1 }
        var below = 0.0
        for k in 0..<lo { below += exp(logPMF(k)) }
        var cells: [(observed: Double, expected: Double)] = []
        var above = 1.0 - below
        if lo > 0 { cells.append((Double(draws.filter { $0 < lo }.count), n * below)) }
        for k in lo...hi {
            let p = exp(logPMF(k))
            above -= p
            cells.append((Double(histogram[k] ?? 0), n * p))
        }
        cells.append((Double(draws.filter { $0 > hi }.count), n * max(above, 0)))
        let statistic = cells.filter { $0.expected > 0 }.map { ($0.observed - $0.expected) * ($0.observed - $0.expected) / $0.expected }.reduce(0, +)
        return (statistic, cells.count - 1)
    }

    /// Upper 0.1 % point of χ²(k), by the Wilson–Hilferty approximation.
    static func critical(_ k: Int) -> Double {
        let z = 3.090_232, d = Double(k)
        let c = 1 - 2 / (9 * d) + z * (2 / (9 * d)).squareRoot()
        return d * c * c * c
    }

    /// A draw from `entry` of `tables`, as the Monte Carlo makes it.
    static func draw(_ entry: PoissonTables.Entry, _ tables: PoissonTables, _ rng: inout Xoshiro256StarStar) -> Int {
        tables.cells.withUnsafeBufferPointer { cells in
            PoissonTables.draw(entry, cells: cells.baseAddress ?? UnsafePointer(bitPattern: 8)!, &rng)
        }
    }

    static let means: [Double] = [0.004, 0.3, 1, 2.5, 9.99, 10, 37, 255, 1_000, 25_000]

    @Test(arguments: means)
    func tabulatedAndDirectDrawsArePoisson(mean: Double) {
        var tables = PoissonTables(tabulate: true)
        let entry = tables.entry(mean: mean)
        #expect((entry.count > 0) == (mean <= PoissonTables.maximumTabulatedMean))
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 60_000
        let tabulated = (0..<n).map { _ in Self.draw(entry, tables, &rng) }
        let direct = (0..<n).map { _ in Poisson.draw(mean: mean, &rng) }
        for (name, draws) in [("tabulated", tabulated), ("direct", direct)] {
            #expect(draws.allSatisfy { $0 >= 0 })
            let sampleMean = Double(draws.reduce(0, +)) / Double(n)
            #expect(abs(sampleMean - mean) < 5 * (mean / Double(n)).squareRoot() + 1e-9, "\(name) mean \(sampleMean) vs \(mean)")
            let (x2, k) = Self.chiSquare(draws, mean: mean)
            if k > 0 { #expect(x2 < Self.critical(k), "\(name) χ² \(x2) on \(k) degrees of freedom, mean \(mean)") }
        }
    }

    @Test func zeroMeanAlwaysGivesZero() {
        var tables = PoissonTables(tabulate: true)
        let entry = tables.entry(mean: 0)
        var rng = Xoshiro256StarStar(seed: 1)
        #expect((0..<1_000).allSatisfy { _ in Self.draw(entry, tables, &rng) == 0 && Poisson.draw(mean: 0, &rng) == 0 })
    }

    @Test func tablesAreSharedAndBounded() {
        var tables = PoissonTables(tabulate: true)
        let a = tables.entry(mean: 3.5), b = tables.entry(mean: 3.5), c = tables.entry(mean: 4)
        #expect(a == b && a != c)
        var untabulated = PoissonTables(tabulate: false)
        #expect(untabulated.entry(mean: 3.5).count == 0)
        // A full pool stops tabulating but keeps drawing.
        var full = PoissonTables(tabulate: true)
        var last = full.entry(mean: 200)
        var i = 0.0
        while last.count > 0 { i += 1; last = full.entry(mean: 200 + i / 1_000) }
        #expect(full.cells.count <= PoissonTables.maximumPoolSize)
        var rng = Xoshiro256StarStar(seed: 2)
        #expect(Self.draw(last, full, &rng) > 100)
    }
}

@Suite struct AliasTableTests {
    @Test func drawsFollowTheWeights() {
        // Uneven weights, a zero among them: frequencies within 4 standard errors.
        let weights = [0.5, 0, 3, 1.25, 0.25, 5]
        let total = weights.reduce(0, +)
        var cells: [AliasTable.Cell] = [AliasTable.Cell(keep: 0, alias: 0)]  // a table after another's cells
        var builder = AliasTable.Builder()
        builder.append(weights[...], total: total, to: &cells)
        var rng = Xoshiro256StarStar(seed: 5)
        let n = 200_000
        var seen = [Int](repeating: 0, count: weights.count)
        cells.withUnsafeBufferPointer { c in
            for _ in 0..<n { seen[AliasTable.pick(c.baseAddress! + 1, count: weights.count, &rng)] += 1 }
        }
        #expect(seen[1] == 0)
        for (i, w) in weights.enumerated() {
            let p = w / total
            let se = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(seen[i]) / Double(n) - p) <= 4 * se + 1e-12, "value \(i): \(seen[i]) of \(n), p \(p)")
        }
    }
}

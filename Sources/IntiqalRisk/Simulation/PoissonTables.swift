import Foundation

/// Poisson variates for the Monte Carlo.
///
/// Where a mean is known before the runs start, its distribution is tabulated once for
/// Walker's alias method (Vose 1991): a draw is one 64-bit random number, one table cell and
/// one comparison, with no search. Means above `maximumTabulatedMean`, means added once the
/// pool is full, and pools built with `tabulate: false` (parameters redrawn every run) are
/// drawn directly: by sequential inversion below 10, by transformed rejection with squeeze
/// (PTRS, Hörmann 1993) from 10 up. Every path is exact up to rounding: a table leaves out
/// only values whose probability is below 2⁻⁶⁴.
struct PoissonTables: Sendable {
    /// One distribution of the pool.
    struct Entry: Sendable, Hashable {
        var mean: Double
        /// First cell of this distribution's alias table in `cells`.
        var start: Int32
        /// Number of cells (0: drawn directly).
        var count: Int32

        static func direct(_ mean: Double) -> Entry { Entry(mean: mean, start: 0, count: 0) }
    }

    /// Largest mean tabulated (a table holds about mean + 10√mean + 20 cells).
    static let maximumTabulatedMean = 256.0
    /// Largest pool, in cells; later means are drawn directly.
    static let maximumPoolSize = 1 << 20

    private(set) var cells: [AliasTable.Cell] = []
    private var known: [Double: Entry] = [:]
    let tabulate: Bool

    init(tabulate: Bool) { self.tabulate = tabulate }

    /// The entry for a Poisson distribution with `mean` (finite, ≥ 0), tabulated when allowed.
    mutating func entry(mean: Double) -> Entry {
        guard tabulate, mean <= Self.maximumTabulatedMean else { return .direct(mean) }
        if let e = known[mean] { return e }
        // Probabilities 0, 1, … up to the first value past the mean below 2⁻⁶⁴.
        var pmf: [Double] = []
        var p = exp(-mean), sum = 0.0
        var k = 0
        while k <= Int(mean) || p >= 0x1p-64 {
            pmf.append(p)
            sum += p
            k += 1
            p *= mean / Double(k)
        }
        guard cells.count + pmf.count <= Self.maximumPoolSize else { return .direct(mean) }
        let start = cells.count
        var builder = AliasTable.Builder()
        builder.append(pmf[...], total: sum, to: &cells)
        let e = Entry(mean: mean, start: Int32(start), count: Int32(pmf.count))
        known[mean] = e
        return e
    }

    /// A draw from `e`: from its alias table in `cells` (the pool's cells) where tabulated,
    /// directly otherwise.
    @inline(__always)
    static func draw(_ e: Entry, cells: UnsafePointer<AliasTable.Cell>, _ rng: inout Xoshiro256StarStar) -> Int {
        guard e.count > 0 else { return Poisson.draw(mean: e.mean, &rng) }
        return AliasTable.pick(cells + Int(e.start), count: Int(e.count), &rng)
    }
}

/// Poisson variates without tables.
enum Poisson {
    /// One Poisson(`mean`) variate; `mean` finite and ≥ 0.
    @inline(__always)
    static func draw(mean: Double, _ rng: inout Xoshiro256StarStar) -> Int {
        mean < 10 ? inversion(mean: mean, &rng) : transformedRejection(mean: mean, &rng)
    }

    /// Sequential inversion: the first k whose cumulative probability exceeds a uniform.
    static func inversion(mean: Double, _ rng: inout Xoshiro256StarStar) -> Int {
        let u = rng.nextUnit()
        var p = exp(-mean), sum = p, k = 0
        // P(X > mean + 40) < 10⁻¹⁸ for mean < 10: the search stops there whatever the rounding.
        let last = Int(mean) + 40
        while sum <= u && k < last {
            k += 1
            p *= mean / Double(k)
            sum += p
        }
        return k
    }

    /// PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random
    /// variables"), for means ≥ 10.
    static func transformedRejection(mean: Double, _ rng: inout Xoshiro256StarStar) -> Int {
        let logMean = log(mean)
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4))
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = rng.nextUnit() - 0.5
            let v = rng.nextUnit()
            let us = 0.5 - abs(u)
            guard us > 0 else { continue }
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            guard k >= 0, k < 1e15, !(us < 0.013 && v > us) else { continue }
            if log(v) + logInvAlpha - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
                return Int(k)
            }
        }
    }
}

import Foundation

/// Monthly incident counts of one region under one exposure, by the cluster (branching)
/// representation of the Hawkes process: immigrants arrive as a Poisson process with the
/// month's background rate; every event has Poisson(α) children, each Exp(β) days later.
/// Exact, and only monthly counts are kept.
struct RegionSimulator: Sendable {
    static let monthDays = 365.25 / 12
    /// Events per region and run beyond which a run is cut short (and reported).
    static let eventCap = 2_000_000

    let months: Int
    /// Mean days between immigrants in each month (infinity where the rate is 0).
    let meanGap: [Double]
    let warmUpDays: Double
    let alpha: Double
    let offspringP2: Double
    /// P(children ≤ 0), ≤ 1, ≤ 2: the fast path of the offspring draw.
    let offspringCDF: (Double, Double, Double)
    /// P(no children) · 2⁶⁴, for a comparison on raw generator output.
    let noChildrenBits: UInt64
    let invBeta: Double

    /// `background` is the rate per day in each month.
    init(background: [Double], alpha: Double, beta: Double) {
        months = background.count
        meanGap = background.map { $0 > 0 ? 1 / $0 : .infinity }
        // Long enough for clusters started before month 0 to have died down.
        warmUpDays = min(max(10 / beta, Self.monthDays), 3 * 365.25)
        self.alpha = alpha
        let p0 = exp(-alpha), p1 = p0 * alpha, p2 = p1 * alpha / 2
        offspringP2 = p2
        offspringCDF = (p0, p0 + p1, p0 + p1 + p2)
        noChildrenBits = p0 >= 1 ? .max : UInt64(p0 * 0x1p64)
        invBeta = min(1 / beta, 1e12)  // finite delays even for a vanishing β
    }

    /// Whether a new event will have any children (probability 1 − e^{−α}). Only events
    /// that will are pushed; their number is drawn when they are popped.
    @inline(__always)
    func hasChildren(_ rng: inout Xoshiro256StarStar) -> Bool {
        rng.next() >= noChildrenBits
    }

    /// Number of children of an event known to have at least one: Poisson(α) given ≥ 1.
    @inline(__always)
    func childrenGivenSome(_ rng: inout Xoshiro256StarStar) -> Int {
        let p0 = offspringCDF.0
        let u = (p0 + (1 - p0) * (1 - rng.nextOpenUnit())) * 0.999_999_999_999
        if u <= offspringCDF.1 { return 1 }
        if u <= offspringCDF.2 { return 2 }
        // Rare: continue the inversion from 3 with the same uniform.
        var k = 3
        var p = offspringP2 * alpha / 3
        var cdf = offspringCDF.2 + p
        while u > cdf && k < 400 {
            k += 1
            p *= alpha / Double(k)
            cdf += p
        }
        return k
    }

    /// Fills `counts` (length `months`) for one run; `stack` is scratch space.
    /// Returns false when the run hit the event cap.
    @inline(__always)
    func run(_ generator: inout Xoshiro256StarStar, exp1: ExponentialZiggurat.Tables,
             counts: UnsafeMutableBufferPointer<Int>, stack events: inout EventStack) -> Bool {
        // Work on local copies so the optimiser keeps generator and stack in registers.
        var rng = generator
        var stack = events
        defer { generator = rng; events = stack }
        for m in 0..<months { counts[m] = 0 }
        stack.count = 0
        let horizon = Double(months) * Self.monthDays
        let invMonth = 1 / Self.monthDays
        let last = months - 1
        var total = 0
        // Immigrants: a Poisson process with piecewise-constant rate, drawn gap by gap
        // (memoryless, so a gap that crosses a month boundary restarts there). The
        // warm-up runs at month 0's rate; its events are not counted.
        if let gap = meanGap.first, gap.isFinite {
            var t = -warmUpDays
            while true {
                t += exp1.next(&rng) * gap
                if t >= 0 { break }
                stack.push(t, if: hasChildren(&rng))
            }
        }
        for m in 0..<months {
            let gap = meanGap[m]
            if !gap.isFinite { continue }
            let start = Double(m) * Self.monthDays
            let end = start + Self.monthDays
            var t = start
            var n = 0
            while true {
                t += exp1.next(&rng) * gap
                if t >= end { break }
                stack.push(t, if: hasChildren(&rng))
                n += 1
            }
            counts[m] += n
            total += n
            if total > Self.eventCap { return false }
        }
        while stack.count > 0 {
            let t = stack.pop()
            let k = childrenGivenSome(&rng)
            for _ in 0..<k {
                // Branch-free: whether the child falls in the horizon (and after month 0's
                // start) is random, so it is applied as 0/1 arithmetic, not as jumps.
                let c = t + exp1.next(&rng) * invBeta
                let inside = c < horizon
                let counted = inside && c >= 0
                let slot = Int(min(max(c * invMonth, 0), Double(last)))
                counts[slot] &+= counted ? 1 : 0
                total &+= counted ? 1 : 0
                stack.push(c, if: hasChildren(&rng) && inside)
            }
            if total > Self.eventCap { return false }
        }
        return true
    }
}

import Foundation

/// Exact simulation of event times of a stationary-background Hawkes process.
///
/// Uses the exact decomposition for the exponential kernel (Dassios & Zhao 2013): the next
/// event is the earlier of a background arrival (rate μ) and the first arrival of the
/// decaying excitation, both drawn in closed form, so no thinning is needed.
public enum HawkesSimulator {
    /// Largest number of events one call returns (a guard against explosive parameters).
    public static let maximumEvents = 50_000_000

    /// Event times in `[0, horizon]`, sorted, starting from an empty history.
    public static func simulate(parameters p: HawkesParameters, horizon: Double, seed: UInt64) throws -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        return try simulate(parameters: p, horizon: horizon, using: &rng)
    }

    /// Event times in `[0, horizon]` drawn with the given generator.
    public static func simulate(parameters p: HawkesParameters, horizon: Double, using rng: inout Xoshiro256StarStar) throws -> [Double] {
        try p.validate()
        guard horizon.isFinite, horizon >= 0 else {
            throw RiskError.invalid(.riskSimulationHorizon, "horizon", "the horizon must be a finite number of days ≥ 0, got \(horizon)")
        }
        var times: [Double] = []
        if let rate = p.stationaryRate { times.reserveCapacity(Int(min(rate * horizon * 1.1, 1e7)) + 16) }
        var t = 0.0
        var excitation = 0.0  // current excitation intensity, λ(t) − μ
        let jump = p.alpha * p.beta
        while true {
            let background = -log(rng.nextOpenUnit()) / p.mu
            var triggered = Double.infinity
            if excitation > 0 {
                let d = 1 + p.beta * log(rng.nextOpenUnit()) / excitation
                if d > 0 { triggered = -log(d) / p.beta }
            }
            let wait = min(background, triggered)
            t += wait
            if !(t <= horizon) { break }
            excitation = excitation * exp(-p.beta * wait) + jump
            times.append(t)
            if times.count >= maximumEvents {
                throw RiskError.invalid(.riskSimulationExplosive, "alpha", "simulation exceeded \(maximumEvents) events; the process is explosive (\(p))")
            }
        }
        return times
    }

    /// Monthly counts with a piecewise-constant background (`background[m]` per day in month
    /// m), by the same exact sequential method restarted at each month boundary (valid since
    /// (t, excitation) is Markov). A second code path beside the Monte Carlo's cluster
    /// simulation, used to check it. The warm-up before month 0 runs at month 0's rate.
    static func simulateMonthlyCounts(background: [Double], alpha: Double, beta: Double, warmUpDays: Double,
                                      monthDays: Double = RegionSimulator.monthDays,
                                      using rng: inout Xoshiro256StarStar) -> [Int] {
        var counts = [Int](repeating: 0, count: background.count)
        guard !background.isEmpty else { return counts }
        var excitation = 0.0
        let jump = alpha * beta
        // Segment −1 is the warm-up.
        for m in -1..<background.count {
            let mu = background[max(m, 0)]
            var t = m < 0 ? -warmUpDays : Double(m) * monthDays
            let end = m < 0 ? 0 : Double(m + 1) * monthDays
            while true {
                let arrival = mu > 0 ? -log(rng.nextOpenUnit()) / mu : .infinity
                var triggered = Double.infinity
                if excitation > 0 {
                    let d = 1 + beta * log(rng.nextOpenUnit()) / excitation
                    if d > 0 { triggered = -log(d) / beta }
                }
                let wait = min(arrival, triggered)
                if t + wait >= end {
                    excitation *= exp(-beta * (end - t))
                    break
                }
                t += wait
                excitation = excitation * exp(-beta * wait) + jump
                if m >= 0 { counts[m] += 1 }
            }
        }
        return counts
    }

    /// Event times on `[0, background.days]` with background `μ · background.multiplier[k]`
    /// on segment k, from an empty history (exact, sequential, restarted at boundaries).
    public static func simulate(parameters p: HawkesParameters, background: BackgroundShape, seed: UInt64) throws -> [Double] {
        try p.validate()
        try background.validate(horizon: background.days)
        var rng = Xoshiro256StarStar(seed: seed)
        var times: [Double] = []
        var excitation = 0.0
        var start = 0.0
        for (k, length) in background.segmentDays.enumerated() {
            let mu = p.mu * background.multiplier[k]
            let end = start + length
            var t = start
            while true {
                let arrival = -log(rng.nextOpenUnit()) / mu
                var triggered = Double.infinity
                if excitation > 0 {
                    let d = 1 + p.beta * log(rng.nextOpenUnit()) / excitation
                    if d > 0 { triggered = -log(d) / p.beta }
                }
                let wait = min(arrival, triggered)
                if t + wait >= end {
                    excitation *= exp(-p.beta * (end - t))
                    break
                }
                t += wait
                excitation = excitation * exp(-p.beta * wait) + p.alpha * p.beta
                times.append(t)
                if times.count >= maximumEvents {
                    throw RiskError.invalid(.riskSimulationExplosiveBackground, "alpha", "simulation exceeded \(maximumEvents) events; the process is explosive (\(p))")
                }
            }
            start = end
        }
        return times
    }
}

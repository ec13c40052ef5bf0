import Foundation

/// Exact simulation of the multivariate model by its cluster representation: immigrants at
/// rate μ_k; an event in region j has Poisson(α_j) children in j, each Exp(β_j) after it, and
/// Poisson(η) children in every neighbour k, each Exp(β_k) after it.
public enum MultivariateHawkesSimulator {
    /// Most events one simulation may hold (a guard; the tests keep the process subcritical).
    public static let maximumEvents = 20_000_000

    /// Event times per region on [0, horizon], sorted, from an empty history.
    public static func simulate(parameters p: MultivariateHawkesParameters, structure: NeighbourStructure,
                                horizon: Double, seed: UInt64) throws -> [[Double]] {
        let k = structure.regions.count
        guard p.mu.count == k, p.alpha.count == k, p.beta.count == k else {
            throw RiskError.invalid(.riskMultivariateParameters, "parameters", "expected \(k) regions of parameters")
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var out = [[Double]](repeating: [], count: k)
        var pending: [(t: Double, region: Int)] = []
        for r in 0..<k where p.mu[r] > 0 {
            var t = -log(generator.nextOpenUnit()) / p.mu[r]
            while t < horizon { pending.append((t, r)); t -= log(generator.nextOpenUnit()) / p.mu[r] }
        }
        var total = 0
        while let e = pending.popLast() {
            total += 1
            guard total <= maximumEvents else { throw RiskError.invalid(.riskMultivariateExplosive, "parameters", "more than \(maximumEvents) events: is the process explosive?") }
            out[e.region].append(e.t)
            spawn(from: e.t, region: e.region, p: p, structure: structure, horizon: horizon, generator: &generator) { pending.append(($0, $1)) }
        }
        return out.map { $0.sorted() }
    }

    /// Children of an event at `t` in `region`, each passed to `emit(time, region)` when before `horizon`.
    @inline(__always)
    static func spawn(from t: Double, region j: Int, p: MultivariateHawkesParameters, structure: NeighbourStructure,
                      horizon: Double, generator: inout Xoshiro256StarStar, emit: (Double, Int) -> Void) {
        for _ in 0..<poisson(p.alpha[j], &generator) {
            let c = t - log(generator.nextOpenUnit()) / p.beta[j]
            if c < horizon { emit(c, j) }
        }
        guard p.eta > 0 else { return }
        for k in structure.neighbours[j] {
            for _ in 0..<poisson(p.eta, &generator) {
                let c = t - log(generator.nextOpenUnit()) / p.beta[k]
                if c < horizon { emit(c, k) }
            }
        }
    }

    /// Poisson draw by inversion (small means).
    @inline(__always)
    static func poisson(_ mean: Double, _ generator: inout Xoshiro256StarStar) -> Int {
        guard mean > 0 else { return 0 }
        let u = generator.nextUnit()
        var p = exp(-mean), cumulative = p, k = 0
        while u >= cumulative, k < 64 {
            k += 1
            p *= mean / Double(k)
            cumulative += p
        }
        return k
    }
}

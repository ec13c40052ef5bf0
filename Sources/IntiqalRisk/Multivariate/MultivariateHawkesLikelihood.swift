import Foundation

/// The log-likelihood of the multivariate model on `[0, horizon]` and its analytic gradient in
/// one pass per receiving region over its own and its neighbours' events merged in time.
///
/// For region k, with So = Σ_own e^{−β_k(t−tᵢ)}, Sn the same over the neighbours' events and
/// So′, Sn′ their β_k derivatives (each a one-step recursion), λ_k = μ_k + β_k(α_k So + η Sn) and
/// log L_k = Σ_own log λ_k − μ_k T − α_k (n_own − So(T)) − η (n_nb − Sn(T)).
struct MultivariateHawkesLikelihood: Sendable {
    let structure: NeighbourStructure
    let horizon: Double
    /// Per receiving region: event times of it and its neighbours, sorted, with whether each is its own.
    let merged: [[(t: Double, own: Bool)]]
    let counts: [Int]

    init(times: [[Double]], structure: NeighbourStructure, horizon: Double) throws {
        guard times.count == structure.regions.count else {
            throw RiskError.invalid(.riskMultivariateTimes, "times", "expected event times for \(structure.regions.count) regions, got \(times.count)")
        }
        guard horizon.isFinite, horizon > 0 else { throw RiskError.invalid(.riskMultivariateHorizon, "horizon", "the horizon must be positive and finite, got \(horizon)") }
        for (k, list) in times.enumerated() {
            for t in list where !(t.isFinite && t >= 0 && t <= horizon) {
                throw RiskError.invalid(.riskMultivariateEventTime, "times[\(k)]", "event time \(t) is not a finite time in [0, \(horizon)]")
            }
        }
        self.structure = structure
        self.horizon = horizon
        counts = times.map(\.count)
        merged = structure.regions.indices.map { k in
            var list = times[k].map { (t: $0, own: true) }
            for j in structure.neighbours[k] { list += times[j].map { (t: $0, own: false) } }
            list.sort { $0.t < $1.t }
            return list
        }
    }

    /// Log-likelihood and its gradient with respect to (μ, α, β per region, η), in `logVector` order.
    func evaluate(_ p: MultivariateHawkesParameters) -> (value: Double, gradient: [Double]) {
        let k = structure.regions.count
        var value = 0.0
        var gradient = [Double](repeating: 0, count: 3 * k + 1)
        let T = horizon
        for r in 0..<k {
            let mu = p.mu[r], alpha = p.alpha[r], beta = p.beta[r], eta = p.eta
            var so = 0.0, sn = 0.0, so1 = 0.0, sn1 = 0.0
            var last = 0.0, nOwn = 0.0, nNb = 0.0
            var gMu = 0.0, gAlpha = 0.0, gBeta = 0.0, gEta = 0.0
            for e in merged[r] {
                let delta = e.t - last
                if delta > 0 {
                    let d = exp(-beta * delta)
                    so1 = d * (so1 - delta * so); so *= d
                    sn1 = d * (sn1 - delta * sn); sn *= d
                    last = e.t
                }
                if e.own {
                    let lambda = mu + beta * (alpha * so + eta * sn)
                    guard lambda > 0, lambda.isFinite else { return (-.infinity, gradient) }
                    value += log(lambda)
                    let inv = 1 / lambda
                    gMu += inv
                    gAlpha += beta * so * inv
                    gEta += beta * sn * inv
                    gBeta += (alpha * (so + beta * so1) + eta * (sn + beta * sn1)) * inv
                    so += 1
                    nOwn += 1
                } else {
                    sn += 1
                    nNb += 1
                }
            }
            let delta = T - last
            let d = exp(-beta * delta)
            so1 = d * (so1 - delta * so); so *= d
            sn1 = d * (sn1 - delta * sn); sn *= d
            value -= mu * T + alpha * (nOwn - so) + eta * (nNb - sn)
            gMu -= T
            gAlpha -= nOwn - so
            gEta -= nNb - sn
            gBeta += alpha * so1 + eta * sn1
            gradient[r] = gMu
            gradient[k + r] = gAlpha
            gradient[2 * k + r] = gBeta
            gradient[3 * k] += gEta
        }
        return (value, gradient)
    }
}

import Foundation

/// Maximum-likelihood fit of the multivariate model: L-BFGS on the log-parameters with the
/// analytic gradient, within box bounds (α and η ≤ 0.95, β ≥ 1/T, μ > 0), from a given start
/// (e.g. the regions' univariate fits with a small η).
public enum MultivariateHawkesFit {
    public struct Result: Sendable, Hashable, Codable {
        public var parameters: MultivariateHawkesParameters
        public var logLikelihood: Double
        public var iterations: Int
        public var converged: Bool
    }

    static let maximumBranching = 0.95

    /// Fits `times` (per region of `structure`, days in `[0, horizon]`); `start` defaults to
    /// half of each region's rate as background, α = 0.3, β = 1/day, η = 0.05.
    public static func fit(times: [[Double]], structure: NeighbourStructure, horizon: Double,
                           start: MultivariateHawkesParameters? = nil, maxIterations: Int = 500) throws -> Result {
        let likelihood = try MultivariateHawkesLikelihood(times: times, structure: structure, horizon: horizon)
        let k = structure.regions.count
        let initial = start ?? MultivariateHawkesParameters(
            mu: likelihood.counts.map { max(Double($0), 0.5) / horizon * 0.5 }, alpha: Array(repeating: 0.3, count: k),
            beta: Array(repeating: 1, count: k), eta: 0.05)
        guard initial.mu.count == k, initial.alpha.count == k, initial.beta.count == k else {
            throw RiskError.invalid(.riskMultivariateStart, "start", "the start must have \(k) regions")
        }
        let lower = [Double](repeating: log(1e-6 / horizon), count: k) + [Double](repeating: log(1e-6), count: k)
            + [Double](repeating: log(1 / horizon), count: k) + [log(1e-6)]
        let upper = [Double](repeating: log(1e4), count: k) + [Double](repeating: log(maximumBranching), count: k)
            + [Double](repeating: log(1e3), count: k) + [log(maximumBranching)]
        func clamp(_ x: [Double]) -> [Double] { x.indices.map { min(upper[$0], max(lower[$0], x[$0])) } }
        let n = Double(max(1, likelihood.counts.reduce(0, +)))
        /// f(x) = −log L / n and its gradient in x (log-parameters).
        func objective(_ x: [Double]) -> (Double, [Double]) {
            let p = MultivariateHawkesParameters(logVector: x, regions: k)
            let (v, g) = likelihood.evaluate(p)
            guard v.isFinite else { return (.infinity, g) }
            let values = p.mu + p.alpha + p.beta + [p.eta]
            return (-v / n, g.indices.map { -g[$0] * values[$0] / n })
        }
        var x = clamp(initial.logVector.map { $0.isFinite ? $0 : -30 })
        var (f, g) = objective(x)
        guard f.isFinite else { throw RiskError(.nonConvergence, .riskMultivariateNotFinite, "the log-likelihood is not finite at the start", field: "start") }
        var s: [[Double]] = [], y: [[Double]] = []
        let memory = 8
        var iterations = 0, converged = false
        func projectedNorm(_ x: [Double], _ g: [Double]) -> Double {
            var m = 0.0
            for i in x.indices {
                if (x[i] <= lower[i] + 1e-12 && g[i] > 0) || (x[i] >= upper[i] - 1e-12 && g[i] < 0) { continue }
                m = max(m, abs(g[i]))
            }
            return m
        }
        while iterations < maxIterations {
            iterations += 1
            if projectedNorm(x, g) < 1e-7 { converged = true; break }
            // Two-loop recursion for the direction.
            var q = g
            var alphas = [Double](repeating: 0, count: s.count)
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                let rho = 1 / dot(y[i], s[i])
                alphas[i] = rho * dot(s[i], q)
                for j in q.indices { q[j] -= alphas[i] * y[i][j] }
            }
            if let ls = s.last, let ly = y.last { let gamma = dot(ls, ly) / dot(ly, ly); for j in q.indices { q[j] *= gamma } }
            for i in s.indices {
                let rho = 1 / dot(y[i], s[i])
                let b = rho * dot(y[i], q)
                for j in q.indices { q[j] += s[i][j] * (alphas[i] - b) }
            }
            var direction = q.map { -$0 }
            // Coordinates at a bound with the descent pointing outward are held.
            for i in x.indices where (x[i] <= lower[i] + 1e-12 && direction[i] < 0) || (x[i] >= upper[i] - 1e-12 && direction[i] > 0) {
                direction[i] = 0
            }
            if dot(direction, g) >= 0 { direction = g.map { -$0 }; s.removeAll(); y.removeAll() }
            let longest = direction.map(abs).max() ?? 0
            var step = longest > 1 ? 1 / longest : 1
            var accepted = false
            for _ in 0..<40 {
                let candidate = clamp(x.indices.map { x[$0] + step * direction[$0] })
                let (fc, gc) = objective(candidate)
                let moved = candidate.indices.map { candidate[$0] - x[$0] }
                if fc.isFinite, fc <= f + 1e-4 * dot(g, moved) {
                    let sy = candidate.indices.map { gc[$0] - g[$0] }
                    if dot(moved, sy) > 1e-12 {
                        s.append(moved); y.append(sy)
                        if s.count > memory { s.removeFirst(); y.removeFirst() }
                    }
                    let gain = f - fc
                    x = candidate; f = fc; g = gc
                    accepted = true
                    if gain < 1e-13 * max(1, abs(f)) && (moved.map(abs).max() ?? 0) < 1e-9 { converged = true }
                    break
                }
                step /= 2
            }
            if !accepted { converged = projectedNorm(x, g) < 1e-4; break }
            if converged { break }
        }
        let p = MultivariateHawkesParameters(logVector: x, regions: k)
        return Result(parameters: p, logLikelihood: -f * n, iterations: iterations, converged: converged)
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}

import Foundation

/// Maximum-likelihood fitting of an exponential-kernel Hawkes process.
///
/// The optimiser is a damped (Levenberg–Marquardt) Newton method on the log-parameters
/// `θ = (log μ, log α, log β)`, using the exact gradient and Hessian of the O(n) recursion,
/// started from the best of a small grid. Standard errors come from the inverse observed
/// information at the estimate; goodness of fit from a KS test of the rescaled intervals.
public enum HawkesFit {
    /// Fewest events a fit accepts.
    public static let minimumEvents = 10

    /// Fits μ, α, β to `eventTimes` (days, any order) observed on `[0, horizon]`.
    /// With `background`, μ(t) = μ · shape(t) for a known shape and μ is its level.
    public static func fit(eventTimes: [Double], horizon: Double, background: BackgroundShape? = nil,
                           maxIterations: Int = 200) throws -> FitResult {
        try fit(HawkesLikelihood(eventTimes: eventTimes, horizon: horizon, background: background),
                start: nil, maxIterations: maxIterations)
    }

    /// Fits a prepared likelihood, from `start` when given (else from a small grid).
    static func fit(_ likelihood: HawkesLikelihood, start: HawkesParameters?, maxIterations: Int = 200) throws -> FitResult {
        let horizon = likelihood.horizon
        let n = likelihood.times.count
        guard n >= minimumEvents else {
            throw RiskError(.tooFewEvents, "a Hawkes fit needs at least \(minimumEvents) events, got \(n)", field: "eventTimes")
        }
        // Starting point: the best of a small grid around the mean rate.
        let rate = Double(n) / horizon
        var best: (theta: SIMD3<Double>, eval: HawkesLikelihood.Evaluation)?
        if let start, start.mu > 0, start.alpha > 0, start.beta > 0 {
            let e = likelihood.evaluate(start)
            if e.logLikelihood.isFinite { best = (SIMD3(log(start.mu), log(start.alpha), log(start.beta)), e) }
        }
        for alpha in [0.5] where best == nil {
            for betaScale in [0.1, 1.0, 10.0, 100.0] {
                let p = HawkesParameters(mu: rate * (1 - alpha) * horizon / likelihood.integratedBackground,
                                         alpha: alpha, beta: rate * betaScale)
                let e = likelihood.evaluate(p)
                if e.logLikelihood.isFinite, best == nil || e.logLikelihood > best!.eval.logLikelihood {
                    best = (SIMD3(log(p.mu), log(p.alpha), log(p.beta)), e)
                }
            }
        }
        guard var (theta, eval) = best else {
            throw RiskError(.nonConvergence, "the log-likelihood is not finite at any starting point", field: "eventTimes")
        }

        func params(_ th: SIMD3<Double>) -> HawkesParameters {
            HawkesParameters(mu: exp(th.x), alpha: exp(th.y), beta: exp(th.z))
        }
        // Objective f(θ) = −log L; its gradient and Hessian in θ.
        func thetaDerivatives(_ th: SIMD3<Double>, _ e: HawkesLikelihood.Evaluation) -> (SIMD3<Double>, Matrix3) {
            let p = SIMD3(exp(th.x), exp(th.y), exp(th.z))
            let g = -(p * e.gradient)
            var h = Matrix3.zero
            for i in 0..<3 {
                for j in 0..<3 {
                    h[i, j] = -(p[i] * p[j] * e.hessian[i, j])
                }
                h[i, i] -= p[i] * e.gradient[i]
            }
            return (g, h)
        }

        var damping = 1e-3
        var iterations = 0
        var converged = false
        let scale = max(1, Double(n))
        while iterations < maxIterations {
            iterations += 1
            let (g, h) = thetaDerivatives(theta, eval)
            let gMax = max(abs(g.x), abs(g.y), abs(g.z))
            if gMax < 1e-7 * scale.squareRoot() { converged = true; break }
            var accepted = false
            for _ in 0..<40 {
                var damped = h
                let diagScale = SIMD3(max(abs(h[0, 0]), 1e-12), max(abs(h[1, 1]), 1e-12), max(abs(h[2, 2]), 1e-12))
                for i in 0..<3 { damped[i, i] += damping * diagScale[i] }
                if let step = damped.solvePositiveDefinite(-g), step.x.isFinite, step.y.isFinite, step.z.isFinite {
                    var s = step
                    let longest = max(abs(s.x), abs(s.y), abs(s.z))
                    if longest > 2 { s *= 2 / longest }  // at most a factor e² per step
                    let candidate = theta + s
                    let e = likelihood.evaluate(params(candidate))
                    if e.logLikelihood.isFinite, e.logLikelihood >= eval.logLikelihood {
                        let gain = e.logLikelihood - eval.logLikelihood
                        theta = candidate
                        eval = e
                        damping = max(damping / 10, 1e-12)
                        accepted = true
                        if gain < 1e-12 * abs(eval.logLikelihood), longest < 1e-10 { converged = true }
                        break
                    }
                }
                damping *= 10
                if damping > 1e12 { break }
            }
            if !accepted {
                // No ascent direction left: at the optimum to machine precision, or stuck.
                let gNow = thetaDerivatives(theta, eval).0
                converged = max(abs(gNow.x), abs(gNow.y), abs(gNow.z)) < 1e-4 * scale.squareRoot()
                break
            }
            if converged { break }
        }

        let estimate = params(theta)
        let information = Matrix3(eval.hessian.m.map { -$0 })
        var errors = FitResult.StandardErrors(mu: nil, alpha: nil, beta: nil)
        if let cov = information.inversePositiveDefinite() {
            func se(_ v: Double) -> Double? { v > 0 && v.isFinite ? v.squareRoot() : nil }
            errors = .init(mu: se(cov[0, 0]), alpha: se(cov[1, 1]), beta: se(cov[2, 2]))
        }
        let ks = KSTest.exponential(likelihood.rescaledIntervals(estimate))
        return FitResult(parameters: estimate, standardErrors: errors, logLikelihood: eval.logLikelihood,
                         events: n, horizon: horizon, iterations: iterations, converged: converged, ks: ks)
    }

    /// The KS test of time-rescaled residuals of `eventTimes` under given parameters.
    public static func goodnessOfFit(eventTimes: [Double], horizon: Double, parameters: HawkesParameters) throws -> KSTest {
        try parameters.validate()
        let likelihood = try HawkesLikelihood(eventTimes: eventTimes, horizon: horizon)
        return KSTest.exponential(likelihood.rescaledIntervals(parameters))
    }
}

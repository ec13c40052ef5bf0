import Foundation

/// Maximum-likelihood fitting of an exponential-kernel Hawkes process.
///
/// The optimiser is a projected, damped (Levenberg–Marquardt) Newton method on the
/// log-parameters `θ = (log μ, log α, log β)` within box bounds, using the exact gradient and
/// Hessian of the O(n) recursion. Hawkes likelihoods can have several local maxima (notably a
/// spurious one with β → 0, where excitation mimics a trend), so Newton runs from several
/// points of a small grid (all twelve up to 5,000 events, else the best two of four) and
/// from a given start, and the best maximum is kept.
/// Standard errors come from the inverse observed information at the estimate; goodness of
/// fit from a KS test of the time-rescaled intervals.
public enum HawkesFit {
    /// Fewest events a fit accepts.
    public static let minimumEvents = 10
    /// Largest branching ratio the search considers (beyond it fits are degenerate).
    public static let maximumAlpha = 10.0

    /// Fits μ, α, β to `eventTimes` (days, any order) observed on `[0, horizon]`.
    /// With `background`, μ(t) = μ · shape(t) for a known shape and μ is its level.
    ///
    /// The search keeps `β ≥ 1/horizon` (a kernel whose mean delay exceeds the window cannot
    /// be told from a trend) and `α ≤ maximumAlpha`.
    public static func fit(eventTimes: [Double], horizon: Double, background: BackgroundShape? = nil,
                           maxIterations: Int = 200) throws -> FitResult {
        try fit(HawkesLikelihood(eventTimes: eventTimes, horizon: horizon, background: background),
                start: nil, maxIterations: maxIterations)
    }

    struct Optimum {
        var theta: SIMD3<Double>
        var eval: HawkesLikelihood.Evaluation
        var iterations: Int
        var converged: Bool
    }

    /// Fits a prepared likelihood from the grid (unless `grid` is false) and from `starts`.
    static func fit(_ likelihood: HawkesLikelihood, start: HawkesParameters?, maxIterations: Int = 200) throws -> FitResult {
        try fit(likelihood, starts: start.map { [$0] } ?? [], grid: true, maxIterations: maxIterations)
    }

    static func fit(_ likelihood: HawkesLikelihood, starts: [HawkesParameters], grid: Bool, maxIterations: Int = 200) throws -> FitResult {
        let horizon = likelihood.horizon
        let n = likelihood.times.count
        guard n >= minimumEvents else {
            throw RiskError(.tooFewEvents, .riskFitTooFewEvents, "a Hawkes fit needs at least \(minimumEvents) events, got \(n)", field: "eventTimes")
        }
        let lower = SIMD3(log(1e-12), log(1e-8), log(1 / horizon))
        let upper = SIMD3(log(1e12), log(maximumAlpha), log(1e6))
        func clamp(_ th: SIMD3<Double>) -> SIMD3<Double> { th.clamped(lowerBound: lower, upperBound: upper) }

        // Candidate starts: a grid around the observed rate; for small samples (where local
        // maxima are common and passes are cheap) every point, else the best three.
        let rate = Double(n) / horizon
        let small = n <= 5_000
        var candidates: [(theta: SIMD3<Double>, eval: HawkesLikelihood.Evaluation)] = []
        for alpha in !grid ? [] : small ? [0.3, 0.7] : [0.5] {
            for betaScale in small ? [0.01, 0.1, 1.0, 10.0, 100.0, 1_000.0] : [0.1, 1.0, 10.0, 100.0] {
                let mu = rate * (1 - alpha) * horizon / likelihood.integratedBackground
                let theta = clamp(SIMD3(log(mu), log(alpha), log(rate * betaScale)))
                let e = likelihood.evaluate(params(theta))
                if e.logLikelihood.isFinite { candidates.append((theta, e)) }
            }
        }
        candidates.sort { $0.eval.logLikelihood > $1.eval.logLikelihood }
        if !small { candidates = Array(candidates.prefix(2)) }
        for start in starts where start.mu > 0 && start.alpha > 0 && start.beta > 0 && start.mu.isFinite && start.alpha.isFinite && start.beta.isFinite {
            let theta = clamp(SIMD3(log(start.mu), log(start.alpha), log(start.beta)))
            let e = likelihood.evaluate(params(theta))
            if e.logLikelihood.isFinite { candidates.append((theta, e)) }
        }
        guard !candidates.isEmpty else {
            throw RiskError(.nonConvergence, .riskFitNotFinite, "the log-likelihood is not finite at any starting point", field: "eventTimes")
        }
        // A few Newton steps from every start, then only the starts still within reach of
        // the leader go on to convergence (on large samples, basins differ by far more).
        let probe = 3
        var runs = candidates.map {
            newton(likelihood, from: $0.theta, eval: $0.eval, lower: lower, upper: upper, maxIterations: probe)
        }
        let leader = runs.map(\.eval.logLikelihood).max() ?? -.infinity
        var best: Optimum?
        for i in runs.indices where small || runs[i].eval.logLikelihood >= leader - 10 {
            if !runs[i].converged {
                let more = newton(likelihood, from: runs[i].theta, eval: runs[i].eval, lower: lower, upper: upper,
                                  maxIterations: max(1, maxIterations - probe))
                runs[i] = Optimum(theta: more.theta, eval: more.eval, iterations: runs[i].iterations + more.iterations,
                                  converged: more.converged)
            }
            if best == nil || runs[i].eval.logLikelihood > best!.eval.logLikelihood { best = runs[i] }
        }
        let optimum = best ?? runs[0]

        let estimate = params(optimum.theta)
        let information = Matrix3(optimum.eval.hessian.m.map { -$0 })
        var errors = FitResult.StandardErrors(mu: nil, alpha: nil, beta: nil)
        let inverse = information.inversePositiveDefinite()
        if let cov = inverse {
            func se(_ v: Double) -> Double? { v > 0 && v.isFinite ? v.squareRoot() : nil }
            errors = .init(mu: se(cov[0, 0]), alpha: se(cov[1, 1]), beta: se(cov[2, 2]))
        }
        let ks = KSTest.exponential(likelihood.rescaledIntervals(estimate))
        return FitResult(parameters: estimate, standardErrors: errors,
                         covariance: inverse.flatMap { $0.isFinite ? $0.m : nil },
                         logLikelihood: optimum.eval.logLikelihood,
                         events: n, horizon: horizon, iterations: optimum.iterations, converged: optimum.converged, ks: ks)
    }

    static func params(_ th: SIMD3<Double>) -> HawkesParameters {
        HawkesParameters(mu: exp(th.x), alpha: exp(th.y), beta: exp(th.z))
    }

    /// Objective f(θ) = −log L: its gradient and Hessian in θ.
    static func thetaDerivatives(_ th: SIMD3<Double>, _ e: HawkesLikelihood.Evaluation) -> (SIMD3<Double>, Matrix3) {
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

    /// Projected damped Newton from `theta` within [lower, upper].
    static func newton(_ likelihood: HawkesLikelihood, from start: SIMD3<Double>, eval startEval: HawkesLikelihood.Evaluation,
                       lower: SIMD3<Double>, upper: SIMD3<Double>, maxIterations: Int) -> Optimum {
        var theta = start, eval = startEval
        var damping = 1e-3
        var iterations = 0
        var converged = false
        let tolerance = 1e-7 * max(1, Double(likelihood.times.count)).squareRoot()
        /// Coordinates held at a bound: at it, with descent pointing outward.
        func active(_ g: SIMD3<Double>) -> [Bool] {
            (0..<3).map { i in
                (theta[i] <= lower[i] + 1e-12 && g[i] > 0) || (theta[i] >= upper[i] - 1e-12 && g[i] < 0)
            }
        }
        func projectedGradientNorm(_ g: SIMD3<Double>) -> Double {
            let fixed = active(g)
            return (0..<3).map { fixed[$0] ? 0 : abs(g[$0]) }.max() ?? 0
        }
        while iterations < maxIterations {
            iterations += 1
            var (g, h) = thetaDerivatives(theta, eval)
            guard g.x.isFinite, g.y.isFinite, g.z.isFinite, h.isFinite else { break }
            if projectedGradientNorm(g) < tolerance { converged = true; break }
            let fixed = active(g)
            for i in 0..<3 where fixed[i] {
                for j in 0..<3 { h[i, j] = 0; h[j, i] = 0 }
                h[i, i] = 1
                g[i] = 0
            }
            var accepted = false
            for _ in 0..<40 {
                var damped = h
                for i in 0..<3 { damped[i, i] += damping * max(abs(h[i, i]), 1e-12) }
                if let step = damped.solvePositiveDefinite(-g), step.x.isFinite, step.y.isFinite, step.z.isFinite {
                    var s = step
                    let longest = max(abs(s.x), abs(s.y), abs(s.z))
                    if longest > 2 { s *= 2 / longest }  // at most a factor e² per step
                    let candidate = (theta + s).clamped(lowerBound: lower, upperBound: upper)
                    let e = likelihood.evaluate(params(candidate))
                    if e.logLikelihood.isFinite, e.logLikelihood >= eval.logLikelihood {
                        let gain = e.logLikelihood - eval.logLikelihood
                        let moved = candidate - theta
                        theta = candidate
                        eval = e
                        damping = max(damping / 10, 1e-12)
                        accepted = true
                        if gain < 1e-12 * abs(eval.logLikelihood), max(abs(moved.x), abs(moved.y), abs(moved.z)) < 1e-10 { converged = true }
                        break
                    }
                }
                damping *= 10
                if damping > 1e12 { break }
            }
            if !accepted {
                // No ascent left: at the optimum to machine precision, or stuck.
                converged = projectedGradientNorm(thetaDerivatives(theta, eval).0) < 1e3 * tolerance
                break
            }
            if converged { break }
        }
        return Optimum(theta: theta, eval: eval, iterations: iterations, converged: converged)
    }

    /// The KS test of time-rescaled residuals of `eventTimes` under given parameters.
    public static func goodnessOfFit(eventTimes: [Double], horizon: Double, parameters: HawkesParameters) throws -> KSTest {
        try parameters.validate()
        let likelihood = try HawkesLikelihood(eventTimes: eventTimes, horizon: horizon)
        return KSTest.exponential(likelihood.rescaledIntervals(parameters))
    }
}

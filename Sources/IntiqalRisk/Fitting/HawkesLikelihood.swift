import Foundation

/// The log-likelihood of an exponential-kernel Hawkes process on `[0, horizon]`, with its
/// analytic gradient and Hessian, in one O(n) pass.
///
/// With `Aᵢ = Σ_{j<i} exp(−β(tᵢ−tⱼ))`, `Bᵢ = ∂Aᵢ/∂β`, `Cᵢ = ∂²Aᵢ/∂β²` (each a one-step
/// recursion), `λᵢ = μ + αβAᵢ` and
/// `log L = Σ log λᵢ − μT − α Σ (1 − exp(−β(T−tᵢ)))`. The compensator's sums and their β
/// derivatives follow from the last event's `A, B, C` in O(1), so a pass costs one `exp`
/// and one `log` per event.
public struct HawkesLikelihood: Sendable {
    /// Event times, sorted ascending, each in `[0, horizon]`.
    public let times: [Double]
    /// End of the observation window (days); the window starts at 0.
    public let horizon: Double
    /// Background multiplier at each event and its integral up to each event (nil: constant).
    let multipliers: [Double]?
    let cumulativeBackground: [Double]?
    /// `∫₀ᵀ` of the background multiplier (the horizon when constant).
    let integratedBackground: Double

    /// Value, gradient and Hessian with respect to (mu, alpha, beta).
    public struct Evaluation: Sendable {
        public var logLikelihood: Double
        public var gradient: SIMD3<Double>
        var hessian: Matrix3
        /// Hessian entries, row-major (mu, alpha, beta).
        public var hessianEntries: [Double] { hessian.m }
    }

    /// Validates and sorts `eventTimes`; `background` gives a known shape of μ(t) (the fit
    /// then estimates its level μ), nil for a constant background.
    public init(eventTimes: [Double], horizon: Double, background: BackgroundShape? = nil) throws {
        guard horizon.isFinite, horizon > 0 else {
            throw RiskError.invalid(.riskLikelihoodHorizon, "horizon", "the observation horizon must be a positive finite number of days, got \(horizon)")
        }
        for (i, t) in eventTimes.enumerated() {
            guard t.isFinite, t >= 0, t <= horizon else {
                throw RiskError.invalid(.riskLikelihoodEventTime, "eventTimes[\(i)]", "event time \(t) is not a finite time in [0, \(horizon)]")
            }
        }
        self.times = eventTimes.sorted()
        self.horizon = horizon
        if let background {
            try background.validate(horizon: horizon)
            let (at, cumulative) = background.evaluate(sortedTimes: times)
            multipliers = at
            cumulativeBackground = cumulative
            integratedBackground = background.integral
        } else {
            multipliers = nil
            cumulativeBackground = nil
            integratedBackground = horizon
        }
    }

    /// Log-likelihood, gradient and Hessian at `p`; the log-likelihood is −∞ where the
    /// intensity is not positive at an event.
    public func evaluate(_ p: HawkesParameters) -> Evaluation {
        let mu = p.mu, alpha = p.alpha, beta = p.beta, T = horizon
        // With a background shape m(t): λᵢ = μ mᵢ + αβAᵢ and the compensator's μT is μ∫m.
        var ll = 0.0
        var g0 = 0.0, g1 = 0.0, g2 = 0.0
        // Hessian of Σ log λ: Σ ∂²λ/λ − ∂λ∂λᵀ/λ²
        var h00 = 0.0, h01 = 0.0, h02 = 0.0, h11 = 0.0, h12 = 0.0, h22 = 0.0
        var comp1 = 0.0, comp2 = 0.0, comp3 = 0.0
        var valid = true
        let shape = multipliers ?? []
        let shaped = multipliers != nil
        shape.withUnsafeBufferPointer { m in
        times.withUnsafeBufferPointer { t in
            var a = 0.0, b = 0.0, c = 0.0
            var previous = t.first ?? 0
            for i in 0..<t.count {
                let ti = t[i]
                if i > 0 {
                    let d = ti - previous
                    let e = exp(-beta * d)
                    let onePlusA = 1 + a
                    let newA = e * onePlusA
                    let newB = e * (b - d * onePlusA)
                    let newC = e * (c - 2 * d * b + d * d * onePlusA)
                    a = newA; b = newB; c = newC
                }
                previous = ti
                let d0 = shaped ? m[i] : 1        // ∂λ/∂μ
                let lambda = mu * d0 + alpha * beta * a
                if !(lambda > 0) { valid = false; break }
                ll += log(lambda)
                let inv = 1 / lambda
                let d1 = beta * a                 // ∂λ/∂α
                let d2 = alpha * (a + beta * b)   // ∂λ/∂β
                g0 += d0 * inv
                g1 += d1 * inv
                g2 += d2 * inv
                let inv2 = inv * inv
                h00 -= d0 * d0 * inv2
                h01 -= d0 * d1 * inv2
                h02 -= d0 * d2 * inv2
                h11 -= d1 * d1 * inv2
                h12 += (a + beta * b) * inv - d1 * d2 * inv2
                h22 += alpha * (2 * b + beta * c) * inv - d2 * d2 * inv2
            }
            if valid, let last = t.last {
                // Σᵢ e^{−β(T−tᵢ)} = E·(1 + A_n) with E = e^{−β(T−t_n)}; differentiate in β.
                let u = T - last
                let e = exp(-beta * u)
                let s0 = 1 + a
                let sumE = e * s0
                comp1 = Double(t.count) - sumE
                comp2 = e * (u * s0 - b)                        // Σ sᵢ e^{−βsᵢ}
                comp3 = e * (u * u * s0 - 2 * u * b + c)        // Σ sᵢ² e^{−βsᵢ}
            }
        }
        }
        guard valid else {
            return Evaluation(logLikelihood: -.infinity, gradient: SIMD3(repeating: .nan), hessian: Matrix3(Array(repeating: .nan, count: 9)))
        }
        ll -= mu * integratedBackground + alpha * comp1
        g0 -= integratedBackground
        g1 -= comp1
        g2 -= alpha * comp2
        h12 -= comp2
        h22 += alpha * comp3
        let h = Matrix3([h00, h01, h02, h01, h11, h12, h02, h12, h22])
        return Evaluation(logLikelihood: ll, gradient: SIMD3(g0, g1, g2), hessian: h)
    }

    /// Residual (rescaled) inter-event times `Λ(tᵢ) − Λ(tᵢ₋₁)`: i.i.d. Exp(1) under the model.
    public func rescaledIntervals(_ p: HawkesParameters) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(times.count)
        var previous = 0.0, previousBackground = 0.0
        var excitation = 0.0  // Σ_{j ≤ i−1} exp(−β(t − tⱼ)) at the previous event
        for (i, t) in times.enumerated() {
            let d = t - previous
            let decay = exp(-p.beta * d)
            let background = cumulativeBackground.map { $0[i] } ?? t
            out.append(p.mu * (background - previousBackground) + p.alpha * excitation * (1 - decay))
            previousBackground = background
            excitation = excitation * decay + 1
            previous = t
        }
        return out
    }
}

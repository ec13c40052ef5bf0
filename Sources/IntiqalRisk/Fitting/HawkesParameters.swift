/// Parameters of a univariate Hawkes process with an exponential kernel, per day.
///
/// Intensity: `λ(t) = mu + alpha · beta · Σ_{tᵢ<t} exp(−beta (t − tᵢ))`. `alpha` is the
/// branching ratio (expected direct offspring of one event); the process is stationary
/// when `alpha < 1`, with mean rate `mu / (1 − alpha)`.
public struct HawkesParameters: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Background (immigrant) rate, events per day.
    public var mu: Double
    /// Branching ratio, dimensionless.
    public var alpha: Double
    /// Decay rate of the kernel, per day (mean delay of an offspring is `1/beta` days).
    public var beta: Double

    public init(mu: Double, alpha: Double, beta: Double) {
        self.mu = mu
        self.alpha = alpha
        self.beta = beta
    }

    /// Long-run events per day when stationary; nil when `alpha ≥ 1`.
    public var stationaryRate: Double? { alpha < 1 ? mu / (1 - alpha) : nil }

    /// Throws unless `mu > 0`, `alpha ≥ 0`, `beta > 0` and all are finite.
    public func validate(requireStationary: Bool = false) throws {
        guard mu.isFinite, mu > 0 else { throw RiskError.invalid(.riskParametersMu, "mu", "mu must be a positive finite rate per day, got \(mu)") }
        guard alpha.isFinite, alpha >= 0 else { throw RiskError.invalid(.riskParametersAlpha, "alpha", "alpha must be finite and ≥ 0, got \(alpha)") }
        guard beta.isFinite, beta > 0 else { throw RiskError.invalid(.riskParametersBeta, "beta", "beta must be a positive finite rate per day, got \(beta)") }
        if requireStationary, alpha >= 1 {
            throw RiskError.invalid(.riskParametersStationary, "alpha", "alpha must be < 1 for a stationary process, got \(alpha)")
        }
    }

    public var description: String {
        "mu=\(mu.formatted(4)) alpha=\(alpha.formatted(4)) beta=\(beta.formatted(4))"
    }
}

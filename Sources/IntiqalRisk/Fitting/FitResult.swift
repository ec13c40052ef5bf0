/// The outcome of a maximum-likelihood fit of a Hawkes process.
public struct FitResult: Sendable, Codable, Hashable {
    /// Standard errors from the observed information; nil where it is not positive definite.
    public struct StandardErrors: Sendable, Codable, Hashable {
        public var mu: Double?
        public var alpha: Double?
        public var beta: Double?
    }

    /// Maximum-likelihood estimate.
    public var parameters: HawkesParameters
    public var standardErrors: StandardErrors
    /// Covariance of (mu, alpha, beta), row-major 3×3: the inverse observed information;
    /// nil when that is not positive definite.
    public var covariance: [Double]?
    /// Log-likelihood at the estimate.
    public var logLikelihood: Double
    /// Number of events fitted and the window length (days).
    public var events: Int
    public var horizon: Double
    /// Newton iterations used, and whether the gradient test was met.
    public var iterations: Int
    public var converged: Bool
    /// Goodness of fit by time rescaling.
    public var ks: KSTest
}

import Foundation

/// Parameters of the multivariate model on a `NeighbourStructure`, per day:
/// λ_k(t) = μ_k + β_k [α_k Σ_{own events} e^{−β_k(t−tᵢ)} + η Σ_{neighbours' events} e^{−β_k(t−tᵢ)}].
/// An incident in region j has on average α_j direct offspring in j and η in each neighbour.
public struct MultivariateHawkesParameters: Sendable, Hashable, Codable {
    public var mu: [Double]
    public var alpha: [Double]
    public var beta: [Double]
    /// Cross-excitation between neighbours (shared by every pair).
    public var eta: Double

    public init(mu: [Double], alpha: [Double], beta: [Double], eta: Double) {
        self.mu = mu
        self.alpha = alpha
        self.beta = beta
        self.eta = eta
    }

    /// Packed log-parameters: log μ, log α, log β (each K), log η.
    var logVector: [Double] { (mu + alpha + beta + [eta]).map { $0 > 0 ? log($0) : -30 } }

    init(logVector x: [Double], regions k: Int) {
        mu = x[0..<k].map { exp($0) }
        alpha = x[k..<(2 * k)].map { exp($0) }
        beta = x[(2 * k)..<(3 * k)].map { exp($0) }
        eta = exp(x[3 * k])
    }
}

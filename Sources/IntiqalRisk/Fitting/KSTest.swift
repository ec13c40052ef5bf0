import Foundation

/// A one-sample Kolmogorov–Smirnov test, here of time-rescaled residuals against Exp(1).
public struct KSTest: Sendable, Codable, Hashable {
    /// Largest distance between the empirical and the reference distribution function.
    public var statistic: Double
    /// Asymptotic p-value (Kolmogorov distribution with Stephens' small-sample correction).
    public var pValue: Double
    /// Number of residuals tested.
    public var count: Int

    /// Tests whether `samples` are i.i.d. Exp(1) (e.g. the rescaled intervals of a Hawkes fit).
    public static func exponential(_ samples: [Double]) -> KSTest {
        let u = samples.map { $0.isFinite && $0 > 0 ? 1 - exp(-$0) : ($0 > 0 ? 1 : 0) }
        return uniform(u)
    }

    /// Tests whether `samples` are i.i.d. uniform on [0, 1].
    public static func uniform(_ samples: [Double]) -> KSTest {
        let n = samples.count
        guard n > 0 else { return KSTest(statistic: 0, pValue: 1, count: 0) }
        let sorted = samples.sorted()
        var d = 0.0
        let nd = Double(n)
        for (i, x) in sorted.enumerated() {
            let below = x - Double(i) / nd
            let above = Double(i + 1) / nd - x
            d = max(d, below, above)
        }
        return KSTest(statistic: d, pValue: kolmogorovSurvival(d, n: n), count: n)
    }

    /// P(D > d) for a sample of size n.
    static func kolmogorovSurvival(_ d: Double, n: Int) -> Double {
        let sn = Double(n).squareRoot()
        let lambda = (sn + 0.12 + 0.11 / sn) * d
        if lambda <= 0 { return 1 }
        if lambda < 1.18 {
            // 1 − (√(2π)/λ) Σ exp(−(2k−1)²π²/(8λ²)): fast for small λ.
            let c = -Double.pi * Double.pi / (8 * lambda * lambda)
            var sum = 0.0
            for k in 1...8 {
                let j = Double(2 * k - 1)
                sum += exp(c * j * j)
            }
            return min(1, max(0, 1 - (2 * Double.pi).squareRoot() / lambda * sum))
        }
        var sum = 0.0
        var sign = 1.0
        for k in 1...100 {
            let term = exp(-2 * Double(k * k) * lambda * lambda)
            sum += sign * term
            if term < 1e-16 { break }
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }
}

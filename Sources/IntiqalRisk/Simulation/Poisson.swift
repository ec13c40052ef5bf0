import Foundation

/// Poisson variates: inversion for small means, PTRS (Hörmann 1993) for large ones.
@usableFromInline
struct PoissonSampler: Sendable {
    let mean: Double
    let expNegMean: Double
    // PTRS constants
    let slam, logLam, b, a, invAlpha, vr: Double

    init(mean: Double) {
        self.mean = max(0, mean.isFinite ? mean : 0)
        expNegMean = exp(-self.mean)
        slam = self.mean.squareRoot()
        logLam = log(max(self.mean, .leastNormalMagnitude))
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
    }

    @inline(__always)
    func sample(_ rng: inout Xoshiro256StarStar) -> Int {
        if mean < 12 {
            if mean == 0 { return 0 }
            let u = rng.nextOpenUnit() * 0.999_999_999_999
            var k = 0
            var p = expNegMean
            var cdf = p
            while u > cdf {
                k += 1
                p *= mean / Double(k)
                cdf += p
                if k > 200 { break }
            }
            return k
        }
        while true {
            let u = rng.nextOpenUnit() - 0.5
            let v = rng.nextOpenUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * logLam - lgamma(k + 1) {
                return Int(k)
            }
        }
    }
}

import Foundation

/// Probabilities of count events: Poisson tails and runs of threshold months.
enum CountProbability {
    /// P(N ≥ k) for N ~ Poisson(mean); 0 for a zero mean and k ≥ 1.
    static func poissonTail(mean: Double, atLeast k: Int) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0, mean.isFinite else { return mean.isInfinite ? 1 : 0 }
        // P(N ≤ k − 1) summed in log space, so large means do not underflow to a wrong 1.
        let logMean = log(mean)
        var cdf = 0.0
        for i in 0..<k {
            let term = exp(-mean + Double(i) * logMean - lgamma(Double(i) + 1))
            cdf += term
            if i > Int(mean) + 50, term < 1e-18 * cdf { break }
        }
        return min(1, max(0, 1 - cdf))
    }

    /// P(at least one run of `run` consecutive successes) among independent months with
    /// success probabilities `p` (in order).
    static func runProbability(_ p: ArraySlice<Double>, run: Int) -> Double {
        guard run >= 1, p.count >= run else { return 0 }
        // state[j]: probability of no run yet and a current streak of j successes.
        var state = [Double](repeating: 0, count: run)
        state[0] = 1
        var done = 0.0
        for q in p {
            var next = [Double](repeating: 0, count: run)
            for j in 0..<run where state[j] > 0 {
                next[0] += state[j] * (1 - q)
                if j + 1 == run { done += state[j] * q } else { next[j + 1] += state[j] * q }
            }
            state = next
        }
        return min(1, max(0, done))
    }

    /// Whether `exceeds` (in order) holds a run of `run` consecutive trues.
    static func hasRun(_ exceeds: some Sequence<Bool>, run: Int) -> Bool {
        var streak = 0
        for e in exceeds {
            streak = e ? streak + 1 : 0
            if streak >= run { return true }
        }
        return false
    }
}

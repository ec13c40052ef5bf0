import Foundation

/// A Poisson regression of monthly counts on time, log λ(x) = a + b·x, fitted by Newton's
/// method; x = 0 is the last month of the window, x = j + 1 the j-th month after it.
struct PoissonTrend {
    var a: Double
    var b: Double
    /// Largest log-mean an extrapolation may reach (a guard against runaway trends).
    var logCap: Double

    init(counts: ArraySlice<Int>) {
        let n = counts.count
        let total = counts.reduce(0, +)
        let maxCount = counts.max() ?? 0
        logCap = log(Double(2 * maxCount + 10))
        guard n >= 2, total > 0 else {
            a = log(0.5 / Double(max(n, 1)))
            b = 0
            return
        }
        let xs = (0..<n).map { Double($0 - (n - 1)) }
        let ys = counts.map(Double.init)
        var a = log(Double(total) / Double(n)), b = 0.0
        for _ in 0..<50 {
            var g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0
            for i in 0..<n {
                let lam = exp(min(50, a + b * xs[i]))
                g0 += ys[i] - lam
                g1 += (ys[i] - lam) * xs[i]
                h00 += lam; h01 += lam * xs[i]; h11 += lam * xs[i] * xs[i]
            }
            let det = h00 * h11 - h01 * h01
            guard det > 1e-300, det.isFinite else { break }
            var da = (h11 * g0 - h01 * g1) / det
            var db = (h00 * g1 - h01 * g0) / det
            let longest = max(abs(da), abs(db) * Double(n))
            if longest > 2 { da *= 2 / longest; db *= 2 / longest }
            a += da; b += db
            if abs(da) < 1e-10, abs(db) < 1e-12 { break }
        }
        self.a = a.isFinite ? a : log(Double(total) / Double(n))
        self.b = b.isFinite ? b : 0
    }

    /// The expected count j + 1 months after the window's last month.
    func mean(monthsAhead j: Int) -> Double {
        exp(min(logCap, a + b * Double(j + 1)))
    }
}

/// A symmetric 3×3 matrix, enough for the Hessians of three-parameter fits.
struct Matrix3: Sendable, Hashable {
    var m: [Double]  // row-major, 9 entries

    init(_ m: [Double]) { self.m = m }
    static var zero: Matrix3 { Matrix3(Array(repeating: 0, count: 9)) }
    static func diagonal(_ d: SIMD3<Double>) -> Matrix3 {
        Matrix3([d.x, 0, 0, 0, d.y, 0, 0, 0, d.z])
    }

    subscript(_ i: Int, _ j: Int) -> Double {
        get { m[i * 3 + j] }
        set { m[i * 3 + j] = newValue }
    }

    var isFinite: Bool { m.allSatisfy(\.isFinite) }

    /// Cholesky factor L (lower) of a positive-definite matrix, or nil.
    func cholesky() -> Matrix3? {
        var l = Matrix3.zero
        for i in 0..<3 {
            for j in 0...i {
                var sum = self[i, j]
                for k in 0..<j { sum -= l[i, k] * l[j, k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i, i] = sum.squareRoot()
                } else {
                    l[i, j] = sum / l[j, j]
                }
            }
        }
        return l
    }

    /// A lower factor L with L·Lᵀ ≈ self for a symmetric positive semi-definite matrix (a
    /// tiny ridge admits exact singularity); nil when it is not one.
    func choleskyOfCovariance() -> Matrix3? {
        for i in 0..<3 { for j in 0..<3 where abs(self[i, j] - self[j, i]) > 1e-9 * max(1, abs(self[i, j])) { return nil } }
        if let l = cholesky() { return l }
        var ridged = self
        let scale = max(abs(self[0, 0]), abs(self[1, 1]), abs(self[2, 2]), 1e-300)
        for i in 0..<3 { ridged[i, i] += 1e-12 * scale }
        return ridged.cholesky()
    }

    /// Solves `self · x = b` for positive-definite `self`; nil when it is not.
    func solvePositiveDefinite(_ b: SIMD3<Double>) -> SIMD3<Double>? {
        guard let l = cholesky() else { return nil }
        var y = SIMD3<Double>()
        for i in 0..<3 {
            var s = b[i]
            for k in 0..<i { s -= l[i, k] * y[k] }
            y[i] = s / l[i, i]
        }
        var x = SIMD3<Double>()
        for i in stride(from: 2, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<3 { s -= l[k, i] * x[k] }
            x[i] = s / l[i, i]
        }
        return x
    }

    /// Inverse of a positive-definite matrix; nil when it is not.
    func inversePositiveDefinite() -> Matrix3? {
        var inv = Matrix3.zero
        for j in 0..<3 {
            var e = SIMD3<Double>(); e[j] = 1
            guard let col = solvePositiveDefinite(e) else { return nil }
            for i in 0..<3 { inv[i, j] = col[i] }
        }
        return inv
    }
}

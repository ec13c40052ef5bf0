import Foundation

/// Exp(1) variates by the ziggurat method (Marsaglia & Tsang 2000, 256 layers): one
/// 64-bit draw and a comparison in ~99 % of cases, no `log`. The layer index and the
/// 32-bit abscissa come from disjoint bits of the draw.
struct ExponentialZiggurat: Sendable {
    let ke: [UInt32]
    let we: [Double]
    let fe: [Double]

    static let shared = ExponentialZiggurat()

    init() {
        let m2 = 4_294_967_296.0
        var de = 7.697_117_470_131_487
        var te = de
        let ve = 3.949_659_822_581_572e-3
        var ke = [UInt32](repeating: 0, count: 256)
        var we = [Double](repeating: 0, count: 256)
        var fe = [Double](repeating: 0, count: 256)
        let q = ve / exp(-de)
        ke[0] = UInt32((de / q) * m2)
        ke[1] = 0
        we[0] = q / m2
        we[255] = de / m2
        fe[0] = 1
        fe[255] = exp(-de)
        for i in stride(from: 254, through: 1, by: -1) {
            de = -log(ve / de + exp(-de))
            ke[i + 1] = UInt32((de / te) * m2)
            te = de
            fe[i] = exp(-de)
            we[i] = de / m2
        }
        self.ke = ke
        self.we = we
        self.fe = fe
    }

    /// Unsafe views of the tables for hot loops (valid inside `withTables`).
    struct Tables {
        let ke: UnsafeBufferPointer<UInt32>
        let we: UnsafeBufferPointer<Double>
        let fe: UnsafeBufferPointer<Double>

        @inline(__always)
        func next(_ rng: inout Xoshiro256StarStar) -> Double {
            while true {
                let r = rng.next()
                let iz = Int(truncatingIfNeeded: r & 255)
                let jz = UInt32(truncatingIfNeeded: r >> 32)
                if jz < ke[iz] { return Double(jz) * we[iz] }
                if iz == 0 { return 7.697_117_470_131_487 - log(rng.nextOpenUnit()) }
                let x = Double(jz) * we[iz]
                if fe[iz] + (1 - rng.nextOpenUnit()) * (fe[iz - 1] - fe[iz]) < exp(-x) { return x }
            }
        }
    }

    func withTables<R>(_ body: (Tables) -> R) -> R {
        ke.withUnsafeBufferPointer { k in
            we.withUnsafeBufferPointer { w in
                fe.withUnsafeBufferPointer { f in body(Tables(ke: k, we: w, fe: f)) }
            }
        }
    }

    /// `count` Exp(1) variates (for tests and callers outside hot loops).
    static func sample(count: Int, seed: UInt64) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        return shared.withTables { t in (0..<max(0, count)).map { _ in t.next(&rng) } }
    }
}

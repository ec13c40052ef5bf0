extension Double {
    /// Fixed-point text without Foundation's formatters (deterministic across platforms).
    func formatted(_ digits: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(self) * scale).rounded()
        guard rounded < 9.0e15 else { return "\(self)" }
        let whole = Int64(rounded)
        let intPart = whole / Int64(scale)
        let fracPart = whole % Int64(scale)
        var frac = String(fracPart)
        frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
        let sign = self < 0 && whole != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(intPart)" : "\(sign)\(intPart).\(frac)"
    }
}

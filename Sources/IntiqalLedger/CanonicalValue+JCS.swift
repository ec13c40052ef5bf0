import Foundation

/// RFC 8785 (JSON Canonicalization Scheme), the encoding of format-2 ledger entries.
///
/// UTF-8; no whitespace; object keys sorted by their UTF-16 code units; strings escaped as
/// ECMAScript's `JSON.stringify` does (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
/// controls as `\u00xx`, everything else literal); numbers as ECMAScript's Number-to-String
/// (`1e-7`, `1e+21`, `-0` → `0`). Integers are IEEE doubles to JSON, so an `.integer` beyond
/// ±2^53 prints as the double nearest to it.
extension CanonicalValue {
    public var jcsBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeJCS(to: &out)
        return out
    }

    public var jcsData: Data { Data(jcsBytes) }

    public var jcsText: String { String(decoding: jcsBytes, as: UTF8.self) }

    private func writeJCS(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .integer(let i):
            if i.magnitude <= 1 << 53 { out += String(i).utf8 } else { out += Self.ecmaScriptNumber(Double(i)).utf8 }
        case .number(let d): out += Self.ecmaScriptNumber(d).utf8
        case .string(let s): Self.writeJCSString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.writeJCS(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeJCSString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.writeJCS(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeJCSString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20: out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20) of a finite double: the shortest
    /// digits that read back to it (Swift's `description` gives the same digits), laid out as
    /// plain decimal for exponents −6 < n ≤ 21 and as `d.ddde±x` otherwise. Not finite: `null`
    /// (the parser never produces one).
    public static func ecmaScriptNumber(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        let negative = d < 0
        // Digits and exponent from Swift's shortest round-trip form: "1.2345e+20", "0.001", "5e-324".
        let text = d.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let dot = mantissa.firstIndex(of: ".")
        let integerPart = dot.map { mantissa[..<$0] } ?? mantissa
        let fractionPart = dot.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = Array((integerPart + fractionPart).utf8)
        var e = exponent - fractionPart.count  // value = digits × 10^e
        while digits.count > 1, digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast(); e += 1 }
        let k = digits.count, n = e + k
        let s = String(decoding: digits, as: UTF8.self)
        var out: String
        if k <= n && n <= 21 {
            out = s + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out = String(s.prefix(n)) + "." + String(s.dropFirst(n))
        } else if -6 < n && n <= 0 {
            out = "0." + String(repeating: "0", count: -n) + s
        } else {
            let exp = n - 1
            let sign = exp < 0 ? "-" : "+"
            out = String(s.prefix(1)) + (k > 1 ? "." + String(s.dropFirst()) : "") + "e" + sign + String(exp.magnitude)
        }
        return negative ? "-" + out : out
    }
}

import Foundation
import Testing
@testable import IntiqalLedger

/// RFC 8785 (JSON Canonicalization Scheme): the RFC's own examples, written out here, and a
/// round-trip property.
@Suite struct JCSTests {
    /// RFC 8785 §3.2.2 (and its Appendix): whitespace, numbers, string escapes, literals.
    @Test func encodesTheRFCSerializationExample() throws {
        let input = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try CanonicalValue(parsing: Data(input.utf8)).jcsText == expected)
    }

    /// RFC 8785 §3.2.3: properties sorted by UTF-16 code units (the emoji's surrogate D83D sorts before U+FB33).
    @Test func sortsKeysByUTF16CodeUnitsAsTheRFCExample() throws {
        let input = #"""
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """#
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
            + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        let text = try CanonicalValue(parsing: Data(input.utf8)).jcsText
        #expect(text == expected)
        // The legacy (format 1) encoding sorts by UTF-8 bytes and so puts U+FB33 before the emoji.
        #expect(try CanonicalValue(parsing: Data(input.utf8)).canonicalText != expected)
    }

    /// RFC 8785 Appendix B: IEEE 754 doubles (as bit patterns) and their ECMAScript text.
    @Test(arguments: [
        ("0000000000000000", "0"), ("8000000000000000", "0"),
        ("0000000000000001", "5e-324"), ("8000000000000001", "-5e-324"),
        ("7fefffffffffffff", "1.7976931348623157e+308"), ("ffefffffffffffff", "-1.7976931348623157e+308"),
        ("4340000000000000", "9007199254740992"), ("c340000000000000", "-9007199254740992"),
        ("4430000000000000", "295147905179352830000"),
        ("44b52d02c7e14af5", "9.999999999999997e+22"), ("44b52d02c7e14af6", "1e+23"), ("44b52d02c7e14af7", "1.0000000000000001e+23"),
        ("444b1ae4d6e2ef4e", "999999999999999700000"), ("444b1ae4d6e2ef4f", "999999999999999900000"), ("444b1ae4d6e2ef50", "1e+21"),
        ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
        ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
        ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
        ("41b3de4355555557", "333333333.33333343"),
        ("becbf647612f3696", "-0.0000033333333333333333"), ("43143ff3c1cb0959", "1424953923781206.2"),
    ])
    func formatsTheRFCAppendixBNumbers(bits: String, expected: String) throws {
        let d = Double(bitPattern: try #require(UInt64(bits, radix: 16)))
        #expect(CanonicalValue.ecmaScriptNumber(d) == expected)
        #expect(CanonicalValue.number(d).jcsText == expected)
    }

    @Test func writesNumbersAsECMAScriptDoes() {
        let cases: [(Double, String)] = [(1e-7, "1e-7"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (-0.0, "0"),
                                         (0.1, "0.1"), (2.5, "2.5"), (123e-20, "1.23e-18"), (1.5e300, "1.5e+300"), (-1e-6, "-0.000001")]
        for (d, text) in cases { #expect(CanonicalValue.ecmaScriptNumber(d) == text, "\(d)") }
        #expect(CanonicalValue.integer(1 << 53).jcsText == "9007199254740992")
        #expect(CanonicalValue.integer(Int64.max).jcsText == "9223372036854776000")  // as node: String(2 ** 63)
    }

    @Test func escapesStringsAsJSONStringify() {
        let v = CanonicalValue.string("\u{8}\u{9}\u{A}\u{C}\u{D}\u{1}\u{1F}\u{7F}\u{2028}é\"\\/")
        #expect(v.jcsText == "\"\\b\\t\\n\\f\\r\\u0001\\u001f\u{7F}\u{2028}é\\\"\\\\/\"")
    }

    /// Any value encodes to bytes that parse back to a value with the very same bytes.
    @Test func anyValueRoundTripsThroughTheParserToTheSameBytes() throws {
        var rng = SeededGenerator(seed: 8785)
        for _ in 0..<2_000 {
            let value = randomValue(&rng, depth: 0)
            let bytes = value.jcsBytes
            let again = try CanonicalValue(parsing: Data(bytes))
            #expect(again.jcsBytes == bytes, "\(value.jcsText)")
            // Foundation's own parser reads the same text.
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil, "\(value.jcsText)")
        }
        // Every double prints as text that reads back to the same double.
        for _ in 0..<20_000 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite else { continue }
            #expect(Double(CanonicalValue.ecmaScriptNumber(d)) == (d == 0 ? 0 : d), "\(d.bitPattern)")
        }
    }
}

/// SplitMix64: a seeded generator, so property tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func randomValue(_ rng: inout SeededGenerator, depth: Int) -> CanonicalValue {
    let scalars: [Unicode.Scalar] = ["a", "Z", "0", "\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "é", "€", "ق", "\u{2028}",
                                     "\u{FB33}", "😀", "\u{10FFFF}", "\n", "\t", " "]
    func string() -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...6, using: &rng) { s.append(scalars.randomElement(using: &rng)!) }
        return String(s)
    }
    switch Int.random(in: 0..<(depth > 3 ? 6 : 8), using: &rng) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &rng))
    case 2: return .integer(Int64.random(in: Int64.min...Int64.max, using: &rng) >> Int64.random(in: 0...63, using: &rng))
    case 3:
        let d = Double(bitPattern: rng.next())
        return .number(d.isFinite ? d : 1.5)
    case 4: return .number(Double(Int.random(in: -1000...1000, using: &rng)) * pow(10, Double(Int.random(in: -30...30, using: &rng))))
    case 5: return .string(string())
    case 6: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
    default:
        var members: [String: CanonicalValue] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &rng) { members[string()] = randomValue(&rng, depth: depth + 1) }
        return .object(members)
    }
}

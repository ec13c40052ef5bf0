/// The Admiralty (NATO) grading of a source: reliability A–F and credibility 1–6.
public struct SourceRating: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Reliability: String, Sendable, Hashable, Codable, CaseIterable {
        case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"
    }

    public var reliability: Reliability
    /// 1 confirmed … 5 improbable, 6 cannot be judged.
    public var credibility: Int

    public init(reliability: Reliability, credibility: Int) {
        self.reliability = reliability
        self.credibility = credibility
    }

    /// Parses the usual two-character form, e.g. `B2`.
    public init?(_ text: String) {
        guard text.count == 2, let r = Reliability(rawValue: String(text.prefix(1)).uppercased()),
              let c = Int(text.suffix(1)), (1...6).contains(c) else { return nil }
        self.init(reliability: r, credibility: c)
    }

    public var description: String { "\(reliability.rawValue)\(credibility)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = SourceRating(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected an Admiralty grade like B2, got '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

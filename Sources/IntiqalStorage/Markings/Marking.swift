/// Who may read a stored record (DESIGN §7): everyone, every party of the commission, or a
/// named set of parties. Stored as text: `PUBLIC`, `JOINT`, `REL IRQ` or `REL GBR USA`
/// (parties sorted).
public enum Marking: Sendable, Hashable, Codable, CustomStringConvertible {
    case `public`
    /// Every party of the commission (the policy's rating parties).
    case joint
    /// Released to these parties only.
    case rel(Set<String>)

    /// Parses the stored or typed form; `nil` for anything else (a party id is letters, digits, `-` or `_`).
    public init?(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first?.uppercased() {
        case "PUBLIC" where words.count == 1: self = .public
        case "JOINT" where words.count == 1: self = .joint
        case "REL" where words.count > 1:
            let parties = words.dropFirst()
            guard parties.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }) else { return nil }
            self = .rel(Set(parties))
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .public: "PUBLIC"
        case .joint: "JOINT"
        case .rel(let parties): "REL " + parties.sorted().joined(separator: " ")
        }
    }

    /// The parties that may read a record so marked, given the commission's parties; `nil` for everyone.
    public func readers(commission: Set<String>) -> Set<String>? {
        switch self {
        case .public: nil
        case .joint: commission
        case .rel(let parties): parties
        }
    }

    /// The marking of a product derived from records marked `self` and `other`: its readers are
    /// those who may read both.
    public func combined(with other: Marking, commission: Set<String>) -> Marking {
        switch (readers(commission: commission), other.readers(commission: commission)) {
        case (nil, nil): return .public
        case (let a?, nil): return a == commission ? .joint : .rel(a)
        case (nil, let b?): return b == commission ? .joint : .rel(b)
        case (let a?, let b?):
            let both = a.intersection(b)
            return both == commission ? .joint : .rel(both)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let marking = Marking(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a marking: '\(text)'"))
        }
        self = marking
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

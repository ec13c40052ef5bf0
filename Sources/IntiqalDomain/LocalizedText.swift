/// A name or text in English and (optionally) Arabic.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var ar: String?

    public init(en: String, ar: String? = nil) {
        self.en = en
        self.ar = ar
    }

    /// The text in `language`, falling back to English.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .ar: ar ?? en
        }
    }
}

/// The two working languages of the commission.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case en, ar
}

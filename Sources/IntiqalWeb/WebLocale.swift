import IntiqalDomain

/// The reader's language and number style: labels from the catalogue, numbers and months
/// written for the language (Arabic-Indic digits when the reader chose them).
public struct WebLocale: Sendable, Hashable {
    public var language: Language
    /// Arabic-Indic digits (٠١٢٣…) in numbers and dates; only on Arabic pages.
    public var arabicDigits: Bool

    public init(language: Language, arabicDigits: Bool = false) {
        self.language = language
        self.arabicDigits = arabicDigits && language == .ar
    }

    public var isRTL: Bool { language == .ar }
    public var dir: String { isRTL ? "rtl" : "ltr" }

    public subscript(_ key: String) -> String { Catalogue.shared.text(key, language) }

    /// A label with `{0}`, `{1}`… replaced by already-formatted values.
    public func format(_ key: String, _ values: String...) -> String {
        var s = self[key]
        for (i, v) in values.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: v) }
        return s
    }

    public func name(_ text: LocalizedText) -> String { text.text(language) }

    /// Digits of the reader's choice.
    public func digits(_ s: String) -> String {
        guard arabicDigits else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            if c.value >= 0x30 && c.value <= 0x39 { return Unicode.Scalar(0x0660 + c.value - 0x30)! }
            if c == "." { return "\u{066B}" }
            if c == "," { return "\u{066C}" }
            return c
        }))
    }

    /// An integer with grouping (1,234).
    public func number(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return digits((n < 0 ? "-" : "") + String(out.reversed()))
    }

    /// A rating value: whole numbers without a fraction, else one decimal.
    public func value(_ v: Double) -> String {
        digits(v.rounded() == v ? String(Int(v)) : String(format: "%.1f", v))
    }

    public func percent(_ p: Double) -> String { digits(String(format: "%.1f", p * 100)) + (isRTL ? "٪" : "%") }

    static let monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                           "November", "December"]
    /// The month names of Iraq (Levantine names), as Iraqi official texts write them.
    static let monthsAr = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
                           "تشرين الثاني", "كانون الأول"]

    /// A month in words: "January 2025", "كانون الثاني 2025".
    public func month(_ m: YearMonth) -> String {
        let names = isRTL ? Self.monthsAr : Self.monthsEn
        return names[m.month - 1] + " " + digits(String(m.year))
    }

    /// A month as its id (`2025-01`), in the reader's digits.
    public func monthID(_ m: YearMonth) -> String { digits(m.description) }
}

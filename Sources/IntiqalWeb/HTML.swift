/// A piece of HTML. Text interpolated into it is escaped unless it is itself `HTML`: a page
/// cannot show a record's text as markup by accident, and there is no "raw" door but `HTML(raw:)`.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var text: String

    public init(raw text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public var description: String { text }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(raw: a.text + b.text) }
    public static func += (a: inout HTML, b: HTML) { a.text += b.text }
    public static let empty = HTML(raw: "")

    /// Each element rendered and joined.
    public static func each<S: Sequence>(_ items: S, _ body: (S.Element) -> HTML) -> HTML {
        var out = HTML.empty
        for item in items { out += body(item) }
        return out
    }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + interpolationCount * 16) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ html: HTML) { text += html.text }
        public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ value: Int64) { text += String(value) }
        /// Text in its own direction: ids, numbers and Latin names never scramble a sentence.
        public mutating func appendInterpolation(bdi value: String) { text += "<bdi>" + HTML.escape(value) + "</bdi>" }
    }

    /// Escapes the five characters that matter in text and in quoted attribute values.
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Why a text is not a month `YYYY-MM`: not of that form, a month outside 01–12, or a year
/// outside `InputLimits.year`.
public struct YearMonthError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case format
        case month(Int)
        case year(Int)
    }

    private let code: Code
    /// The text that was read.
    public let text: String

    init(format text: String) { code = .format; self.text = text }
    init(month: Int, in text: String) { code = .month(month); self.text = text }
    init(year: Int, in text: String) { code = .year(year); self.text = text }

    /// True when the text has the form `YYYY-MM` but its year is outside the range.
    public var isYearOutOfRange: Bool { if case .year = code { true } else { false } }

    /// The same, in Arabic.
    public var arabic: String {
        switch code {
        case .format:
            "المتوقع شهر بصيغة YYYY-MM، ورد '\(text)'"
        case .month(let m):
            "المتوقع شهر بصيغة YYYY-MM، ورد '\(text)': الشهر \(m) ليس بين 01 و12"
        case .year(let y):
            "السنة \(y) في '\(text)' خارج المدى \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)"
        }
    }

    public var description: String {
        switch code {
        case .format:
            "expected a month as YYYY-MM, got '\(text)'"
        case .month(let m):
            "expected a month as YYYY-MM, got '\(text)': month \(m) is not 01–12"
        case .year(let y):
            "year \(y) of '\(text)' is out of range \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)"
        }
    }
}

/// Why a text is not a day `YYYY-MM-DD`: not of that form, a month outside 01–12, a year outside
/// `InputLimits.year`, or a day its month does not have.
public struct CivilDateError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case format
        case month(Int)
        case year(Int)
        case day(Int)
    }

    private let code: Code
    /// The text that was read.
    public let text: String

    init(format text: String) { code = .format; self.text = text }
    init(month: Int, in text: String) { code = .month(month); self.text = text }
    init(year: Int, in text: String) { code = .year(year); self.text = text }
    init(day: Int, in text: String) { code = .day(day); self.text = text }

    /// True when the text has the form `YYYY-MM-DD` but its year is outside the range.
    public var isYearOutOfRange: Bool { if case .year = code { true } else { false } }

    /// The same, in Arabic.
    public var arabic: String {
        switch code {
        case .format:
            "المتوقع تاريخ بصيغة YYYY-MM-DD، ورد '\(text)'"
        case .month(let m):
            "المتوقع تاريخ بصيغة YYYY-MM-DD، ورد '\(text)': الشهر \(m) ليس بين 01 و12"
        case .year(let y):
            "السنة \(y) في '\(text)' خارج المدى \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)"
        case .day(let d):
            "المتوقع تاريخ بصيغة YYYY-MM-DD، ورد '\(text)': لا يوم \(d) في شهره"
        }
    }

    public var description: String {
        switch code {
        case .format:
            "expected a date as YYYY-MM-DD, got '\(text)'"
        case .month(let m):
            "expected a date as YYYY-MM-DD, got '\(text)': month \(m) is not 01–12"
        case .year(let y):
            "year \(y) of '\(text)' is out of range \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)"
        case .day(let d):
            "expected a date as YYYY-MM-DD, got '\(text)': its month has no day \(d)"
        }
    }
}

/// A calendar month, the planner's unit of time.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil for anything else (month 1–12, year 1900–2200). `parse` says why.
    public init?(_ text: some StringProtocol) {
        guard let value = Self.digits(text) else { return nil }
        self = value
    }

    /// Parses `YYYY-MM` (month 01–12, year in `InputLimits.year`), or says what is wrong with `text`.
    public static func parse(_ text: some StringProtocol) throws(YearMonthError) -> YearMonth {
        if let value = digits(text) { return value }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1])
        else { throw YearMonthError(format: String(text)) }
        guard (1...12).contains(m) else { throw YearMonthError(month: m, in: String(text)) }
        guard InputLimits.year.contains(y) else { throw YearMonthError(year: y, in: String(text)) }
        return YearMonth(year: y, month: m)
    }

    /// A valid month read byte by byte (scenarios hold millions of them): exactly four digits,
    /// '-', two digits, within the ranges `parse` checks; nil for anything else.
    private static func digits(_ text: some StringProtocol) -> YearMonth? {
        var y = 0, m = 0, count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 7 else { return nil }
            if count == 5 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if count < 5 { y = y * 10 + digit } else { m = m * 10 + digit }
        }
        guard count == 7, (1...12).contains(m), InputLimits.year.contains(y) else { return nil }
        return YearMonth(year: y, month: m)
    }

    /// Months since year 0, so differences are plain subtraction.
    public var ordinal: Int { year * 12 + (month - 1) }

    public init(ordinal: Int) {
        self.init(year: ordinal / 12, month: ordinal % 12 + 1)
    }

    public func adding(months: Int) -> YearMonth { YearMonth(ordinal: ordinal + months) }

    public func months(since other: YearMonth) -> Int { ordinal - other.ordinal }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)"
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try YearMonth.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

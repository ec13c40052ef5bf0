/// A calendar month, the planner's unit of time.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil for anything else (month 1–12, year 1900–2200).
    public init?(_ text: some StringProtocol) {
        // Exactly four digits, '-', two digits (read byte by byte: scenarios hold millions of months).
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
        guard count == 7 else { return nil }
        guard (1900...2200).contains(y), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
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
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected YYYY-MM, got '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

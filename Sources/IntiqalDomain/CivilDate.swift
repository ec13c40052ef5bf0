/// A calendar day (proleptic Gregorian) in `InputLimits.year`: the one day type of the package.
/// Reports, incidents and presence figures name days as `YYYY-MM-DD`; arithmetic goes through
/// `dayNumber`, days since 1970-01-01.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real day of a month of a year in `InputLimits.year`; nil otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard InputLimits.year.contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else. `parse` says why.
    public init?(_ text: some StringProtocol) {
        guard let value = Self.digits(text) else { return nil }
        self = value
    }

    /// Parses `YYYY-MM-DD` (a real day, year in `InputLimits.year`), or says what is wrong with `text`.
    public static func parse(_ text: some StringProtocol) throws(CivilDateError) -> CivilDate {
        if let value = digits(text) { return value }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw CivilDateError(format: String(text)) }
        guard (1...12).contains(m) else { throw CivilDateError(month: m, in: String(text)) }
        guard InputLimits.year.contains(y) else { throw CivilDateError(year: y, in: String(text)) }
        throw CivilDateError(day: d, in: String(text))
    }

    /// A valid day read byte by byte: four digits, '-', two digits, '-', two digits.
    private static func digits(_ text: some StringProtocol) -> CivilDate? {
        var fields = (0, 0, 0), count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 10 else { return nil }
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if count < 5 { fields.0 = fields.0 * 10 + digit } else if count < 8 { fields.1 = fields.1 * 10 + digit } else { fields.2 = fields.2 * 10 + digit }
        }
        guard count == 10 else { return nil }
        return CivilDate(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The one leap-year rule.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        case 1, 3, 5, 7, 8, 10, 12: 31
        default: 0
        }
    }

    /// Days since 1970-01-01 of a day given as numbers (Hinnant's days_from_civil); the numbers are
    /// not checked, and years far outside `InputLimits.year` are clamped to keep the arithmetic finite.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let year = min(max(year, -1_000_000), 1_000_000), month = min(max(month, 1), 12)
        let d = min(max(day, -1_000_000), 1_000_000)
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// The day `dayNumber` days after 1970-01-01 (Hinnant's civil_from_days); nil outside `InputLimits.year`.
    public init?(dayNumber z0: Int) {
        guard z0 > -1_000_000, z0 < 1_000_000 else { return nil }
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The day `days` later (earlier when negative); nil when it leaves `InputLimits.year`.
    public func adding(days: Int) -> CivilDate? {
        guard days > -1_000_000, days < 1_000_000 else { return nil }
        return CivilDate(dayNumber: dayNumber + days)
    }

    /// Days from `other` to this day.
    public func days(since other: CivilDate) -> Int { dayNumber - other.dayNumber }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7 + 4) % 7 + 7) % 7 }

    /// The month of this day.
    public var yearMonth: YearMonth { YearMonth(year: year, month: month) }

    /// The first day of `month`, when its year is in `InputLimits.year`.
    public init?(firstOf month: YearMonth) { self.init(year: month.year, month: month.month, day: 1) }

    /// `YYYY-MM-DD`.
    public var iso: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    public var description: String { iso }

    /// `value` in decimal, zero-padded to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CivilDate.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

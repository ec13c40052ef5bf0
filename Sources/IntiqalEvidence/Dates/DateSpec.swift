import IntiqalDomain

/// A date as the text states it, before it is resolved against the publication date.
enum DateSpec: Sendable, Hashable {
    /// Fully stated: year, and month/day when given; `endDay`/`endMonth`/`endYear` for ranges.
    case absolute(year: Int, month: Int?, day: Int?, endYear: Int?, endMonth: Int?, endDay: Int?)
    /// Month (and day) without a year; `direction` -1 "last …", 0 "this …", 1 "next …", nil plain.
    case monthDay(month: Int, day: Int?, endDay: Int?, direction: Int?)
    /// Today ± n days.
    case relativeDay(Int)
    /// A weekday: direction nil = the latest such day on or before publication (or after, in a planned clause).
    case weekday(Int, direction: Int?)
    /// "العاشر من الشهر الحالي": a day of this/last/next month.
    case dayOfRelativeMonth(day: Int, offset: Int)
    /// This/last/next month (period 2) or year (period 3).
    case relativePeriod(period: Int, offset: Int)

    var isExplicitDay: Bool {
        if case .absolute(_, let m, let d, _, _, _) = self { return m != nil && d != nil }
        return false
    }
}

/// A resolved date with its precision.
struct ResolvedDate: Sendable, Hashable {
    var start: String
    var end: String?
    var precision: DatePrecision
    /// The first day the date covers, for comparisons with the publication date.
    var first: CivilDate?
}

/// A date found in a sentence: its token range and what it says.
struct DateMention: Sendable {
    var tokenStart: Int
    var tokenEnd: Int
    var spec: DateSpec

    /// Relative to the day of speaking ("today", "on Saturday", "the 10th of this month"): inside a quotation
    /// the speaker's day may not be the publication's, so such dates are not resolved there.
    var isRelative: Bool {
        switch spec {
        case .relativeDay, .weekday, .dayOfRelativeMonth: return true
        default: return false
        }
    }
}

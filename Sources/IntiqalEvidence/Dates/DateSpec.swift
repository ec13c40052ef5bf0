import IntiqalDomain

/// A date as the text states it, before it is resolved against the publication date.
indirect enum DateSpec: Sendable, Hashable {
    /// Fully stated: year, and month/day when given; `endDay`/`endMonth`/`endYear` for ranges.
    case absolute(year: Int, month: Int?, day: Int?, endYear: Int?, endMonth: Int?, endDay: Int?)
    /// Month (and day) without a year; `direction` -1 "last …", 0 "this …", 1 "next …", nil plain.
    case monthDay(month: Int, day: Int?, endDay: Int?, direction: Int?)
    /// Today ± n days; `weekday` when the text names the day too ("أمس الأحد", "اليوم الثلاثاء"): a day that does not
    /// fall on it cannot be justified, and the date is then given to the month only.
    case relativeDay(Int, weekday: Int? = nil)
    /// A weekday: direction nil = the latest such day on or before publication (or after, in a planned clause).
    case weekday(Int, direction: Int?)
    /// A weekday said of a month the text names ("في فبراير الماضي، يوم الثلاثاء"): the day when the weekday resolved
    /// against publication falls in that month, else the month only.
    case weekdayIn(Int, month: DateSpec)
    /// "العاشر من الشهر الحالي": a day of this/last/next month.
    case dayOfRelativeMonth(day: Int, offset: Int)
    /// This/last/next month (period 2) or year (period 3).
    case relativePeriod(period: Int, offset: Int)

    /// Whether its day is counted from the day of writing ("أمس", "today", "الثلاثاء"), not stated.
    var countsFromTheDayOfWriting: Bool {
        switch self {
        case .relativeDay, .weekday, .weekdayIn: return true
        default: return false
        }
    }

    /// Whether it names a day (of a stated or a relative month).
    var hasDay: Bool {
        switch self {
        case .absolute(_, _, let d, _, _, _): return d != nil
        case .monthDay(_, let d, _, _): return d != nil
        case .dayOfRelativeMonth: return true
        default: return false
        }
    }

    /// Whether it names a month and no day ("فبراير الماضي", "في شهر آب 2017", "الشهر الماضي").
    var isMonthOnly: Bool {
        switch self {
        case .absolute(_, let m, let d, nil, nil, nil): return m != nil && d == nil
        case .monthDay(_, nil, nil, _): return true
        case .relativePeriod(2, _): return true
        default: return false
        }
    }

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
        case .relativeDay, .weekday, .dayOfRelativeMonth, .weekdayIn: return true
        default: return false
        }
    }
}

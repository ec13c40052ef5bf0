import IntiqalDomain

/// Resolves stated dates against the publication date, never adding precision the text does not give.
enum DateResolver {
    static func resolve(_ spec: DateSpec, anchor: CivilDate?, future: Bool) -> ResolvedDate? {
        switch spec {
        case let .absolute(year, month, day, endYear, endMonth, endDay):
            return make(year: year, month: month, day: day, endYear: endYear, endMonth: endMonth, endDay: endDay)
        case let .monthDay(month, day, endDay, direction):
            guard let a = anchor else { return nil }
            var year = a.year
            let after = month > a.month || (month == a.month && (day ?? 0) > a.day)
            let sameMonthNoDay = month == a.month && day == nil
            switch direction {
            case .some(-1):
                if after || sameMonthNoDay { year -= 1 }
            case .some(1):
                if !after { year += 1 }
            case .some(_):
                break
            case .none:
                // Plain "25 July": this year, unless that is well after publication in a report of the past.
                let monthsAhead = (month - a.month)
                if !future && monthsAhead > 2 { year -= 1 }
                if future && monthsAhead < -2 { year += 1 }
            }
            return make(year: year, month: month, day: day, endYear: nil, endMonth: nil, endDay: endDay)
        case let .relativeDay(n, weekday):
            guard let a = anchor, let d = a.adding(days: n) else { return nil }
            if let w = weekday, d.weekday != w {
                // "أمس الأحد" on a Tuesday: the text and the publication date disagree on the day; the month stands.
                return make(year: d.year, month: d.month, day: nil, endYear: nil, endMonth: nil, endDay: nil)
            }
            return ResolvedDate(start: d.iso, end: nil, precision: .day, first: d)
        case let .weekdayIn(w, month):
            guard let m = resolve(month, anchor: anchor, future: future), let first = m.first else { return nil }
            let monthOnly = make(year: first.year, month: first.month, day: nil, endYear: nil, endMonth: nil, endDay: nil)
            guard let d = resolve(.weekday(w, direction: nil), anchor: anchor, future: future), let day = d.first else { return monthOnly }
            return day.year == first.year && day.month == first.month ? d : monthOnly
        case let .weekday(w, direction):
            guard let a = anchor else { return nil }
            let back = ((a.weekday - w) % 7 + 7) % 7
            var offset: Int
            switch direction {
            case .some(-1): offset = back == 0 ? -7 : -back
            case .some(1): offset = back == 0 ? 7 : 7 - back
            default:
                if future { offset = back == 0 ? 0 : 7 - back } else { offset = -back }
            }
            guard let d = a.adding(days: offset) else { return nil }
            return ResolvedDate(start: d.iso, end: nil, precision: .day, first: d)
        case let .dayOfRelativeMonth(day, offset):
            guard let a = anchor else { return nil }
            let total = a.year * 12 + (a.month - 1) + offset
            return make(year: total / 12, month: total % 12 + 1, day: day, endYear: nil, endMonth: nil, endDay: nil)
        case let .relativePeriod(period, offset):
            guard let a = anchor else { return nil }
            if period == 2 {
                let total = a.year * 12 + (a.month - 1) + offset
                return make(year: total / 12, month: total % 12 + 1, day: nil, endYear: nil, endMonth: nil, endDay: nil)
            }
            if period == 3 {
                return make(year: a.year + offset, month: nil, day: nil, endYear: nil, endMonth: nil, endDay: nil)
            }
            return nil
        }
    }

    static func make(year: Int, month: Int?, day: Int?, endYear: Int?, endMonth: Int?, endDay: Int?) -> ResolvedDate? {
        guard (1...9999).contains(year) else { return nil }
        guard let m = month else {
            let start = CivilDate.pad(year, 4)
            var end: String? = nil
            if let ey = endYear, ey > year, ey <= 9999 { end = CivilDate.pad(ey, 4) }
            return ResolvedDate(start: start, end: end, precision: .year, first: CivilDate(year: year, month: 1, day: 1))
        }
        guard (1...12).contains(m) else { return nil }
        guard let d = day else {
            let start = CivilDate.pad(year, 4) + "-" + CivilDate.pad(m, 2)
            var end: String? = nil
            if let em = endMonth, (1...12).contains(em) {
                let ey = endYear ?? year
                if (ey, em) > (year, m) { end = CivilDate.pad(ey, 4) + "-" + CivilDate.pad(em, 2) }
            }
            return ResolvedDate(start: start, end: end, precision: .month, first: CivilDate(year: year, month: m, day: 1))
        }
        guard let first = CivilDate(year: year, month: m, day: d) else { return nil }
        var end: String? = nil
        if let ed = endDay {
            if let last = CivilDate(year: endYear ?? year, month: endMonth ?? m, day: ed), first < last {
                end = last.iso
            }
        }
        return ResolvedDate(start: first.iso, end: end, precision: .day, first: first)
    }
}

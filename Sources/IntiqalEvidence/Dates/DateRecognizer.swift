import IntiqalDomain

/// Finds date expressions in a sentence of tokens: numeric dates, day–month–year in Levantine, Egyptian/Gulf,
/// Maghrebi and English month names (paired forms "كانون الثاني/يناير"), ranges, weekdays, relative words and
/// years with a cue ("عام 2008", "since 2014"). Bare numbers are never dates.
struct DateRecognizer {
    let p: Paragraph
    let lx: Lexicon
    let end: Int

    init(_ p: Paragraph, _ lx: Lexicon, end: Int) {
        self.p = p
        self.lx = lx
        self.end = end
    }

    private func tok(_ i: Int) -> Token? { i >= 0 && i < end ? p.tokens[i] : nil }
    private func lex(_ i: Int) -> LexEntry? { i < end ? p.lex(i, lx) : nil }
    private func punct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        guard i >= 0 && i < end else { return false }
        let t = p.tokens[i]
        return t.kind == .punct && t.punct == c.value
    }
    private func adjacent(_ a: Int, _ b: Int) -> Bool {
        guard let x = tok(a), let y = tok(b) else { return false }
        return x.oe == y.os
    }
    private func intValue(_ i: Int, maxDigits: Int) -> Int? {
        guard let t = tok(i), t.kind == .number, t.digits > 0, Int(t.digits) <= maxDigits, t.value.rounded() == t.value
        else { return nil }
        return Int(t.value)
    }
    private func day(_ i: Int) -> Int? {
        guard let v = intValue(i, maxDigits: 2), (1...31).contains(v) else { return nil }
        return v
    }
    private func year(_ i: Int) -> Int? {
        guard let t = tok(i), t.kind == .number, t.digits == 4, let v = intValue(i, maxDigits: 4),
              (1900...2100).contains(v) else { return nil }
        // "2000 soldiers" is a count, not a year.
        if lex(i + 1)?.unit != nil { return nil }
        return v
    }
    private func hasArticle(_ i: Int) -> Bool { tok(i)?.lex ?? -1 >= 0 && p.tokens[i].lexArticle }

    /// A month name at `i`, with an optional paired form ("/يناير", "(كانون الثاني)"). Returns the month and the next index.
    func month(at i: Int, allowAmbiguous: Bool) -> (Int, Int)? {
        guard let (m, next, ambiguous) = singleMonth(at: i) else { return nil }
        var k = next
        // Paired forms.
        if punct(k, "/") || punct(k, "(") || punct(k, "-") {
            let open = punct(k, "(")
            if let (_, n2, _) = singleMonth(at: k + 1) {
                k = n2
                if open && punct(k, ")") { k += 1 }
                return (m, k)
            }
        }
        if ambiguous && !allowAmbiguous { return nil }
        return (m, k)
    }

    private func singleMonth(at i: Int) -> (Int, Int, Bool)? {
        guard let e = lex(i) else { return nil }
        // An ambiguous month is never written with a clitic: "باب" is a door, not "بـ + آب".
        if e.monthAmbiguous && p.tokens[i].lexClitic { return nil }
        if e.month > 0 {
            var k = i + 1
            if punct(k, "."), tok(i)?.kind == .latin { k += 1 }  // "Jan."
            return (Int(e.month), k, e.monthAmbiguous)
        }
        if e.monthNeedsOrdinal > 0, let o = lex(i + 1), o.ordinal == 1 || o.ordinal == 2 {
            let m: Int = e.monthNeedsOrdinal == 1 ? (o.ordinal == 1 ? 12 : 1) : (o.ordinal == 1 ? 10 : 11)
            return (m, i + 2, false)
        }
        return nil
    }

    /// Year after a month: optional comma, "عام/سنة", then four digits.
    private func yearAfter(_ i: Int) -> (Int, Int)? {
        var k = i
        if punct(k, ",") { k += 1 }
        if let e = lex(k), e.period == 3, tok(k)?.kind == .arabic { k += 1 }
        // "يونيو في 2017", "June in 2017" hardly occur otherwise: في/in before the year still belongs to the month.
        else if p.isWord(k, Words.fi) || p.isWord(k, Words.inn), year(k + 1) != nil { k += 1 }
        if let y = year(k) { return (y, k + 1) }
        return nil
    }

    private func directionAfter(_ i: Int) -> (Int, Int)? {
        if let e = lex(i), let d = e.direction, tok(i)?.kind == .arabic, e.period == 0, e.month == 0 {
            return (Int(d), i + 1)
        }
        return nil
    }

    /// Range tail: "و23", "-23", "to 23", "إلى 27".
    private func rangeDay(_ i: Int) -> (Int, Int)? {
        if let e = lex(i), e.rangeConnector || punct(i, "-"), let d = day(i + 1) { return (d, i + 2) }
        if punct(i, "-"), let d = day(i + 1) { return (d, i + 2) }
        return nil
    }

    func recognize(from start: Int) -> [DateMention] {
        var out: [DateMention] = []
        var i = start
        while i < end {
            if let (m, next) = match(at: i) {
                out.append(m)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    private func match(at i: Int) -> (DateMention, Int)? {
        guard let t = tok(i) else { return nil }
        func mention(_ spec: DateSpec, _ next: Int) -> (DateMention, Int) {
            (DateMention(tokenStart: i, tokenEnd: next, spec: spec), next)
        }
        if t.kind == .number {
            // Numeric: 27/1/2024, 27-01-2024, 27.1.2024, 2024-01-27.
            for sep in ["/", "-", "."] as [Unicode.Scalar] {
                if punct(i + 1, sep), punct(i + 3, sep), adjacent(i, i + 1), adjacent(i + 1, i + 2), adjacent(i + 2, i + 3),
                   adjacent(i + 3, i + 4), let a = intValue(i, maxDigits: 4), let b = intValue(i + 2, maxDigits: 2),
                   let c = intValue(i + 4, maxDigits: 4) {
                    var y = c, mo = b, d = a
                    if tok(i)?.digits == 4 { y = a; d = c } else if tok(i + 4)?.digits != 4 { return nil }
                    if mo > 12 && d <= 12 { swap(&mo, &d) }
                    guard (1900...2100).contains(y), CivilDate(year: y, month: mo, day: d) != nil else { return nil }
                    return mention(.absolute(year: y, month: mo, day: d, endYear: nil, endMonth: nil, endDay: nil), i + 5)
                }
            }
            // Day [range] Month [year | direction].
            if let d = day(i) {
                var k = i + 1
                if let s = tok(k), s.kind == .latin, adjacent(i, k), ["st", "nd", "rd", "th"].contains(p.word(k)) { k += 1 }
                if punct(k, ",") { k += 1 }
                if let s = tok(k), s.kind == .latin, p.word(k) == "of" { k += 1 }
                var endDay: Int? = nil
                if let (d2, n) = rangeDay(k), d2 > d {
                    if month(at: n, allowAmbiguous: true) != nil { endDay = d2; k = n }
                }
                if let (m, n) = month(at: k, allowAmbiguous: true) {
                    if let (y, n2) = yearAfter(n) {
                        return mention(.absolute(year: y, month: m, day: d, endYear: nil, endMonth: nil, endDay: endDay), n2)
                    }
                    if let (dir, n2) = directionAfter(n) {
                        return mention(.monthDay(month: m, day: d, endDay: endDay, direction: dir), n2)
                    }
                    return mention(.monthDay(month: m, day: d, endDay: endDay, direction: nil), n)
                }
                // "في 5 من الشهر الجاري", "15 الشهر الماضي": a day of this, last or next month.
                var j = i + 1
                if p.isWord(j, Words.min) { j += 1 }
                if let pe = lex(j), pe.period == 2, p.tokens[j].lexArticle, tok(j)?.kind == .arabic, let (dir, n) = directionAfter(j + 1) {
                    return mention(.dayOfRelativeMonth(day: d, offset: dir), n)
                }
            }
            return nil
        }
        guard let e = lex(i) else { return nil }
        // Month first: "July 22-23, 2024", "January 27, 2024", "سبتمبر/ أيلول عام 2014", "فبراير/شباط الماضي".
        let prev = lex(i - 1)
        let cued = prev?.period == 2 || prev?.yearCue == true
        if let (m, n) = month(at: i, allowAmbiguous: true) {
            let ambiguous = (e.monthAmbiguous) && month(at: i, allowAmbiguous: false) == nil
            var k = n
            if tok(i)?.kind == .latin, let d = day(k) {
                k += 1
                if let s = tok(k), s.kind == .latin, adjacent(k - 1, k), ["st", "nd", "rd", "th"].contains(p.word(k)) { k += 1 }
                var endDay: Int? = nil
                if let (d2, n2) = rangeDay(k), d2 > d { endDay = d2; k = n2 }
                if let (y, n2) = yearAfter(k) {
                    return mention(.absolute(year: y, month: m, day: d, endYear: nil, endMonth: nil, endDay: endDay), n2)
                }
                // "March 19" / "May 3" without a year are dates where a date is introduced ("on March 19",
                // ", May 3" in a list, "and May 3", "until May 3"); "they may 5 …" is not one.
                if ambiguous && !(punct(i - 1, ",") || ["on", "and", "by", "until", "from", "to", "of", "since", "through"].contains(p.word(i - 1))) {
                    return nil
                }
                return mention(.monthDay(month: m, day: d, endDay: endDay, direction: nil), k)
            }
            if let (y, n2) = yearAfter(n) {
                return mention(.absolute(year: y, month: m, day: nil, endYear: nil, endMonth: nil, endDay: nil), n2)
            }
            if ambiguous && !cued && directionAfter(n) == nil { return nil }
            if let (dir, n2) = directionAfter(n) {
                return mention(.monthDay(month: m, day: nil, endDay: nil, direction: dir), n2)
            }
            if ambiguous && !cued { return nil }
            return mention(.monthDay(month: m, day: nil, endDay: nil, direction: nil), n)
        }
        // "the previous day", "اليوم السابق": the day before the day of the report.
        if e.direction == -1, tok(i)?.kind == .latin, p.word(i + 1) == "day" { return mention(.relativeDay(-1, weekday: nil), i + 2) }
        if e.relativeDay == 0, p.tokens[i].lexArticle, lex(i + 1)?.direction == -1, p.word(i + 1) == "السابق" {
            return mention(.relativeDay(-1, weekday: nil), i + 2)
        }
        // Weekdays: "يوم السبت", "الأربعاء المقبل", "last Thursday". An explicit date right after wins.
        if e.weekday >= 0 && (!e.needsArticle || p.tokens[i].lexArticle) {
            var k = i + 1
            if punct(k, "(") || punct(k, ",") { k += 1 }
            // An explicit date right after ("يوم السبت 27/1/2024") wins; a number that starts none (a Hijri date,
            // a count) leaves the weekday to date the sentence.
            if tok(k)?.kind == .number, let (m, _) = match(at: k), m.spec.isExplicitDay || m.spec.hasDay { return nil }
            var dir: Int? = nil
            var next = i + 1
            if let (d, n) = directionAfter(i + 1) { dir = d; next = n }
            if let pe = prev, let d = pe.direction, tok(i - 1)?.kind == .latin { dir = Int(d) }
            return mention(.weekday(Int(e.weekday), direction: dir), next)
        }
        // Today, yesterday, tomorrow; "أول أمس", "بعد غد".
        if let r = e.relativeDay, !e.needsArticle || p.tokens[i].lexArticle {
            var n = Int(r)
            if r == -1, let w = tok(i - 1), w.kind == .arabic, p.word(i - 1) == "اول" || (p.word(i - 1) == "من" && p.word(i - 2) == "اول") { n = -2 }
            if r == 1, p.word(i - 1) == "بعد" { n = 2 }
            if r == 1 && tok(i)?.kind == .arabic && p.word(i - 1) != "بعد" && lex(i - 1)?.dayWord != true {
                // "غد" alone is rare in dates; accept "غدا".
                if p.word(i) == "غد" { return nil }
            }
            var next = i + 1
            var named: Int? = nil
            if let w = lex(next), w.weekday >= 0 { named = Int(w.weekday); next += 1 }
            if r == 0 && tok(i)?.kind == .arabic {
                // "اليوم الأول" (the first day), "نفس اليوم"/"ذات اليوم" (the same day) are days of a narrative, not today.
                if (lex(i + 1)?.ordinal ?? 0) > 0 || p.word(i + 1) == "الاخير" || p.word(i - 1) == "نفس" || p.word(i - 1) == "ذات" { return nil }
                // "اليوم" as "today" only when not "the day of …": next token is not a number or a genitive noun of time.
                if tok(i + 1)?.kind == .number { return nil }
            }
            return mention(.relativeDay(n, weekday: named), next)
        }
        // "الشهر الماضي", "العام المقبل", "هذا العام", "last month", "next year".
        if e.period >= 2 {
            let isArabic = tok(i)?.kind == .arabic
            if isArabic, p.tokens[i].lexArticle, let (d, n) = directionAfter(i + 1), year(i + 1) == nil {
                return mention(.relativePeriod(period: Int(e.period), offset: d), n)
            }
            if let pe = prev, let d = pe.direction, pe.period == 0, year(i + 1) == nil {
                if !isArabic || d == 0 {
                    return (DateMention(tokenStart: i - 1, tokenEnd: i + 1, spec: .relativePeriod(period: Int(e.period), offset: Int(d))), i + 1)
                }
            }
        }
        // Years with a cue: "عام 2008", "منذ 2014", "in 2014", "عامي 2014 و2017".
        if e.yearCue, let y = year(i + 1) {
            if let (y2, n) = yearRange(i + 2), y2 > y {
                return mention(.absolute(year: y, month: nil, day: nil, endYear: y2, endMonth: nil, endDay: nil), n)
            }
            return mention(.absolute(year: y, month: nil, day: nil, endYear: nil, endMonth: nil, endDay: nil), i + 2)
        }
        // "العاشر من الشهر الحالي", "the 10th of this month": ordinal day.
        if e.ordinal > 0, tok(i)?.kind == .arabic, p.tokens[i].lexArticle, p.word(i + 1) == "من" {
            if let pt = tok(i - 1), pt.kind == .arabic, pt.lex < 0 || p.tokens[i - 1].lexArticle { return nil }
            let d = Int(e.ordinal)
            if let pe = lex(i + 2), pe.period == 2, p.tokens[i + 2].lexArticle, let (dir, n) = directionAfter(i + 3) {
                return mention(.dayOfRelativeMonth(day: d, offset: dir), n)
            }
            if let (m, n) = month(at: i + 2, allowAmbiguous: true) {
                if let (y, n2) = yearAfter(n) {
                    return mention(.absolute(year: y, month: m, day: d, endYear: nil, endMonth: nil, endDay: nil), n2)
                }
                return mention(.monthDay(month: m, day: d, endDay: nil, direction: directionAfter(n)?.0), n)
            }
        }
        return nil
    }

    private func yearRange(_ i: Int) -> (Int, Int)? {
        if let e = lex(i), e.rangeConnector || punct(i, "-"), let y = year(i + 1) { return (y, i + 2) }
        return nil
    }
}

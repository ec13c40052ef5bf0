import IntiqalDomain

/// Accumulates what one document yields, paragraph by paragraph, and resolves dates at the end.
struct DocumentBuilder {
    let x: Extractor
    let document: String
    let published: CivilDate?
    var diagnostics: [Diagnostic] = []

    private var paragraph = Paragraph()
    private var tail = false
    private var paragraphIndex = 0
    private var dateline: CivilDate?
    private var loneDates: [(index: Int, date: CivilDate)] = []
    private var latestExplicit: CivilDate?
    private var events: [PendingEvent] = []
    private var numbers: [ExtractedNumber] = []
    private var mentions: [Int32: [EntityMention]] = [:]
    private var entityOrder: [Int32] = []
    /// The body paragraphs read: where each starts (scalars), the events and numbers before it, how it opens.
    private var bodies: [(start: Int, events: Int, numbers: Int, opening: ParagraphOpening)] = []
    /// Sentences cut because they ran past ``maxSentenceTokens`` without an end.
    private var longSentences = 0

    /// The most tokens one sentence may hold; a longer run without a sentence end is cut there, which
    /// bounds the work of assigning dates to triggers (quadratic in a sentence's length).
    static let maxSentenceTokens = 512
    /// The most events and numbers (before merging) one document may yield, and eight times as many entity
    /// mentions; past either the rest of the document is not read. This bounds the memory one report can
    /// take whatever its size (about 300 MiB at worst: an event or number holds a few hundred bytes with
    /// its sentence, a mention 16); a real report yields a few hundred items, 100 MB of news pages about
    /// 200,000 events and numbers and 1.3 million mentions.
    static let maxItems = 500_000
    private var mentionCount = 0
    /// Where reading stopped at ``maxItems``, in scalars of the document.
    private var stoppedAt: Int?

    init(extractor: Extractor, document: String, published: CivilDate?) {
        self.x = extractor
        self.document = document
        self.published = published
    }

    mutating func add(paragraph scalars: UnsafeBufferPointer<UInt32>, base: Int) {
        if tail || stoppedAt != nil { return }
        if events.count + numbers.count >= x.maxItemsPerDocument || mentionCount >= x.maxItemsPerDocument * 8 {
            stoppedAt = base
            return
        }
        paragraph.analyze(scalars, lexicon: x.lexicon, gazetteer: x.gazetteer, filter: x.filter)
        let p = paragraph
        guard p.count > 0 else { return }
        paragraphIndex += 1
        let kind = Boilerplate.classify(p)
        switch kind {
        case .tail:
            tail = true
            return
        case .junk, .heading:
            if kind == .heading { recordEntities(p, base: base) }
            if p.count <= 24 { scanDateLine(p) }
            return
        case .body:
            bodies.append((base + Int(p.tokens[0].os), events.count, numbers.count, ParagraphOpening.of(p)))
            recordEntities(p, base: base)
        }
        // Sentences, up to a related article's headline inside the paragraph.
        var s = 0
        let n = Boilerplate.relatedHeadlineStart(p)
        var i = 0
        while i < n {
            if isSentenceEnd(p, i) {
                var e = i + 1
                while e < n, p.tokens[e].kind == .punct, [0x22, 0x27, 0x29, 0x5D].contains(p.tokens[e].punct) { e += 1 }
                sentence(p, s, e, scalars, base)
                s = e
                i = e
            } else if i + 1 - s >= Self.maxSentenceTokens {
                sentence(p, s, i + 1, scalars, base)
                longSentences += 1
                s = i + 1
                i += 1
            } else {
                i += 1
            }
        }
        if s < n { sentence(p, s, n, scalars, base) }
    }

    private func isSentenceEnd(_ p: Paragraph, _ i: Int) -> Bool {
        let t = p.tokens[i]
        guard t.kind == .punct else { return false }
        let c = t.punct
        if c == 0x21 || c == 0x3F { return true }
        guard c == 0x2E else { return false }
        if i + 1 < p.count {
            let nx = p.tokens[i + 1]
            if nx.os == t.oe && (nx.kind == .latin || nx.kind == .number) { return false }  // U.S., pic.twitter
            if nx.kind == .punct && nx.punct == 0x2E { return false }  // ...
        }
        if i > 0 {
            let pv = p.tokens[i - 1]
            if (pv.kind == .latin || pv.kind == .arabic) && pv.length == 1 { return false }  // initials
            if pv.length <= 5, DocumentBuilder.abbreviations.contains(pv.hash) { return false }
        }
        return true
    }

    static let abbreviations: Set<UInt64> = Set([
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "maj", "adm", "rep", "sen", "gov",
        "pres", "capt", "cmdr", "jr", "sr", "mt", "ft", "جيه", "د", "م",
    ].map { FNV.hash($0) })

    private mutating func recordEntities(_ p: Paragraph, base: Int) {
        for m in p.entities {
            let start = base + Int(p.tokens[m.start].os)
            let end = base + Int(p.tokens[m.end - 1].oe)
            if mentions[m.entity] == nil { entityOrder.append(m.entity) }
            mentions[m.entity, default: []].append(EntityMention(start: start, end: end))
            mentionCount += 1
        }
    }

    private mutating func scanDateLine(_ p: Paragraph) {
        let found = DateRecognizer(p, x.lexicon, end: p.count).recognize(from: 0)
        guard let first = found.first, case let .absolute(y, m?, d?, _, _, _) = first.spec,
              let date = CivilDate(year: y, month: m, day: d) else { return }
        let w0 = p.word(0), w1 = p.word(1)
        if (w0 == "تاريخ" && w1 == "النشر") || (w0 == "نشر" && w1 == "في") || w0 == "published" || w0 == "updated"
            || w0 == "تحديث" {
            if dateline == nil { dateline = date }
            return
        }
        // A line holding only a date.
        var words = 0
        for k in 0..<p.count where (k < first.tokenStart || k >= first.tokenEnd) && p.tokens[k].kind != .punct { words += 1 }
        if words == 0 {
            loneDates.append((paragraphIndex, date))
        } else if latestExplicit.map({ $0 < date }) ?? true {
            latestExplicit = date
        }
    }

    // MARK: sentences

    private func isFutureVerb(_ p: Paragraph, _ i: Int) -> Bool {
        let t = p.tokens[i]
        guard t.kind == .arabic, t.length >= 5 else { return false }
        let lo = Int(t.ts)
        let a = p.text[lo], b = p.text[lo + 1]
        guard a == 0x0633, b == 0x064A || b == 0x062A || b == 0x0646 || b == 0x0627 else { return false }
        let key = UInt64(p.text[lo]) << 32 | UInt64(p.text[lo + 1]) << 16 | UInt64(p.text[lo + 2])
        return !DocumentBuilder.notFuture.contains(key)
    }

    static let meetingBodies: Set<String> = ["Higher Military Commission", "Joint Security Cooperation Dialogue"]

    /// Three-letter beginnings of common words that are not "س" + imperfect verb (سياسة، سيطرة، سنوات …).
    static let notFuture: Set<UInt64> = Set(["سيا", "سيط", "سنو", "سنه", "سته", "سيد", "سير", "سيس", "ستا", "سيو", "سيف",
        "سيق", "سيل", "سان", "سال", "ساع", "ساح", "ساب", "سام", "ساد", "سار", "ستر", "سند", "سنغ", "سنت", "سيج"].map { w in
            let u = Array(w.unicodeScalars.map(\.value))
            return UInt64(u[0]) << 32 | UInt64(u[1]) << 16 | UInt64(u[2])
        })

    private mutating func sentence(_ p: Paragraph, _ s: Int, _ e: Int, _ scalars: UnsafeBufferPointer<UInt32>, _ base: Int) {
        guard e > s else { return }
        let lx = x.lexicon
        let recognizer = DateRecognizer(p, lx, end: e)
        let found = Self.joinWeekdayToMonth(p, Self.joinLists(p, recognizer.recognize(from: s)))
        var inDate = [Bool](repeating: false, count: e - s)
        // Dates that can date an event: not "since 2014", not a relative word inside a quotation
        // (its "today" is the speaker's, not the publication's).
        var dates: [DateMention] = []
        var quotes = 0
        var q = s
        for d in found {
            while q < d.tokenStart { if p.isPunct(q, 0x22) { quotes += 1 }; q += 1 }
            let since = p.isWord(d.tokenStart - 1, Words.mundhu) || p.isWord(d.tokenStart - 1, Words.since)
                || p.isWord(d.tokenStart, Words.mundhu) || p.isWord(d.tokenStart, Words.since)
                || sinceGoverns(p, d.tokenStart, s)
            if !since && !(d.isRelative && quotes % 2 == 1) { dates.append(d) }
        }
        for d in found {
            for k in max(d.tokenStart, s)..<min(d.tokenEnd, e) { inDate[k - s] = true }
            if d.spec.isExplicitDay, case let .absolute(y, m?, dd?, _, _, _) = d.spec, let c = CivilDate(year: y, month: m, day: dd) {
                if latestExplicit.map({ $0 < c }) ?? true { latestExplicit = c }
            }
        }
        let oStart = Int(p.tokens[s].os), oEnd = Int(p.tokens[e - 1].oe)
        var evidenceText: String? = nil
        func evidence() -> EvidenceSpan {
            if evidenceText == nil { evidenceText = Words.string(scalars, oStart, oEnd) }
            return EvidenceSpan(sentence: evidenceText ?? "", start: base + oStart, end: base + oEnd)
        }
        numbersIn(p, s, e, inDate, evidence)

        // Triggers.
        struct Trig { var k: Int; var type: EventType; var strength: Int; var speech: Bool; var future: Bool }
        var trigs: [Trig] = []
        var futureAt: [Int] = []
        var markerAt: [Int] = []
        for k in s..<e where !inDate[k - s] {
            let t = p.tokens[k]
            if let l = p.lex(k, lx), l.future { markerAt.append(k) }
            else if isFutureVerb(p, k) { futureAt.append(k) }
            guard t.lex >= 0 else { continue }
            let l = lx.entry(t.lex)
            guard let type = l.trigger else { continue }
            // A negated or privative trigger ("لم يعقد الاجتماع", "دون هجمات", "without attacks") did not happen.
            if negated(p, k, s) { continue }
            trigs.append(Trig(k: k, type: type, strength: Int(l.triggerStrength), speech: l.speech, future: false))
        }
        guard !trigs.isEmpty else { return }
        // "توقع" unvocalised is "signs" or "expected"; followed by a clause ("توقع العبادي أن يكلف …") it is the latter.
        for idx in trigs.indices where trigs[idx].type == .agreement {
            let k = trigs[idx].k
            let w = p.word(k)
            guard w == "توقع" || w == "يتوقع" || w == "توقعت" || w == "وتوقع" else { continue }
            if (k + 1..<min(e, k + 9)).contains(where: { p.isWord($0, Words.anna) || p.isWord($0, Words.annahu) }) {
                trigs[idx].type = .statement
                trigs[idx].speech = true
            }
        }
        // A press conference ("مؤتمر صحفي", "press conference") is where statements are made, not a meeting.
        for idx in trigs.indices where trigs[idx].type == .meeting {
            let k = trigs[idx].k
            func press(_ i: Int) -> Bool { p.isWord(i, Words.sahafi) || p.isWord(i, Words.sahafi2) }
            // … and the verb that holds it ("مؤتمر صحفي عقد اليوم").
            if press(k + 1) || press(k - 1) || press(k - 2) || (p.isWord(k, Words.conference) && p.isWord(k - 1, Words.press)) {
                trigs[idx].type = .statement
                trigs[idx].strength = 1
            }
        }
        // With a speech verb, statement nouns ("بيان") add nothing.
        if trigs.contains(where: { $0.speech }) { trigs.removeAll { $0.type == .statement && !$0.speech } }
        // "انطلقت أعمال اللجنة", "بدء حوار": a start of talks is a meeting.
        for idx in trigs.indices where trigs[idx].type == .other {
            let k = trigs[idx].k
            let meetingNear = trigs.contains { $0.type == .meeting && $0.k > k && $0.k - k <= 8 }
            let bodyNear = entities(p, k + 1, k + 9).contains { m in m.start > k && m.start - k <= 8 && x.meetingBodies.contains(m.entity) }
            if meetingNear || bodyNear { trigs[idx].type = .meeting }
        }
        for idx in trigs.indices {
            let k = trigs[idx].k
            if trigs[idx].speech {
                // A statement is planned only when the speaking is ("سيعلن", "will announce").
                trigs[idx].future = futureAt.contains { $0 == k } || markerAt.contains { $0 < k && k - $0 <= 2 }
                continue
            }
            trigs[idx].future = futureAt.contains { $0 == k || ($0 < k && k - $0 <= 5) }
                || markerAt.contains { ($0 < k && k - $0 <= 20) || ($0 > k && $0 - k <= 2) }
        }
        // Assign each date to the trigger it most likely dates.
        var assigned = [DateMention?](repeating: nil, count: trigs.count)
        // Dates in a list after a dated trigger ("on April 4, April 18, and May 3, 2021"; "As I reported on
        // October 27, 2023, November 10, 2023, and …") each date the same trigger.
        var listed: [(idx: Int, date: DateMention)] = []
        var lastOwner: (idx: Int, end: Int)? = nil
        for d in dates {
            if let o = lastOwner, isListGap(p, o.end, d.tokenStart, trigs.map(\.k)) {
                listed.append((o.idx, d))
                lastOwner = (o.idx, d.tokenEnd)
                continue
            }
            lastOwner = nil
            var best: (score: Double, idx: Int)? = nil
            for (idx, tr) in trigs.enumerated() {
                var score: Double
                if tr.k < d.tokenStart { score = Double(d.tokenStart - tr.k) }
                else { score = Double(tr.k - d.tokenEnd + 1) * 1.5 + 2 }
                if tr.speech && score > 8 { continue }
                // "…until September 2026, officials said": a date before a speech verb dates it only at the
                // head of the sentence ("On Thursday, the minister said").
                if tr.speech && tr.k > d.tokenStart && d.tokenStart - s > 3 { continue }
                if tr.strength < 2 { score += 4 }
                if score > 24 { continue }
                if assigned[idx] != nil { score += 6 }
                if best == nil || score < best!.score { best = (score, idx) }
            }
            if let b = best, assigned[b.idx] == nil { assigned[b.idx] = d; lastOwner = (b.idx, d.tokenEnd) }
        }
        // A speech verb shortly before a date shares it: "أعلنت الحكومة، يوم السبت، انتهاء الجولة"; so does one
        // said at a meeting ("قال في مؤتمر إقليمي منعقد اليوم", "said at a conference on Monday").
        // The statement is the first speech verb with a date, else the first speech verb.
        var speechIndex = trigs.firstIndex(where: { $0.speech })
        for si in trigs.indices where trigs[si].speech {
            if assigned[si] == nil {
                let k = trigs[si].k
                func saidAt(_ t: Trig) -> Bool {
                    t.type == .meeting && (max(k + 1, t.k - 4)..<t.k).contains { p.isWord($0, Words.fi) || p.isWord($0, Words.khilal) || p.isWord($0, Words.at) }
                }
                if let d = dates.first(where: { $0.tokenStart > k && $0.tokenStart - k <= 14 }),
                   !trigs.contains(where: { !$0.speech && $0.k > k && $0.k < d.tokenStart && $0.strength >= 2 && !saidAt($0) }) {
                    assigned[si] = d
                }
            }
            if assigned[si] != nil { speechIndex = si; break }
        }
        // An Arabic imperfect verb with a weekday ("يدشن الجانبان، الاثنين، …") tells what is coming.
        for idx in trigs.indices where !trigs[idx].speech && trigs[idx].strength >= 2 {
            if case .weekday(_, nil)? = assigned[idx]?.spec, p.tokens[trigs[idx].k].kind == .arabic,
               p.tokenizer.text[Int(p.tokens[trigs[idx].k].ts)] == 0x064A {
                trigs[idx].future = true
            }
        }
        // Leaving is a withdrawal when forces leave; a visitor leaving a city is another happening.
        for idx in trigs.indices where trigs[idx].type == .withdrawal && p.word(trigs[idx].k).contains("غادر") {
            let k = trigs[idx].k
            let forces = (k + 1..<min(e, k + 5)).contains { p.lex($0, lx)?.unit == "troops" || p.isWord($0, Words.alquwat) || p.isWord($0, Words.quwat) }
            if !forces { trigs[idx].type = .other }
        }
        let actors = actorsIn(p, s, e)
        let place = placeIn(p, s, e)
        let hash = FNV.hash(p.text, Int(p.tokens[s].ts), Int(p.tokens[e - 1].te))
        var statementIndex: Int? = nil
        if let si = speechIndex {
            let tr = trigs[si]
            let ev = PendingEvent(type: .statement, spec: assigned[si]?.spec, inheritFrom: nil, future: tr.future,
                                  place: place, actors: actors, speaker: speakerFor(p, tr.k, s, e, scalars), evidence: evidence(),
                                  sentenceHash: hash)
            statementIndex = events.count
            events.append(ev)
        } else if let si = trigs.indices.first(where: { trigs[$0].type == .statement && assigned[$0] != nil }) {
            let ev = PendingEvent(type: .statement, spec: assigned[si]?.spec, inheritFrom: nil, future: false,
                                  place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash)
            statementIndex = events.count
            events.append(ev)
        }
        for (idx, d) in listed {
            let tr = trigs[idx]
            events.append(PendingEvent(type: tr.speech ? .statement : tr.type, spec: d.spec, inheritFrom: nil, future: tr.future,
                                       place: place, actors: actors, speaker: tr.speech ? speakerFor(p, tr.k, s, e, scalars) : nil,
                                       evidence: evidence(), sentenceHash: hash))
        }
        var anyDated = false
        for (idx, tr) in trigs.enumerated() where tr.type != .statement {
            guard let d = assigned[idx] else { continue }
            anyDated = true
            let dirFuture: Bool
            switch d.spec {
            case .weekday(_, let dir): dirFuture = dir == 1
            case .monthDay(_, _, _, let dir): dirFuture = dir == 1
            case .relativePeriod(_, let off): dirFuture = off > 0
            case .relativeDay(let n, _): dirFuture = n > 0
            default: dirFuture = false
            }
            events.append(PendingEvent(type: tr.type, spec: d.spec, inheritFrom: nil, future: tr.future || dirFuture,
                                       place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash))
        }
        // The object of an announcement ("أعلنت … انتهاء الجولة"): the first strong content trigger, or a weak one
        // right after the speech verb.
        let speechAt = trigs.first(where: { $0.speech })?.k
        // A content trigger before the speech verb ("في ختام مؤتمر، قال …") is its setting, not its object.
        let object = trigs.first(where: { t in t.type != .statement && t.strength >= 2 && (speechAt.map { t.k > $0 } ?? true) })
            ?? trigs.first(where: { t in
                guard t.type != .statement, let sp = speechAt, t.k > sp, t.k - sp <= 14 else { return false }
                // Not inside a reported clause ("قال إن الحوار مستمر", "said that talks continue").
                for k in sp..<t.k where p.isWord(k, Words.anna) || p.isWord(k, Words.annahu) || p.isWord(k, Words.that)
                    || p.isPunct(k, 0x3A) || p.isPunct(k, 0x22) { return false }
                return true
            })
        // What a speaker denies ("نفى التقارير التي قالت إن الطرفين توصلا لاتفاق") did not happen by this account.
        let denied = trigs.contains { t in t.speech && object.map { t.k < $0.k } == true && Words.denials.contains(p.tokens[t.k].hash) }
        if !anyDated, !denied, let tr = object {
            let inherit = tr.future ? nil : statementIndex.flatMap { events[$0].spec == nil ? nil : $0 }
            events.append(PendingEvent(type: tr.type, spec: nil, inheritFrom: inherit, future: tr.future,
                                       place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash))
        }
    }

    /// Dates that the text joins: "بين يونيو 2015 ونهاية مارس 2017" / "between June 2015 and March 2017" is
    /// one range; in "مايو ويونيو 2017", "May and June 2017" the month without a year takes the year of the next.
    static func joinLists(_ p: Paragraph, _ found: [DateMention]) -> [DateMention] {
        guard found.count >= 2 else { return found }
        var out: [DateMention] = []
        var i = 0
        while i < found.count {
            var d = found[i]
            if i + 1 < found.count {
                let n = found[i + 1]
                let gap = n.tokenStart - d.tokenEnd
                let between = p.isWord(d.tokenStart - 1, Words.bayn) || p.isWord(d.tokenStart - 1, Words.between)
                let joined = gap >= 0 && gap <= 2 && !(d.tokenEnd..<n.tokenStart).contains { p.tokens[$0].kind == .punct }
                if between, joined, case let .absolute(y1, m1, d1, nil, nil, nil) = d.spec,
                   case let .absolute(y2, m2, d2, nil, nil, nil) = n.spec, y2 >= y1, (m1 == nil) == (m2 == nil) {
                    d.spec = .absolute(year: y1, month: m1, day: d1, endYear: y2, endMonth: m2, endDay: d2)
                    d.tokenEnd = n.tokenEnd
                    out.append(d)
                    i += 2
                    continue
                }
                let listed = gap == 0 ? p.tokens[n.tokenStart].lexClitic || p.word(n.tokenStart).hasPrefix("و")
                    : gap == 1 && (p.isPunct(d.tokenEnd, 0x2C) || p.isWord(d.tokenEnd, Words.and) || p.isWord(d.tokenEnd, Words.wa))
                if listed, case let .monthDay(m, day, endDay, nil) = d.spec, case let .absolute(y, m2?, _, nil, nil, nil) = n.spec, m < m2 {
                    d.spec = .absolute(year: y, month: m, day: day, endYear: nil, endMonth: nil, endDay: endDay)
                }
            }
            out.append(d)
            i += 1
        }
        return out
    }

    /// A weekday said of a month the text names next to it ("في فبراير الماضي، يوم الثلاثاء", "on Tuesday in March"):
    /// the two make one date, the day only when the weekday resolved against publication falls in that month
    /// (`DateSpec.weekdayIn`), else the month.
    static func joinWeekdayToMonth(_ p: Paragraph, _ found: [DateMention]) -> [DateMention] {
        guard found.count >= 2 else { return found }
        var out: [DateMention] = []
        var i = 0
        func joinable(_ a: DateMention, _ b: DateMention) -> Bool {
            guard b.tokenStart >= a.tokenEnd, b.tokenStart - a.tokenEnd <= 2 else { return false }
            for k in a.tokenEnd..<b.tokenStart where !(p.tokens[k].kind == .punct || p.isWord(k, Words.fi) || p.isWord(k, Words.inn)
                                                      || p.isWord(k, Words.yawm) || p.isWord(k, Words.on)) { return false }
            return true
        }
        while i < found.count {
            if i + 1 < found.count {
                let a = found[i], b = found[i + 1]
                var joined: DateMention? = nil
                if case let .weekday(w, nil) = a.spec, b.spec.isMonthOnly, joinable(a, b) {
                    joined = DateMention(tokenStart: a.tokenStart, tokenEnd: b.tokenEnd, spec: .weekdayIn(w, month: b.spec))
                } else if case let .weekday(w, nil) = b.spec, a.spec.isMonthOnly, joinable(a, b) {
                    joined = DateMention(tokenStart: a.tokenStart, tokenEnd: b.tokenEnd, spec: .weekdayIn(w, month: a.spec))
                }
                if let joined {
                    out.append(joined)
                    i += 2
                    continue
                }
            }
            out.append(found[i])
            i += 1
        }
        return out
    }

    /// Whether a negation or privative word stands within three words before token `k`, with no punctuation
    /// between ("لم يعقد أي اجتماع", "دون هجمات", "did not attack").
    private func negated(_ p: Paragraph, _ k: Int, _ s: Int) -> Bool {
        var i = k - 1
        while i >= s && k - i <= 3 {
            if p.tokens[i].kind == .punct { return false }
            if p.lex(i, x.lexicon)?.negation == true { return true }
            i -= 1
        }
        return false
    }

    /// Whether a "منذ"/"since" a few words before the date governs it ("منذ بدء الحصار على الميناء في عام 2016",
    /// "since the campaign began in April"): the date then marks a state's start, not an event's date.
    private func sinceGoverns(_ p: Paragraph, _ at: Int, _ s: Int) -> Bool {
        var k = at - 1
        while k >= s && at - k <= 8 {
            if p.isWord(k, Words.mundhu) || p.isWord(k, Words.since) { return true }
            if p.tokens[k].kind == .punct && p.tokens[k].punct != 0x2C && p.tokens[k].punct != 0x22 { return false }
            if p.tokens[k].kind == .number { return false }
            // A comma before a new coordinated phrase ("منذ التسعينيات، والعقوبات التي أعقبت …") ends its reach.
            if p.isPunct(k, 0x2C), k + 1 < at, p.word(k + 1).hasPrefix("و") { return false }
            k -= 1
        }
        return false
    }

    /// Whether the tokens `from..<to` between two dates make them items of one list: at most fourteen tokens,
    /// no trigger among them, and a list separator (",", ";", "and", "و") among them or the second date's "و".
    private func isListGap(_ p: Paragraph, _ from: Int, _ to: Int, _ triggers: [Int]) -> Bool {
        guard to >= from, to - from <= 14 else { return false }
        if triggers.contains(where: { $0 >= from && $0 < to }) { return false }
        if to == from { return false }
        for k in from..<to where p.isPunct(k, 0x2C) || p.isPunct(k, 0x3B) || p.isWord(k, Words.and) || p.isWord(k, Words.wa) { return true }
        return false
    }

    /// The paragraph's entity matches that start in `lo..<hi` (matches are in order of their start).
    private func entities(_ p: Paragraph, _ lo: Int, _ hi: Int) -> ArraySlice<(start: Int, end: Int, entity: Int32)> {
        func firstAt(_ k: Int) -> Int {
            var a = 0, b = p.entities.count
            while a < b {
                let mid = (a + b) / 2
                if p.entities[mid].start < k { a = mid + 1 } else { b = mid }
            }
            return a
        }
        let a = firstAt(lo)
        return p.entities[a..<max(a, firstAt(hi))]
    }

    private func actorsIn(_ p: Paragraph, _ s: Int, _ e: Int) -> [String] {
        var out: [String] = []
        for m in entities(p, s, e) where m.start >= s && m.end <= e {
            let entry = x.gazetteer.entries[Int(m.entity)]
            guard entry.kind == .person || entry.kind == .organisation || entry.kind == .party else { continue }
            if !out.contains(entry.name) { out.append(entry.name) }
            if out.count >= 8 { break }
        }
        return out
    }

    private func placeIn(_ p: Paragraph, _ s: Int, _ e: Int) -> String? {
        var first: String? = nil
        for m in entities(p, s, e) where m.start >= s && m.end <= e {
            let entry = x.gazetteer.entries[Int(m.entity)]
            guard entry.kind == .place || entry.kind == .site else { continue }
            let prev = m.start - 1
            let clitic = p.tokens[m.start].kind == .arabic && p.text[Int(p.tokens[m.start].ts)] == 0x0628
                && !x.startsWithBa[Int(m.entity)]
            if p.isWord(prev, Words.fi) || p.isWord(prev, Words.inn) || p.isWord(prev, Words.at) || clitic {
                return entry.name
            }
            if first == nil { first = entry.name }
        }
        return first
    }

    private func speakerFor(_ p: Paragraph, _ k: Int, _ s: Int, _ e: Int, _ raw: UnsafeBufferPointer<UInt32>) -> String? {
        // In English the speaker stands before the verb: "Deputy Secretary Morales noted …".
        if p.tokens[k].kind == .latin, let titled = titledSpeaker(p, k, s, e, raw) { return titled }
        var org: String? = nil
        for m in entities(p, k + 1, k + 11) where m.start > k && m.start <= k + 10 && m.end <= e {
            let entry = x.gazetteer.entries[Int(m.entity)]
            if entry.kind == .person { return entry.name }
            if org == nil && (entry.kind == .organisation || entry.kind == .party) { org = entry.name }
        }
        // A titled person ("وزير المالية الأردني سامر الحداد") before the body the title names.
        if p.tokens[k].kind == .arabic, let titled = titledSpeaker(p, k, s, e, raw) { return titled }
        if let org { return org }
        for m in entities(p, s, k).reversed() where m.end <= k && m.end >= k - 6 && m.start >= s {
            let entry = x.gazetteer.entries[Int(m.entity)]
            if entry.kind == .person || entry.kind == .organisation || entry.kind == .party { return entry.name }
        }
        return titledSpeaker(p, k, s, e, raw)
    }

    /// A speaker the gazetteer does not know, named with a title: after an Arabic speech verb
    /// ("أكد وزير المالية الأردني، سامر الحداد، …", "قال اللواء كمال سعيد") the title and the name as
    /// written, up to the date, a clause word or the second comma; before an English one the run of
    /// capitalised words ending at the verb ("Deputy Secretary Morales noted"), when it holds a title.
    /// Anonymous speakers ("officials", "sources", "المسؤولون") are not titles and give none.
    private func titledSpeaker(_ p: Paragraph, _ k: Int, _ s: Int, _ e: Int, _ raw: UnsafeBufferPointer<UInt32>) -> String? {
        let t = p.tokens[k]
        if t.kind == .arabic {
            // A name before its title: "قال كريم ناصر، المتحدث باسم …", "صرح سليم داود مدير …".
            var n = k + 1
            while n < e && n - k <= 4 && p.tokens[n].kind == .arabic && !Words.arabicTitles.contains(p.tokens[n].hash)
                    && !Words.clauseWords.contains(p.tokens[n].hash) && p.tokens[n].lex < 0 && !p.isWord(n, Words.anna) { n += 1 }
            if n > k + 2, n < e {
                let m = p.isPunct(n, 0x2C) ? n + 1 : n
                if m < e, Words.arabicTitles.contains(p.tokens[m].hash) { return original(p, k + 1, n - 1, raw) }
            }
            var i = k + 1
            guard i < e, p.tokens[i].kind == .arabic, Words.arabicTitles.contains(p.tokens[i].hash) else { return nil }
            let start = i
            var end = i
            var commas = 0
            while i < e && i - start < 9 {
                let u = p.tokens[i]
                if u.kind == .punct {
                    if u.punct == 0x2C && commas == 0 && i + 1 < e && p.tokens[i + 1].kind == .arabic { commas += 1; i += 1; continue }
                    break
                }
                if u.kind != .arabic || Words.clauseWords.contains(u.hash) { break }
                if let l = p.lex(i, x.lexicon), l.weekday >= 0 || l.relativeDay != nil || l.month > 0 || l.speech { break }
                end = i
                i += 1
            }
            // A bare title ("قال المتحدث") names nobody.
            guard end > start else { return nil }
            return original(p, start, end, raw)
        }
        guard t.kind == .latin else { return nil }
        var i = k - 1
        while i >= s, p.tokens[i].kind == .latin, ["strongly", "also", "further", "then", "again"].contains(p.word(i)) { i -= 1 }
        let end = i
        var hasTitle = false
        while i >= s, p.tokens[i].kind == .latin, isCapitalized(p, i, raw) {
            if Words.englishTitles.contains(p.tokens[i].hash) { hasTitle = true }
            i -= 1
        }
        // A title and at least one more word ("Morales", "Dana Reyes"): a bare "The President" is not named here.
        guard hasTitle, end > i + 1, !Words.englishTitles.contains(p.tokens[end].hash) else { return nil }
        return original(p, i + 1, end, raw)
    }

    private func isCapitalized(_ p: Paragraph, _ i: Int, _ raw: UnsafeBufferPointer<UInt32>) -> Bool {
        let c = Int(p.tokens[i].os)
        guard c < raw.count else { return false }
        return raw[c] >= 0x41 && raw[c] <= 0x5A
    }

    /// The original text of tokens `a...b` of the paragraph being read.
    /// The original text of tokens `a...b`, with runs of spaces, NBSPs and line breaks as one space and commas dropped.
    private func original(_ p: Paragraph, _ a: Int, _ b: Int, _ raw: UnsafeBufferPointer<UInt32>) -> String {
        var v = String.UnicodeScalarView()
        let lo = Int(p.tokens[a].os), hi = min(Int(p.tokens[b].oe), raw.count)
        guard lo < hi else { return "" }
        for c in lo..<hi {
            let r = raw[c]
            let blank = r == 0x20 || r == 0x0A || r == 0x0D || r == 0x09 || r == 0xA0 || r == 0x2C || r == 0x060C
            if let u = Unicode.Scalar(blank ? 0x20 : r) { v.append(u) }
        }
        return String(v).split(separator: " ").joined(separator: " ")
    }

    // MARK: numbers

    private mutating func numbersIn(_ p: Paragraph, _ s: Int, _ e: Int, _ inDate: [Bool], _ evidence: () -> EvidenceSpan) {
        let lx = x.lexicon
        var k = s
        var previousUnit: String? = nil
        while k < e {
            defer { k += 1 }
            if inDate[k - s] { continue }
            let t = p.tokens[k]
            var value: Double
            if t.kind == .number {
                value = t.value
            } else if p.isWord(k, Words.alfay) || p.isWord(k, Words.alfayn) {
                value = 2000
            } else if let l = p.lex(k, lx), let w = l.numberWord {
                // "ألف"/"مليون" alone count only when no numeral stands before them.
                if w >= 1000, k > s, p.tokens[k - 1].kind == .number { continue }
                value = w
            } else {
                continue
            }
            var j = k + 1
            // "خمسة عشر" (fifteen): a unit with ten after it.
            if t.kind != .number, value < 10, p.isWord(j, Words.ashar) || p.isWord(j, Words.ashara) { value += 10; j += 1 }
            if j < e, let m = p.lex(j, lx)?.multiplier, !inDate[j - s] {
                value *= m
                j += 1
                // 1.7 million is 1,700,000, not 1,700,000.0000000002.
                if abs(value - value.rounded()) < 1e-6 * m { value = value.rounded() }
                // Compounds go on after "و"/"and" with a smaller part: "41 ألفا و490", "ثلاثة آلاف وخمسمائة",
                // "ألف ومئتان وخمسون", "two thousand and fifty".
                var parts = 0
                while parts < 3, j < e, !inDate[j - s] {
                    if p.isWord(j, Words.wa) || p.isWord(j, Words.and), j + 1 < e, !inDate[j + 1 - s],
                       p.tokens[j + 1].kind == .number, p.tokens[j + 1].value < m, p.tokens[j + 1].value >= 1 {
                        var part = p.tokens[j + 1].value
                        j += 2
                        // "1.2 مليون و300 ألف": the part has its own smaller multiplier.
                        if j < e, !inDate[j - s], let m2 = p.lex(j, lx)?.multiplier, m2 < m { part *= m2; j += 1 }
                        value += part
                    } else if p.tokens[j].kind == .arabic, p.tokens[j].lexClitic, p.text[Int(p.tokens[j].ts)] == 0x0648,
                              let w = p.lex(j, lx)?.numberWord, w < m {
                        value += w
                        j += 1
                        if w < 10, p.isWord(j, Words.ashar) || p.isWord(j, Words.ashara) { value += 10; j += 1 }
                    } else {
                        break
                    }
                    parts += 1
                }
            }
            guard var (unit, look) = unitAfter(p, j, e) ?? unitBefore(p, k, s) else { continue }
            // A count of people near a word of killing or wounding is a count of casualties.
            if let l = p.lex(look, lx), l.person {
                if let c = casualtyNear(p, k, look, s, e) {
                    unit = c
                } else if p.isWord(k - 1, Words.baynahum) || p.isWord(k - 1, Words.minhum) || p.isWord(k - 1, Words.including)
                            || p.isWord(k - 1, Words.among), let prev = previousUnit, prev == "killed" || prev == "wounded" {
                    unit = prev
                }
            }
            // Qualifier: "نحو", "about", "أكثر من", "more than", "at least", "up to".
            var q: String? = nil
            if let l = p.lex(k - 1, lx), let qq = l.qualifier { q = qq }
            if p.isWord(k - 1, Words.min) || p.isWord(k - 1, Words.than) || p.isWord(k - 1, Words.an),
               let l = p.lex(k - 2, lx), let qq = l.qualifier { q = qq }
            if p.isWord(k - 1, Words.least) && p.isWord(k - 2, Words.at) { q = "at least" }
            if p.isWord(k - 1, Words.an) && p.isWord(k - 2, Words.yaqill) { q = "at least" }
            if p.isWord(k - 1, Words.to) && p.isWord(k - 2, Words.up) { q = "up to" }
            if p.isWord(k - 1, Words.hatta) { q = "up to" }
            numbers.append(ExtractedNumber(value: value, unit: unit, qualifier: q, evidence: evidence()))
            previousUnit = unit
            k = max(k, look)
        }
    }

    /// The unit after a number: the next word (allowing "U.S." or an adjective in English), "في المئة" and "%",
    /// and km followed by "مربع"/"square" before it is km².
    private func unitAfter(_ p: Paragraph, _ j: Int, _ e: Int) -> (String, Int)? {
        let lx = x.lexicon
        if p.isPunct(j, 0x25) { return ("percent", j) }
        if j + 1 < e, p.isWord(j, Words.fi), p.isWord(j + 1, Words.almia) || p.isWord(j + 1, Words.almaia) { return ("percent", j + 1) }
        var look = j
        while look < e && look <= j + 5 {
            let u = p.tokens[look]
            if p.isWord(look, Words.aliya) || p.isWord(look, Words.aliyat) { return ("vehicles", look) }
            if let l = p.lex(look, lx), let un = l.unit {
                if un == "km", p.lex(look + 1, lx)?.squared == true { return ("km2", look + 1) }
                if un == "km", p.lex(look - 1, lx)?.squared == true { return ("km2", look) }
                return (un, look)
            }
            if u.kind == .number || u.kind == .arabic { return nil }
            if u.kind == .punct && u.punct != 0x2E { return nil }
            if u.kind == .latin, p.lex(look, lx)?.squared != true, look > j + 2 { return nil }
            look += 1
        }
        return nil
    }

    /// An indefinite unit word just before a number word ("اعتبارات ثلاثة", "three considerations"), when nothing
    /// after the number names one. A definite one ("العوامل الثلاثة", "the three factors") refers back to a count
    /// already made and is not a new number.
    private func unitBefore(_ p: Paragraph, _ k: Int, _ s: Int) -> (String, Int)? {
        let b = k - 1
        guard b >= s, p.tokens[k].kind == .arabic, !p.tokens[k].lexArticle, p.tokens[b].kind == .arabic, !p.tokens[b].lexArticle,
              let l = p.lex(b, x.lexicon), let un = l.unit, un != "km" else { return nil }
        return (un, k)
    }

    /// "killed" or "wounded" when the nearest word of killing or wounding lies within ten words before the
    /// number or eight after its unit.
    private func casualtyNear(_ p: Paragraph, _ k: Int, _ look: Int, _ s: Int, _ e: Int) -> String? {
        let lx = x.lexicon
        var best: (distance: Int, kind: Int8)? = nil
        var i = max(s, k - 10)
        while i < min(e, look + 9) {
            if i < k || i > look, let c = p.lex(i, lx)?.casualty, c > 0 {
                let d = i < k ? k - i : i - look
                if best == nil || d < best!.distance { best = (d, c) }
            }
            i += 1
        }
        guard let best else { return nil }
        return best.kind == 1 ? "killed" : "wounded"
    }

    // MARK: finish

    /// Other articles' leads appended after the body with no marker: a trailing run of body paragraphs none of which
    /// goes on with the story (`ParagraphOpening`), at least two of them opening a story of their own, after a
    /// paragraph that went on with it. Their events and numbers (and entity mentions) are dropped: a weekday in
    /// another article's lead is that article's day, not one of this report.
    private mutating func dropAppendedLeads() {
        var k = bodies.count
        var stories = 0
        while k > 0, bodies[k - 1].opening != .connective {
            if bodies[k - 1].opening == .newStory { stories += 1 }
            k -= 1
        }
        // k - 1 is the connective paragraph before the run; it cannot be the article's lead (index 0).
        guard stories >= 2, k >= 2, k < bodies.count else { return }
        let run = bodies[k]
        events.removeSubrange(min(run.events, events.count)...)
        numbers.removeSubrange(min(run.numbers, numbers.count)...)
        for (id, list) in mentions { mentions[id] = list.filter { $0.start < run.start } }
        let kept = entityOrder.filter { !(mentions[$0]?.isEmpty ?? true) }
        for id in entityOrder where mentions[id]?.isEmpty ?? false { mentions[id] = nil }
        entityOrder = kept
    }

    mutating func finish() -> DocumentEvidence {
        dropAppendedLeads()
        var anchor = published
        var source: String? = published == nil ? nil : "given"
        if anchor == nil, let d = dateline { anchor = d; source = "dateline" }
        if anchor == nil {
            let edge = loneDates.filter { $0.index <= 3 || $0.index > paragraphIndex - 3 }
            if let d = edge.map(\.date).max() { anchor = d; source = "dateline" }
        }
        if anchor == nil, let d = (loneDates.map(\.date) + [latestExplicit].compactMap { $0 }).max() {
            anchor = d; source = "inferred"
        }
        var out: [ExtractedEvent] = []
        var resolved: [ResolvedDate?] = []
        var seen: Set<String> = []
        for ev in events {
            var r: ResolvedDate? = ev.spec.flatMap { DateResolver.resolve($0, anchor: anchor, future: ev.future) }
            // A day counted from a publication date only guessed from the text (the latest date it names) cannot be
            // justified: "yesterday" of an article that names 5 March may be any day after it. The month stands.
            if source == "inferred", let d = r, d.precision == .day, let spec = ev.spec, spec.countsFromTheDayOfWriting,
               let first = d.first {
                r = DateResolver.make(year: first.year, month: first.month, day: nil, endYear: nil, endMonth: nil, endDay: nil)
            }
            if r == nil, let from = ev.inheritFrom, from < resolved.count { r = resolved[from] }
            resolved.append(r)
            var planned = ev.future
            if let r, let first = r.first, let a = anchor {
                switch r.precision {
                case .day: if a < first { planned = true }
                case .month: if (first.year, first.month) > (a.year, a.month) { planned = true }
                case .year: if first.year > a.year { planned = true }
                }
            }
            if let r, ev.type != .statement || ev.speaker != nil || true {
                // Statements of unnamed speakers are kept apart: "a source said" twice is two statements.
                let who = ev.type == .statement ? (ev.speaker ?? "#\(ev.sentenceHash)") : ""
                let key = "\(ev.type.rawValue)|\(r.start)|\(r.end ?? "")|\(who)"
                if seen.contains(key) { continue }
                seen.insert(key)
            }
            out.append(ExtractedEvent(type: ev.type, date: r?.start, dateEnd: r?.end, precision: r?.precision,
                                      place: ev.place, actors: ev.actors, planned: planned, speaker: ev.speaker,
                                      evidence: ev.evidence))
        }
        // A coarser mention of an event already dated more precisely in this document adds nothing.
        var finer: Set<String> = []
        for o in out {
            guard let d = o.date else { continue }
            if d.count > 4 { finer.insert("\(o.type.rawValue)|\(o.planned)|\(d.prefix(4))") }
            if d.count > 7 { finer.insert("\(o.type.rawValue)|\(o.planned)|\(d.prefix(7))") }
        }
        if !finer.isEmpty {
            out = out.filter { e in
                guard let d = e.date, d.count < 10 else { return true }
                return !finer.contains("\(e.type.rawValue)|\(e.planned)|\(d)")
            }
        }
        if longSentences > 0 {
            diagnostics.append(.warning(.evidenceSentenceSplit, at: DiagnosticLocation(file: document),
                en: "\(longSentences) sentence(s) longer than \(Self.maxSentenceTokens) tokens were split",
                ar: "قُسِّمت \(longSentences) جملة أطول من \(Self.maxSentenceTokens) كلمة"))
        }
        if let stoppedAt {
            diagnostics.append(.warning(.evidenceDocumentTruncated, at: DiagnosticLocation(file: document),
                en: "stopped at scalar \(stoppedAt) after \(x.maxItemsPerDocument) events and numbers or \(x.maxItemsPerDocument * 8) entity mentions (the limit on one document): the rest was not read; split it into smaller reports",
                ar: "توقفت القراءة عند المحرف \(stoppedAt) بعد \(x.maxItemsPerDocument) حدثًا ورقمًا أو \(x.maxItemsPerDocument * 8) ذكرًا لكيان (حدّ الوثيقة الواحدة): لم يُقرأ الباقي؛ قسّمها إلى تقارير أصغر"))
        }
        let entities = entityOrder.map { id in
            let entry = x.gazetteer.entries[Int(id)]
            return ExtractedEntity(name: entry.name, kind: entry.kind, mentions: mentions[id] ?? [])
        }
        return DocumentEvidence(document: document, published: anchor?.iso, publishedSource: source, events: out,
                                numbers: numbers, entities: entities, diagnostics: diagnostics)
    }
}

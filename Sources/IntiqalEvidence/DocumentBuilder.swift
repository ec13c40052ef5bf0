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
            recordEntities(p, base: base)
        }
        // Sentences.
        var s = 0
        let n = p.count
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
        let found = recognizer.recognize(from: s)
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
            trigs.append(Trig(k: k, type: type, strength: Int(l.triggerStrength), speech: l.speech, future: false))
        }
        guard !trigs.isEmpty else { return }
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
        for d in dates {
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
            if let b = best, assigned[b.idx] == nil { assigned[b.idx] = d }
        }
        // A speech verb shortly before a date shares it: "أعلنت الحكومة، يوم السبت، انتهاء الجولة".
        if let si = trigs.firstIndex(where: { $0.speech }), assigned[si] == nil {
            let k = trigs[si].k
            if let d = dates.first(where: { $0.tokenStart > k && $0.tokenStart - k <= 14 }),
               !trigs.contains(where: { !$0.speech && $0.k > k && $0.k < d.tokenStart && $0.strength >= 2 }) {
                assigned[si] = d
            }
        }
        let actors = actorsIn(p, s, e)
        let place = placeIn(p, s, e)
        let hash = FNV.hash(p.text, Int(p.tokens[s].ts), Int(p.tokens[e - 1].te))
        var statementIndex: Int? = nil
        if let si = trigs.firstIndex(where: { $0.speech }) {
            let tr = trigs[si]
            let ev = PendingEvent(type: .statement, spec: assigned[si]?.spec, inheritFrom: nil, future: tr.future,
                                  place: place, actors: actors, speaker: speakerFor(p, tr.k, s, e), evidence: evidence(),
                                  sentenceHash: hash)
            statementIndex = events.count
            events.append(ev)
        } else if let si = trigs.indices.first(where: { trigs[$0].type == .statement && assigned[$0] != nil }) {
            let ev = PendingEvent(type: .statement, spec: assigned[si]?.spec, inheritFrom: nil, future: false,
                                  place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash)
            statementIndex = events.count
            events.append(ev)
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
            case .relativeDay(let n): dirFuture = n > 0
            default: dirFuture = false
            }
            events.append(PendingEvent(type: tr.type, spec: d.spec, inheritFrom: nil, future: tr.future || dirFuture,
                                       place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash))
        }
        // The object of an announcement ("أعلنت … انتهاء الجولة"): the first strong content trigger, or a weak one
        // right after the speech verb.
        let speechAt = trigs.first(where: { $0.speech })?.k
        let object = trigs.first(where: { $0.type != .statement && $0.strength >= 2 })
            ?? trigs.first(where: { t in
                guard t.type != .statement, let sp = speechAt, t.k > sp, t.k - sp <= 14 else { return false }
                // Not inside a reported clause ("قال إن الحوار مستمر", "said that talks continue").
                for k in sp..<t.k where p.isWord(k, Words.anna) || p.isWord(k, Words.annahu) || p.isWord(k, Words.that)
                    || p.isPunct(k, 0x3A) || p.isPunct(k, 0x22) { return false }
                return true
            })
        if !anyDated, let tr = object {
            let inherit = tr.future ? nil : statementIndex.flatMap { events[$0].spec == nil ? nil : $0 }
            events.append(PendingEvent(type: tr.type, spec: nil, inheritFrom: inherit, future: tr.future,
                                       place: place, actors: actors, speaker: nil, evidence: evidence(), sentenceHash: hash))
        }
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

    private func speakerFor(_ p: Paragraph, _ k: Int, _ s: Int, _ e: Int) -> String? {
        var org: String? = nil
        for m in entities(p, k + 1, k + 11) where m.start > k && m.start <= k + 10 && m.end <= e {
            let entry = x.gazetteer.entries[Int(m.entity)]
            if entry.kind == .person { return entry.name }
            if org == nil && (entry.kind == .organisation || entry.kind == .party) { org = entry.name }
        }
        if let org { return org }
        for m in entities(p, s, k).reversed() where m.end <= k && m.end >= k - 6 && m.start >= s {
            let entry = x.gazetteer.entries[Int(m.entity)]
            if entry.kind == .person || entry.kind == .organisation || entry.kind == .party { return entry.name }
        }
        return nil
    }

    // MARK: numbers

    private mutating func numbersIn(_ p: Paragraph, _ s: Int, _ e: Int, _ inDate: [Bool], _ evidence: () -> EvidenceSpan) {
        let lx = x.lexicon
        var k = s
        while k < e {
            defer { k += 1 }
            if inDate[k - s] { continue }
            let t = p.tokens[k]
            var value: Double
            if t.kind == .number {
                value = t.value
            } else if let l = p.lex(k, lx), let w = l.numberWord, !p.tokens[k].lexArticle || true {
                value = w
            } else {
                continue
            }
            var j = k + 1
            if let m = p.lex(j, lx)?.multiplier { value *= m; j += 1 }
            // The unit: the next word, allowing "U.S." or a nationality adjective in English.
            var unit: String? = nil
            var look = j
            while look < e && look <= j + 5 {
                let u = p.tokens[look]
                if let l = p.lex(look, lx), let un = l.unit { unit = un; break }
                if u.kind == .number || u.kind == .arabic { break }
                if u.kind == .punct && u.punct != 0x2E { break }
                look += 1
            }
            guard let unit else { continue }
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
            k = look
        }
    }

    // MARK: finish

    mutating func finish() -> DocumentEvidence {
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
            diagnostics.append(Diagnostic(severity: .warning, document: document,
                message: "\(longSentences) sentence(s) longer than \(Self.maxSentenceTokens) tokens were split"))
        }
        if let stoppedAt {
            diagnostics.append(Diagnostic(severity: .warning, document: document,
                message: "stopped at scalar \(stoppedAt) after \(x.maxItemsPerDocument) events and numbers or \(x.maxItemsPerDocument * 8) entity mentions (the limit on one document): the rest was not read; split it into smaller reports"))
        }
        let entities = entityOrder.map { id in
            let entry = x.gazetteer.entries[Int(id)]
            return ExtractedEntity(name: entry.name, kind: entry.kind, mentions: mentions[id] ?? [])
        }
        return DocumentEvidence(document: document, published: anchor?.iso, publishedSource: source, events: out,
                                numbers: numbers, entities: entities, diagnostics: diagnostics)
    }
}

/// Page furniture that must not yield events: menus, "اقرأ أيضاً", tag lists, "أخبار ذات صلة",
/// captions, bylines, share bars, headings.
enum Boilerplate: Sendable {
    /// Body text.
    case body
    /// A heading or short caption: entities are kept, events and numbers are not.
    case heading
    /// Furniture: nothing is kept.
    case junk
    /// A marker after which the rest of the page is furniture (tags, source line, "more articles").
    case tail

    static func classify(_ p: Paragraph) -> Boilerplate {
        let n = p.count
        guard n > 0 else { return .junk }
        let w0 = p.word(0), w1 = p.word(1), w2 = p.word(2)
        switch (w0, w1) {
        case ("كلمات", "دلاليه"), ("الوسوم", _), ("وسوم", _), ("tags", _), ("عرض", "مقالات"), ("مواضيع", "ذات"),
             ("مقالات", "ذات"), ("related", _), ("المزيد", "من"), ("more", "from"), ("more", "stories"):
            return .tail
        case ("المصدر", ":"), ("source", ":"):
            return .tail
        case ("اقرا", "ايضا"), ("اخبار", "ذات"), ("read", "also"), ("read", "more"), ("see", "also"), ("اخر", "الاخبار"),
             ("شارك", _), ("share", _), ("بقلم", _), ("تابعونا", _), ("follow", "us"), ("الصوره", _), ("photo", _),
             ("تاريخ", "النشر"), ("نشر", "في"), ("published", _), ("updated", _), ("تحديث", _):
            return .junk
        default:
            break
        }
        if w0 == "اقرا" && w2 == "ايضا" { return .junk }
        // "أيضاً.. headline", "اقرأ.. headline": a related article's headline on its own line.
        if (w0 == "ايضا" || w0 == "اقرا") && (p.isPunct(1, 0x2E) || p.isPunct(1, 0x3A)) { return .junk }
        return classifyRest(p, n)
    }

    /// The token where a related article's headline starts inside a paragraph ("… قريب جداً.. اقرأ.. ترامب: …",
    /// "… Read more: …"); the paragraph ends there. `p.count` when there is none.
    static func relatedHeadlineStart(_ p: Paragraph) -> Int {
        var i = 1
        while i + 1 < p.count {
            if (p.isWord(i, Words.iqra) || p.isWord(i, Words.aydan)) && (p.isPunct(i + 1, 0x2E) || p.isPunct(i + 1, 0x3A))
                && p.isPunct(i - 1, 0x2E) { return i }
            if p.isWord(i, Words.read) && (p.isWord(i + 1, Words.more) || p.isWord(i + 1, Words.also)) && p.isPunct(i + 2, 0x3A) { return i }
            i += 1
        }
        return p.count
    }

    private static func classifyRest(_ p: Paragraph, _ n: Int) -> Boilerplate {
        var words = 0
        var i = 0
        while i < n {
            let t = p.tokens[i]
            if t.kind == .arabic || t.kind == .latin { words += 1 }
            if t.kind == .latin, t.hash == Words.http || t.hash == Words.https || (t.hash == Words.pic && p.isPunct(i + 1, 0x2E)) {
                return .junk
            }
            i += 1
        }
        let first = p.tokens[0]
        if first.kind == .punct, [0x2A, 0x2D, 0xD7, 0x2022].contains(first.punct), words <= 14 { return .junk }
        if words == 0 { return .junk }
        // Headings and captions: short, with no sentence-final punctuation.
        let last = p.tokens[n - 1]
        let ends = last.kind == .punct && [0x2E, 0x21, 0x3F, 0x22, 0x29].contains(last.punct)
        if !ends && words <= 16 { return .heading }
        return .body
    }
}

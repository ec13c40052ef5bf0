/// How an Arabic body paragraph opens, which tells whether it goes on with the story before it.
///
/// Arabic news chains the paragraphs after an article's lead with a connective: the conjunction و or ف on the first
/// word (`وقال`, `وأضاف`, `فيما`), or a continuation formula (`كما`, `جاء ذلك`, `يذكر أن`, `من جهته`, `في
/// الوقت نفسه`). A paragraph that opens with a bare word of another kind — typically a verb in the perfect
/// (`كشف`, `أعلنت`, `أطلق`) — opens a story of its own: the way a lead begins. Pages often append other articles'
/// leads after the body with no marker; a trailing run of them is not the report (`DocumentBuilder` drops it).
enum ParagraphOpening: Sendable, Equatable {
    /// Goes on with what came before: a conjunction or a continuation formula.
    case connective
    /// A bare Arabic word that is not a connective nor a noun with the article: how a new story's lead opens.
    case newStory
    /// Anything else (a quotation, a noun with the article, a number, Latin text): says nothing either way.
    case neutral

    static func of(_ p: Paragraph) -> ParagraphOpening {
        guard p.count > 0 else { return .neutral }
        let t = p.tokens[0]
        guard t.kind == .arabic else { return .neutral }
        let first = p.text[Int(t.ts)]
        // و or ف on a word of three letters or more: the conjunction (a root beginning with و or ف, as in وصل,
        // فتح, reads as a connective too, which only ever keeps a paragraph).
        if t.length >= 3 && (first == 0x0648 || first == 0x0641) { return .connective }
        if connectives.contains(t.hash) { return .connective }
        if t.length == 1 { return .connective }  // "و" written apart
        // A noun with the article opens a nominal sentence, which both leads and body paragraphs do.
        if t.length > 3 && first == 0x0627 && p.text[Int(t.ts) + 1] == 0x0644 { return .neutral }
        return .newStory
    }

    /// Words that open a paragraph going on with the story (folded, without the conjunction).
    static let connectives: Set<UInt64> = Set("""
        كما جاء يذكر يشار يجدر ياتي تاتي من اما في على الى مع بعد قبل لكن لكنه لكنها غير اذ حيث ثم هذا هذه ذلك تلك
        هنا بدوره بدورها بينما منذ عقب خلال الا علما بحسب حسب وفق وفقا طبقا نقلا كذلك ايضا اضافه بالاضافه لذلك
        لذا عن الي مثل وسط رغم برغم عدا اثر اثناء اليوم امس حين عندما لما اذا ان إن انه انها يذكر يضاف
        تجدر الجدير المعروف بذلك بهذا لهذا هكذا
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Words.folded(String($0)) })
}

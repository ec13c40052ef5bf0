/// The reporting (speech) verbs of news prose, generated from Arabic morphology rather than listed
/// from texts: each verb is given by its perfect stem, its imperfect stem (without the person prefix)
/// and, where it is used adverbially after a report ("…، قائلاً إن"), its active participle. The
/// perfect takes the suffixes of the third person (ـت، ـا، ـتا، ـوا), the imperfect the prefixes and
/// suffixes of the third person (يـ، تـ، يـان، تـان، يـون), the participle the accusative endings
/// (ـا، ـة، ـين). The conjunctions و/ف and the article are removed by the matcher, so `وقالت`,
/// `فأكد` need no entry; hamza and taa marbuta are folded, so `قائلة`/`قائله` are one form.
///
/// Forms that are also common nouns or other words are left out on purpose: bare `بين` (between),
/// `يبلغ` (amounts to), `يدين` (two hands), `مدعي` (prosecutor), `مبلغ` (a sum), `مرحبا` (hello), `مضيفة` (a host), `مشددة` (strict), `مطالبة` (a demand),
/// `وصف` (a description), `رأى`/`رأي` (an opinion), `كتب` (books), `يذكر` (the formula `يذكر أن`), `يشير`/`تشير` ("indicates", of figures and notes),
/// `يعتبر` ("is considered", the passive), `يهدد` ("threatens", of dangers).
enum ReportingVerbs {
    /// (perfect, imperfect stem or "", participle stem or "", participle takes ـة/ـين too).
    private static let verbs: [(String, String, String, Bool)] = [
        ("قال", "قول", "قائل", true), ("أكد", "ؤكد", "مؤكد", true), ("أعلن", "علن", "معلن", false),
        ("أوضح", "وضح", "موضح", true), ("أشار", "", "مشير", true), ("صرح", "صرح", "مصرح", false),
        ("أضاف", "ضيف", "مضيف", false), ("شدد", "شدد", "مشدد", false), ("انتقد", "نتقد", "منتقد", true),
        ("حذر", "حذر", "محذر", true), ("طالب", "طالب", "مطالب", false), ("ذكر", "", "", false),
        ("كشف", "كشف", "كاشف", true), ("لفت", "لفت", "لافت", false), ("أفاد", "فيد", "", false),
        ("أعرب", "عرب", "معرب", false), ("رحب", "رحب", "", false), ("أشاد", "شيد", "مشيد", true),
        ("اعتبر", "", "معتبر", false), ("أورد", "ورد", "", false), ("اعترف", "عترف", "معترف", false),
        ("ندد", "ندد", "مندد", true), ("أدان", "", "", false), ("استنكر", "ستنكر", "مستنكر", true),
        ("نوه", "نوه", "منوه", true), ("أردف", "ردف", "مردف", true), ("تساءل", "تساءل", "متسائل", true),
        ("أبلغ", "", "", false), ("ناشد", "ناشد", "مناشد", true), ("هدد", "", "", false),
        ("توعد", "توعد", "متوعد", true), ("زعم", "زعم", "زاعم", false), ("اتهم", "تهم", "", false),
        ("وصفت", "صف", "واصف", true), ("تحدث", "تحدث", "متحدث", false), ("لمح", "لمح", "ملمح", false),
        ("أعلم", "", "", false), ("رد", "", "", false),
    ]

    /// Defective verbs (final weak letter) change their stem with the suffix: listed whole.
    private static let defective = """
        دعا دعت دعتا دعوا يدعو تدعو يدعون تدعوان داعيا نفى نفت نفتا نفوا ينفي تنفي ينفون نافيا
        ادعى ادعت ادعوا يدعي تدعي يدعون مدعيا أبدت أبدوا يبدي تبدي مبديا أوصى أوصت أوصوا يوصي توصي موصيا
        """

    /// Every generated Arabic form (not yet folded; the lexicon folds them).
    static let arabicForms: [String] = {
        var out: [String] = []
        for (past, present, participle, full) in verbs {
            // "وصفت" stands for the verb whose bare perfect `وصف` is left out (a description).
            if past == "وصفت" {
                out += ["وصفت", "وصفوا", "وصفا"]
            } else {
                out += [past, past + "ت", past + "ا", past + "تا", past + "وا"]
            }
            if !present.isEmpty {
                out += ["ي" + present, "ت" + present, "ي" + present + "ان", "ت" + present + "ان", "ي" + present + "ون"]
            }
            if !participle.isEmpty {
                out.append(participle + "ا")
                if full { out += [participle + "ة", participle + "ين"] }
            }
        }
        // "رد" (answered) is a reply bare and "ردا" is "in reply"; "أعلم" is "I know": only their other forms.
        out.removeAll { $0 == "رد" || $0 == "ردا" || $0 == "أعلم" }
        out += defective.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        return out
    }()

    /// English reporting verbs: past and -ing forms, and the third person where it is not a common plural noun
    /// ("states", "notes", "claims", "calls" are left out).
    static let english = """
        said says stated announced announces told tells noted warned warns warning urged urges condemned condemns
        added confirmed confirms denied denies declared explained stressed emphasized emphasised underscored
        highlighted reiterated affirmed acknowledged insisted claimed argued criticized criticised praised demanded
        pledged vowed threatened accused commented remarked tweeted saying adding noting stressing urging
        """
}

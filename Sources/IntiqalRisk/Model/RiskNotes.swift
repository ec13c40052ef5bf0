/// The caveats of a model or report in the commission's two languages, kept in step: the
/// English in `notes`, the Arabic at the same positions in `notesAr`.
struct RiskNotes: Sendable, Hashable {
    var en: [String] = []
    var ar: [String] = []

    init(en: [String] = [], ar: [String] = []) {
        self.en = en
        // A model decoded from a file without Arabic notes: the English stands in.
        self.ar = ar.count == en.count ? ar : en
    }

    mutating func append(_ english: String, ar arabic: String) {
        en.append(english)
        ar.append(arabic)
    }

    mutating func insertFirst(_ english: String, ar arabic: String) {
        en.insert(english, at: 0)
        ar.insert(arabic, at: 0)
    }

    /// The Arabic name of a background coefficient.
    static func arabicName(_ coefficient: String) -> String {
        coefficient == "gammaGap" ? "معامل الفجوة gammaGap" : "معامل الانسحاب gammaDeparture"
    }
}

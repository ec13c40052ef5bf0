import Foundation

/// Folds a written place name to the key the gazetteer matches on, so the spellings of the
/// datasets, the reports and the analysts meet: "Qaḑā’ al Fallūjah", "Falluja district" and
/// "الفلوجة" all name Fallujah.
///
/// Latin: diacritics and case dropped, apostrophes and hamza/ayn marks dropped, the words
/// "province", "governorate", "district", "qada", "nahiya", "town", "city" dropped, the article
/// ("al", "el", "as", "ash", "ad", "an", "ar", "at", "az" …) dropped wherever it stands as a word or
/// hyphenated prefix, doubled letters single, a final "h" after a vowel dropped per word.
/// Arabic: harakat and tatweel dropped, أ إ آ ٱ → ا, ة → ه, ى → ي, the article ال dropped from
/// each word, the words محافظة قضاء ناحية مدينة منطقة بلدة dropped.
public enum PlaceName {
    static let latinDropped: Set<String> = ["province", "governorate", "muhafazat", "muhafaza", "district", "qada", "qadha", "qadaa",
                                            "nahiya", "nahiyah", "subdistrict", "town", "city", "of", "the"]
    static let articles: Set<String> = ["al", "el", "as", "ash", "ad", "adh", "an", "ar", "at", "ath", "az", "aş"]
    static let arabicDropped: Set<String> = ["محافظه", "قضاء", "قضا", "ناحيه", "مدينه", "منطقه", "بلده", "مركز"]

    /// The key of `name`; empty when nothing nameable is left.
    public static func key(_ name: String) -> String {
        var arabic = false
        for s in name.unicodeScalars where (0x0600...0x06FF).contains(s.value) { arabic = true; break }
        return arabic ? arabicKey(name) : latinKey(name)
    }

    static func latinKey(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for ch in folded.unicodeScalars {
            switch ch {
            case "a"..."z": word.unicodeScalars.append(ch)
            case "0"..."9": word.unicodeScalars.append(ch)
            case "'", "’", "‘", "`", "ʿ", "ʾ", "\u{02BC}": continue
            default: flush()
            }
        }
        flush()
        var out = ""
        for w in words where !latinDropped.contains(w) && !(articles.contains(w) && words.count > 1) {
            var last: Character? = nil
            var single = ""
            for c in w where c != last { single.append(c); last = c }
            if single.count > 3, single.hasSuffix("h"), let v = single.dropLast().last, "aeiou".contains(v) { single.removeLast() }
            out += single
        }
        return out
    }

    static func arabicKey(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for s in name.unicodeScalars {
            switch s.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue          // harakat, superscript alef, tatweel
            case 0x0622, 0x0623, 0x0625, 0x0671: word.unicodeScalars.append("ا")
            case 0x0629: word.unicodeScalars.append("ه")
            case 0x0649: word.unicodeScalars.append("ي")
            case 0x0621...0x064A, 0x067E, 0x0686, 0x06A4, 0x06AF, 0x06A9, 0x06CC, 0x06D5:
                word.unicodeScalars.append(s)
            case 0x0030...0x0039, 0x0041...0x005A, 0x0061...0x007A: word.unicodeScalars.append(s)
            default: flush()
            }
        }
        flush()
        var out = ""
        for var w in words {
            if arabicDropped.contains(w) && words.count > 1 { continue }
            if w.hasPrefix("ال"), w.count > 3 { w.removeFirst(2) }
            out += w
        }
        // Kurdish letters read as their Arabic neighbours (ک → ك, ی → ي, ە → ه).
        return String(out.unicodeScalars.map { s -> Character in
            switch s.value {
            case 0x06A9: "ك"
            case 0x06CC: "ي"
            case 0x06D5: "ه"
            default: Character(s)
            }
        })
    }
}

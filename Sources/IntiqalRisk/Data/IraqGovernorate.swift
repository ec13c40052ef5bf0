import Foundation

/// Iraq's eighteen governorates: the regions of the UCDP and ACLED back-tests, with the
/// spellings the datasets use. Names are matched after `IraqGovernorate.key` folds them
/// (diacritics, case, spaces, "province"/"governorate", the article), so UCDP's
/// "Nīnawá province", "Al Başrah  province" (double space) and ACLED's "Ninewa", "Basrah" meet;
/// Kirkuk's old name "At-Ta'mim" is one of Kirkuk's aliases.
public struct IraqGovernorate: Sendable, Hashable, Codable {
    /// Stable identifier, the region name in incidents (e.g. `ninewa`).
    public let id: String
    public let english: String
    public let arabic: String
    /// Other spellings (folded by `key`) that name it.
    let aliases: [String]

    public static let all: [IraqGovernorate] = [
        .init(id: "anbar", english: "Anbar", arabic: "الأنبار", aliases: ["anbar", "anbār"]),
        .init(id: "babil", english: "Babil", arabic: "بابل", aliases: ["babil", "babylon", "bābil"]),
        .init(id: "baghdad", english: "Baghdad", arabic: "بغداد", aliases: ["baghdad", "baghdād"]),
        .init(id: "basra", english: "Basra", arabic: "البصرة", aliases: ["basrah", "basra", "başrah"]),
        .init(id: "dhi-qar", english: "Dhi Qar", arabic: "ذي قار", aliases: ["dhiqar", "thiqar", "dhīqār"]),
        .init(id: "diyala", english: "Diyala", arabic: "ديالى", aliases: ["diyala", "diyālá"]),
        .init(id: "duhok", english: "Duhok", arabic: "دهوك", aliases: ["duhok", "dohuk", "dahuk", "dahūk"]),
        .init(id: "erbil", english: "Erbil", arabic: "أربيل", aliases: ["erbil", "arbil", "arbīl", "irbil"]),
        .init(id: "karbala", english: "Karbala", arabic: "كربلاء", aliases: ["karbala", "karbalā’", "karbalā"]),
        .init(id: "kirkuk", english: "Kirkuk", arabic: "كركوك", aliases: ["kirkuk", "kirkūk", "tamim", "ta'mim", "ta’mim"]),
        .init(id: "maysan", english: "Maysan", arabic: "ميسان", aliases: ["maysan", "missan", "maysān"]),
        .init(id: "muthanna", english: "Muthanna", arabic: "المثنى", aliases: ["muthanna", "muthanná"]),
        .init(id: "najaf", english: "Najaf", arabic: "النجف", aliases: ["najaf"]),
        .init(id: "ninewa", english: "Ninewa", arabic: "نينوى", aliases: ["ninewa", "nineveh", "ninawa", "nīnawá"]),
        .init(id: "qadisiyah", english: "Qadisiyah", arabic: "القادسية", aliases: ["qadisiyah", "qadissiya", "qadisiya", "qādisīyah"]),
        .init(id: "salah-al-din", english: "Salah al-Din", arabic: "صلاح الدين",
              aliases: ["salahaddin", "salahaldin", "salahuddin", "şalāḩaddīn", "salahad-din"]),
        .init(id: "sulaymaniyah", english: "Sulaymaniyah", arabic: "السليمانية",
              aliases: ["sulaymaniyah", "sulaimaniya", "sulaymānīyah", "slemani"]),
        .init(id: "wasit", english: "Wasit", arabic: "واسط", aliases: ["wasit", "wassit", "wāsiţ"]),
    ]

    private static let byKey: [String: IraqGovernorate] = {
        var table: [String: IraqGovernorate] = [:]
        for g in all {
            for alias in g.aliases + [g.id, g.english] { table[key(alias)] = g }
        }
        return table
    }()

    /// The governorate a dataset's name denotes; nil for an empty or unknown name.
    public static func named(_ name: String) -> IraqGovernorate? {
        let k = key(name)
        return k.isEmpty ? nil : byKey[k]
    }

    /// The governorate with this identifier.
    public static func withID(_ id: String) -> IraqGovernorate? { all.first { $0.id == id } }

    /// A name folded for matching: Latin letters only, diacritics and case dropped, the words
    /// "province" and "governorate" and a leading article ("al", "as", "at", "an", "ad") removed.
    static func key(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" }).map(String.init)
        words.removeAll { $0 == "province" || $0 == "governorate" || $0 == "muhafazat" }
        if let first = words.first {
            for article in ["al", "as", "at", "an", "ad", "ar", "el"] {
                if first == article, words.count > 1 { words.removeFirst(); break }
                if first.hasPrefix(article + "-"), first.count > article.count + 1 {
                    words[0] = String(first.dropFirst(article.count + 1)); break
                }
            }
        }
        var out = ""
        for scalar in words.joined().folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
            if ("a"..."z").contains(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

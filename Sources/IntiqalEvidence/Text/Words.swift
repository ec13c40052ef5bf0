/// Hashes of the few function words the recognisers test by identity (folded forms).
enum Words {
    static let fi = FNV.hash("في")
    // Folded forms whose first letters look like the article, so they cannot go through the lexicon.
    static let alfay = FNV.hash("الفي")
    static let alfayn = FNV.hash("الفين")
    static let aliya = FNV.hash("اليه")
    static let aliyat = FNV.hash("اليات")
    static let almia = FNV.hash("الميه")
    static let almaia = FNV.hash("المايه")
    static let al = FNV.hash("ال")
    static let bayn = FNV.hash("بين")
    static let iqra = FNV.hash("اقرا")
    static let aydan = FNV.hash("ايضا")
    static let read = FNV.hash("read")
    static let more = FNV.hash("more")
    static let also = FNV.hash("also")
    static let and = FNV.hash("and")
    static let wa = FNV.hash("و")
    static let khilal = FNV.hash("خلال")
    static let sahafi = FNV.hash("صحفي")
    static let sahafi2 = FNV.hash("صحافي")
    static let conference = FNV.hash("conference")
    static let press = FNV.hash("press")
    static let quwat = FNV.hash("قوات")
    static let alquwat = FNV.hash("القوات")
    /// The hash of a word as the tokenizer folds it.
    static func folded(_ word: String) -> UInt64 {
        var h = FNV.offset
        for u in word.unicodeScalars { let f = Folding.fold(u.value); if f != 0 { h = FNV.step(h, f) } }
        return h
    }

    /// Titles that introduce a named speaker (folded; with and without the article).
    static let arabicTitles: Set<UInt64> = Set("""
        وزير الوزير وزيره الوزيره رئيس الرئيس رئيسه الرئيسه المتحدث متحدث المتحدثه الناطق ناطق الجنرال اللواء العقيد
        العميد الفريق العماد مدير المدير مديره قائد القائد السفير سفير السفيره المستشار المستشاره الملك الامير الشيخ
        النائب نائب الامين امين المبعوث مبعوث المنسق منسق المرشد زعيم الزعيم ممثل الممثل عضو محامي المحامي رئيسه
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { folded(String($0)) })
    static let englishTitles: Set<UInt64> = Set("""
        president minister secretary advisor adviser spokesperson spokesman spokeswoman ambassador general admiral
        envoy director commander chairman senator speaker king prince coordinator
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { folded(String($0)) })
    /// Speech verbs of denial.
    static let denials: Set<UInt64> = Set("""
        نفى نفت ينفي تنفي نفوا ونفى ونفت denied denies deny
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { folded(String($0)) })
    /// Words that end a name: conjunctions, prepositions and complementisers.
    static let clauseWords: Set<UInt64> = Set("""
        ان انه انها ان في على عن من الى الي خلال بعد قبل مع ضد حول لدى عند اليوم امس الذي التي
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { folded(String($0)) })
    static let between = FNV.hash("between")
    static let ashar = FNV.hash("عشر")
    static let ashara = FNV.hash("عشره")
    static let baynahum = FNV.hash("بينهم")
    static let minhum = FNV.hash("منهم")
    static let including = FNV.hash("including")
    static let among = FNV.hash("among")
    static let min = FNV.hash("من")
    static let an = FNV.hash("عن")
    static let mundhu = FNV.hash("منذ")
    static let hatta = FNV.hash("حتى")
    static let yaqill = FNV.hash("يقل")
    static let since = FNV.hash("since")
    static let inn = FNV.hash("in")
    static let on = FNV.hash("on")
    static let yawm = FNV.hash("يوم")
    static let at = FNV.hash("at")
    static let than = FNV.hash("than")
    static let least = FNV.hash("least")
    static let to = FNV.hash("to")
    static let up = FNV.hash("up")
    static let http = FNV.hash("http")
    static let https = FNV.hash("https")
    static let pic = FNV.hash("pic")
    static let anna = FNV.hash("ان")
    static let annahu = FNV.hash("انه")
    static let that = FNV.hash("that")

    /// UTF-8 text of original scalars `lo..<hi`.
    static func string(_ s: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((hi - lo) * 2)
        var i = lo
        while i < hi {
            let c = s[i]
            if c < 0x80 {
                bytes.append(UInt8(c))
            } else if c < 0x800 {
                bytes.append(UInt8(0xC0 | (c >> 6))); bytes.append(UInt8(0x80 | (c & 0x3F)))
            } else if c < 0x10000 {
                bytes.append(UInt8(0xE0 | (c >> 12))); bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (c & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (c >> 18))); bytes.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (c & 0x3F)))
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation

/// Reports made up for the benchmark from its own sentences (Arabic and English, news style: dates,
/// triggers, numbers with units, places and bodies the gazetteer knows), reproducible from a seed.
struct Generated {
    static let arabic = [
        "أعلن وزير الدفاع العراقي يوم الأحد 12/3/2025 أن اللجنة العسكرية العليا عقدت اجتماعها الخامس في بغداد.",
        "وقال المتحدث باسم الحكومة إن نحو 2500 عسكري من التحالف الدولي سيغادرون قاعدة عين الأسد قبل نهاية أيلول 2026.",
        "وأضاف أن الجانبين ناقشا جدول انسحاب المستشارين من محافظة الأنبار خلال الأشهر المقبلة.",
        "وكانت فصائل مسلحة قد شنت أكثر من 150 هجوما على قواعد تستضيف قوات أمريكية منذ تشرين الأول 2023.",
        "وأكد رئيس الوزراء محمد شياع السوداني في بيان أمس أن القوات العراقية قادرة على حماية الحدود.",
        "ومن المقرر أن تعقد الجولة المقبلة من الحوار في واشنطن يومي 22 و23 تموز المقبل.",
        "وأشار التقرير إلى مقتل ثلاثة مقاتلين وإصابة خمسة آخرين في قصف استهدف موقعا قرب الحدود السورية.",
    ]
    static let english = [
        "The Iraqi Ministry of Foreign Affairs said on Monday that talks with the coalition had concluded in Baghdad.",
        "About 2,500 U.S. troops remain in Iraq, officials said, and a drawdown is scheduled to begin in September 2025.",
        "The two sides agreed on January 27, 2024 to form working groups on the future of the mission.",
        "Militias launched more than 150 attacks on bases hosting U.S. forces since October 2023.",
        "The handover of Ain al-Asad air base to Iraqi forces will take place next year, the minister announced.",
    ]

    /// Background prose: no event, date or number, as most of a news page.
    static let arabicProse = [
        "وتأتي هذه التطورات في ظل نقاش واسع حول مستقبل العلاقة بين البلدين وشكل التعاون الأمني بينهما.",
        "ويرى مراقبون أن المرحلة المقبلة تتطلب تنسيقا أكبر بين المؤسسات الأمنية والسياسية في البلاد.",
        "وتشير التقديرات إلى أن الوضع الأمني تحسن بشكل ملحوظ مقارنة بالسنوات السابقة رغم التحديات القائمة.",
        "ولا تزال ملفات كثيرة عالقة بين الطرفين من بينها التدريب والتسليح وتبادل المعلومات الاستخبارية.",
    ]
    static let englishProse = [
        "Analysts say the coming phase will require closer coordination between the security institutions.",
        "The debate over the future of the relationship has grown louder in political circles.",
        "Many questions remain open, among them training, equipment and the sharing of intelligence.",
    ]

    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// One article: a date line and `paragraphs` paragraphs of two to four sentences, 70% Arabic,
    /// half of them background prose.
    mutating func article(paragraphs: Int = 6) -> String {
        var text = "تاريخ النشر: 14/3/2025\n"
        for _ in 0..<paragraphs {
            let arabic = pick(10) < 7
            let k = 2 + pick(3)
            text += (0..<k).map { _ in
                let pool = pick(2) == 0 ? (arabic ? Self.arabic : Self.english) : (arabic ? Self.arabicProse : Self.englishProse)
                return pool[pick(pool.count)]
            }.joined(separator: " ") + "\n"
        }
        return text
    }

    /// Writes `count` articles as separate files into `dir` (r00000.txt, …).
    mutating func files(_ count: Int, into dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for i in 0..<count {
            let name = String(format: "r%05d.txt", i)
            try Data(article().utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    /// Writes one file of at least `bytes` bytes of articles.
    mutating func file(bytes: Int, at url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written = 0
        var block = Data()
        while written < bytes {
            let a = Data(article(paragraphs: 40).utf8)
            block.append(a)
            written += a.count
            if block.count > 4 << 20 { try handle.write(contentsOf: block); block.removeAll(keepingCapacity: true) }
        }
        try handle.write(contentsOf: block)
    }
}

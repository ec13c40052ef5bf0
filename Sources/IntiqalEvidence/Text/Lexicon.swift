/// The closed-class vocabulary of dates, numbers and events, in Arabic and English.
/// Words are folded (see ``Folding``) and stored without the Arabic article, so "الماضي" and "ماضي" share an entry.
struct Lexicon: Sendable {
    private(set) var entries: [LexEntry] = []
    private(set) var index: [UInt64: Int32] = [:]

    static let shared = Lexicon()

    /// Folds and strips a leading article from a written form, giving the stored key.
    static func canonical(_ word: String) -> [UInt32] {
        var out: [UInt32] = []
        for u in word.unicodeScalars {
            let f = Folding.fold(u.value)
            if f != 0 && !Folding.isSpace(f) { out.append(f) }
        }
        if out.count >= 4 && out[0] == 0x0627 && out[1] == 0x0644 { out.removeFirst(2) }
        return out
    }

    func lookup(_ hash: UInt64) -> Int32? { index[hash] }

    func entry(_ i: Int32) -> LexEntry { entries[Int(i)] }

    private mutating func add(_ words: String, _ apply: (inout LexEntry) -> Void) {
        for w in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let key = Lexicon.canonical(String(w))
            guard !key.isEmpty else { continue }
            let h = FNV.hash(key, 0, key.count)
            if let i = index[h] {
                apply(&entries[Int(i)])
            } else {
                var e = LexEntry()
                apply(&e)
                index[h] = Int32(entries.count)
                entries.append(e)
            }
        }
    }

    private init() {
        // Months: Levantine, Egyptian/Gulf, Maghrebi, English.
        let months: [(Int8, String)] = [
            (1, "يناير ينایر جانفي january jan"), (2, "شباط فبراير فبرایر فيفري february feb"),
            (3, "آذار اذار"), (4, "نيسان أبريل ابريل إبريل أفريل افريل april apr"),
            (5, "أيار ايار مايو"), (6, "حزيران يونيو يونيه جوان june jun"),
            (7, "تموز يوليو يوليه جويلية july jul"), (8, "أغسطس اغسطس aug august"),
            (9, "أيلول ايلول سبتمبر september sep sept"), (10, "أكتوبر اكتوبر october oct"),
            (11, "نوفمبر november nov"), (12, "ديسمبر december dec"),
        ]
        for (m, words) in months { add(words) { $0.month = m } }
        // Ambiguous month names: also ordinary words ("father", "practised", "may", "march").
        let ambiguous: [(Int8, String)] = [(8, "آب أوت"), (3, "مارس march mar"), (5, "ماي may")]
        for (m, words) in ambiguous { add(words) { $0.month = m; $0.monthAmbiguous = true } }
        add("كانون") { $0.monthNeedsOrdinal = 1 }
        add("تشرين") { $0.monthNeedsOrdinal = 2 }
        let ordinals: [(Int8, String)] = [
            (1, "الأول الاول الأولى first"), (2, "الثاني الثانية second"), (3, "الثالث الثالثة third"),
            (4, "الرابع الرابعة fourth"), (5, "الخامس الخامسة fifth"), (6, "السادس السادسة sixth"),
            (7, "السابع السابعة seventh"), (8, "الثامن الثامنة eighth"), (9, "التاسع التاسعة ninth"),
            (10, "العاشر العاشرة tenth"),
        ]
        for (n, words) in ordinals { add(words) { $0.ordinal = n } }
        let weekdays: [(Int8, String)] = [
            (0, "الأحد"), (1, "الاثنين الإثنين"), (2, "الثلاثاء"), (3, "الأربعاء الاربعاء"),
            (4, "الخميس"), (5, "الجمعة"), (6, "السبت"),
        ]
        for (d, words) in weekdays { add(words) { $0.weekday = d; $0.needsArticle = true } }
        let english: [(Int8, String)] = [
            (0, "sunday"), (1, "monday"), (2, "tuesday"), (3, "wednesday"), (4, "thursday"), (5, "friday"), (6, "saturday"),
        ]
        for (d, w) in english { add(w) { $0.weekday = d } }
        add("اليوم") { $0.relativeDay = 0; $0.needsArticle = true; $0.dayWord = true }
        add("today tonight") { $0.relativeDay = 0 }
        add("أمس امس البارحة yesterday") { $0.relativeDay = -1 }
        add("غدا غد tomorrow") { $0.relativeDay = 1 }
        add("يوم يومي ليل ليلة مساء صباح فجر ظهر on") { $0.dayWord = true }
        add("أسبوع week") { $0.period = 1 }
        add("شهر month") { $0.period = 2 }
        add("عام سنة year") { $0.period = 3 }
        add("الماضي الماضية المنصرم المنصرمة السابق السابقة last past previous") { $0.direction = -1 }
        add("الحالي الحالية الجاري الجارية هذا هذه this current") { $0.direction = 0 }
        add("المقبل المقبلة القادم القادمة next coming") { $0.direction = 1 }
        add("عام عامي سنة منذ في لعام in since during until year") { $0.yearCue = true }
        // Parts of a year: "أواخر 2017", "مطلع 2018", "late 2017", "early 2018".
        add("أواخر أوائل أواسط مطلع منتصف late early mid") { $0.yearCue = true }
        add("إلى الى حتى و - to and until through till") { $0.rangeConnector = true }

        // Event triggers.
        add("""
            اجتماع اجتماعا اجتماعات اجتماعاتها لقاء لقاءات لقائه لقائها التقى التقت التقيا التقوا يلتقي تلتقي يلتقيان
            اجتمع اجتمعت اجتمعا يجتمع قمة زيارة زار زارت يزور ناقش ناقشت ناقشا يناقش ناقشوا استقبل استقبلت
            انعقد انعقدت جلسة مؤتمر عقد عقدت عقدا يعقد تعقد ترأس ترأست ترأستا يعقدان تعقدان يجتمعان يلتقون
            تجتمع نلتقي يزوران تزور
            meeting met meet meets summit visit visited conference hosted convene convened convenes gathered spoke
            """) { $0.trigger = .meeting; $0.triggerStrength = 2 }
        add("""
            محادثات المحادثات مباحثات مفاوضات المفاوضات حوار الحوار جولة جولات جلسات meetings talks dialogue visits
            sessions
            """) { $0.trigger = .meeting; $0.triggerStrength = 1 }
        add("""
            هجوم هجوما هجمات هجماتها هجمة ضربة ضربات غارة غارات قصف قصفت استهداف استهدف استهدفت هاجم هاجمت
            شن شنت شنها اعتداء اعتداءات تفجير انفجار
            اجتياح غزو اجتاح اجتاحت غزا
            attack attacks attacked strike strikes struck airstrike airstrikes raid raids bombing shelling invasion invaded
            """) { $0.trigger = .attack; $0.triggerStrength = 2 }
        add("""
            اتفاق اتفاقا الاتفاق اتفاقية اتفقا اتفق اتفقت يتفقان تتفقان تفاهم تفاهمات توصل توصلت توصلا التوصل
            وقع وقعت وقعا توقيع وافق وافقت وافقا يوقع توقع يوقعان يتفق تتفق يتفقون
            agreed agreement agreements agree agrees deal accord signed memorandum
            """) { $0.trigger = .agreement; $0.triggerStrength = 2 }
        add("""
            انسحب انسحبت انسحبا انسحبوا سحبت غادرت غادر ينسحب تنسحب ينسحبون تنسحبان تغادر يغادر تسحب يسحب
            withdrew withdraw withdrawn withdraws
            """) { $0.trigger = .withdrawal; $0.triggerStrength = 2 }
        add("""
            انسحاب الانسحاب سحب خفض تخفيض خروج إخراج رحيل مغادرة إنهاء انهاء withdrawal withdrawing drawdown pullout
            """) { $0.trigger = .withdrawal; $0.triggerStrength = 1 }
        add("""
            تسليم تسلمت سلمت سلم تسلم يسلم تسليمها handover handed transferred
            """) { $0.trigger = .handover; $0.triggerStrength = 1 }
        add("""
            انطلق انطلقت انطلاق انطلاقة بدء بدأ بدأت تبدأ يبدأ استؤنف استؤنفت استئناف تأسس أنشأ أنشأت تشكيل
            launched began begins started starts resumed established
            """) { $0.trigger = .other; $0.triggerStrength = 1 }
        add("انتخابات الانتخابات election elections") { $0.trigger = .other; $0.triggerStrength = 2 }
        // Openings, closures and completions; votes and resolutions.
        add("""
            افتتح افتتحت افتتاح يفتتح تفتتح يدشن تدشن دشن دشنت تدشين أغلق أغلقت إغلاق يغلق تغلق أنهى أنهت صوت صوتت تصويت
            opened closed completed voted vote adopted
            """) { $0.trigger = .other; $0.triggerStrength = 2 }
        add("سيطر سيطرت استولى استولت seized captured overran") { $0.trigger = .other; $0.triggerStrength = 2 }
        // Biographical happenings: appointed, elected, graduated, obtained a degree, born, died, published (not the
        // bare عين, an eye or a spring as in عين الأسد, nor ولد, a boy).
        add("""
            عينت تعيين انتخب انتخبت انتخاب تخرج تخرجت نال نالت ولدت توفي توفيت وفاة أصدر أصدرت
            appointed elected graduated born died published nominated
            """) { $0.trigger = .other; $0.triggerStrength = 2 }
        // The mission's transition is its drawdown in this domain.
        add("انتقال الانتقال transition") { $0.trigger = .withdrawal; $0.triggerStrength = 1 }
        // Speech verbs and statement nouns.
        add("""
            قال قالت قالوا يقول تقول أعلن أعلنت أعلنوا يعلن تعلن أكد أكدت أكدا أكدوا يؤكد تؤكد أوضح أوضحت
            ذكر ذكرت أضاف أضافت صرح صرحت بينت مبينا أشار أشارت لفت لفتت كشف كشفت نفى نفت تابع أفاد أفادت
            شدد شددت لمح لمحت أعرب أعربت مؤكدا مؤكدة مؤكدين مشيرا مضيفا تحدث تحدثت تحدثوا رحب رحبت دعا دعت
            أشاد أشادت حذر حذرت اعتبر اعتبرت أورد أوردت اعترف اعترفت
            said says say reported announced announce announces stated told added confirmed noted denied declared explained
            """) { $0.speech = true; $0.trigger = .statement; $0.triggerStrength = 2 }
        // The reporting verbs of Arabic news in their common inflections, generated from the language's
        // morphology (`ReportingVerbs`) rather than listed from texts; English ones likewise.
        add(ReportingVerbs.arabicForms.joined(separator: " ")) { $0.speech = true; $0.trigger = .statement; $0.triggerStrength = 2 }
        add(ReportingVerbs.english) { $0.speech = true; $0.trigger = .statement; $0.triggerStrength = 2 }
        add("بيان بيانا تصريح تصريحات تدوينة إعلان statement announcement") { $0.trigger = .statement; $0.triggerStrength = 1 }
        // Future and plan markers.
        add("""
            سوف المقرر مقرر المرتقب مرتقب المرتقبة مرتقبة يعتزم تعتزم يعتزمان المزمع سيتم ستتم
            will shall plans plan planned scheduled upcoming expected intends
            """) { $0.future = true }
        add("لم لن لا ليس دون بدون not never no without") { $0.negation = true }

        // Units.
        let units: [(String, String)] = [
            ("troops", "عسكري عسكريا عسكريين جندي جنديا جنود فرد فردا أفراد troops soldiers personnel servicemembers"),
            ("attacks", "هجوم هجوما هجمات هجمة attacks"),
            ("strikes", "ضربة ضربات غارة غارات strikes airstrikes"),
            ("fighters", "مسلح مسلحا مسلحين مقاتل مقاتلا مقاتلين fighters militants"),
            ("factions", "فصيل فصيلا فصائل factions militias"),
            ("advisers", "مستشار مستشارا مستشارين advisers advisors"),
            ("bases", "قاعدة قواعد bases"),
            ("sites", "موقع موقعا مواقع sites"),
            ("working groups", "مجاميع مجموعات"),
            ("committees", "لجان لجنة committees"),
            ("factors", "عوامل اعتبارات factors considerations"),
            ("sources", "مصادر مصدر sources"),
            ("rounds", "جولات جولة rounds"),
            ("points", "نقاط points"),
            ("countries", "دول دولة countries"),
            ("killed", "قتيل قتيلا قتلى killed dead"),
            ("wounded", "جريح جرحى مصاب مصابا مصابين wounded injured"),
            ("months", "أشهر شهور اشهر شهرا months"),
            ("years", "أعوام سنوات سنين عاما years"),
            ("days", "أيام يوما days"),
            ("weeks", "أسابيع أسبوعا weeks"),
            ("US dollars", "دولار دولارا dollars"),
            ("people", "شخص شخصا أشخاص مدني مدنيا مدنيين مدنيون نازح نازحا نازحين نازحون مهجر مهجرا مهجرين لاجئ لاجئا لاجئين لاجئون مواطن مواطنا مواطنين people persons civilians refugees members displaced residents"),
            // "إصابة 14 آخرين", "killed three others": a count of others is a count of people.
            ("people", "آخرين آخرون others"),
            ("women", "امرأة امرأتين امرأتان نساء نسوة سيدة سيدات women"),
            ("children", "طفل طفلا أطفال طفلة طفلين طفلان children kids"),
            ("minors", "قاصر قاصرا قاصرين قاصرات قصر minors juveniles"),
            ("detainees", "معتقل معتقلا معتقلين معتقلون محتجز محتجزا محتجزين سجين سجينا سجناء أسير أسيرا أسرى detainees prisoners captives hostages"),
            ("families", "عائلة عائلات أسرة أسر families households"),
            ("foreigners", "أجنبي أجنبيا أجانب foreigners"),
            ("hours", "ساعة ساعات hours"),
            ("minutes", "دقيقة دقائق minutes"),
            ("reports", "تقرير تقريرا تقارير reports"),
            ("seats", "مقعد مقعدا مقاعد seats"),
            ("houses", "منزل منزلا منازل بيت بيوت houses homes"),
            ("vehicles", "مركبة مركبات vehicles"),
            ("leaders", "قادة قياديا قياديين leaders commanders"),
            ("facilities", "منشأة منشآت facilities"),
            ("locations", "locations location"),
            ("armies", "جيوش armies"),
            ("km", "كيلومتر كيلومترا كيلومترات كلم km kilometers kilometres"),
            ("miles", "ميل ميلا أميال miles"),
            ("percent", "بالمئة بالمائة percent"),
            ("rockets", "صاروخ صاروخا صواريخ rockets missiles"),
        ]
        for (unit, words) in units { add(words) { $0.unit = unit } }
        // Counts of people that a word of killing or wounding nearby turns into casualties.
        add("جندي جنديا جنود عسكريا عسكريين مسلح مسلحا مسلحين مقاتل مقاتلا مقاتلين") { $0.person = true }
        add("شخص شخصا أشخاص مدني مدنيا مدنيين مدنيون طفل طفلا أطفال امرأة نساء troops soldiers personnel") { $0.person = true }
        add("servicemembers people persons civilians children women members fighters militants") { $0.person = true }
        add("""
            امرأة امرأتين امرأتان نساء نسوة طفل طفلا أطفال طفلة قاصر قاصرا قاصرين قاصرات معتقل معتقلا معتقلين محتجز محتجزا
            محتجزين سجين سجينا سجناء أسير أسيرا أسرى أجنبي أجنبيا أجانب نازح نازحا نازحين مواطن مواطنا مواطنين
            آخرين آخرون kids minors detainees prisoners hostages foreigners displaced residents others
            """) { $0.person = true }
        add("قتل قتلوا قتلت قتلا مقتل مصرع حياة بحياة killed kill killing deaths death") { $0.casualty = 1 }
        add("جرح جرحوا أصيب أصيبوا إصابة إصابات injured injuring wounded wounding") { $0.casualty = 2 }
        let qualifiers: [(String, String)] = [
            ("about", "نحو حوالي حوالى قرابة زهاء يقارب about around approximately roughly nearly almost some"),
            ("more than", "أكثر اكثر أزيد over"),
            ("less than", "أقل اقل fewer"),
            ("up to", "upto"),
        ]
        for (q, words) in qualifiers { add(words) { $0.qualifier = q } }
        let numberWords: [(Double, String)] = [
            (1, "واحد one"), (2, "اثنان اثنتان اثنتين two"), (3, "ثلاث ثلاثة three"), (4, "أربع أربعة four"),
            (5, "خمس خمسة five"), (6, "ست ستة six"), (7, "سبع سبعة seven"), (8, "ثماني ثمانية eight"),
            (9, "تسع تسعة nine"), (10, "عشر عشرة ten"), (20, "عشرين عشرون twenty"), (30, "ثلاثين ثلاثون thirty"),
            (100, "مئة مائة hundred"), (12, "twelve"), (40, "أربعين أربعون forty"), (50, "خمسين خمسون fifty"),
            (60, "ستين ستون sixty"), (70, "سبعين سبعون seventy"), (80, "ثمانين ثمانون eighty"), (90, "تسعين تسعون ninety"),
            (11, "eleven"), (15, "fifteen"), (1000, "ألف الف"), (1_000_000, "مليون"),
            // Hundreds, written joined or apart ("ثلاثمائة", "ثلاث مئة" is three × hundred above).
            (200, "مئتان مئتين مئتي مائتان مائتين مائتي"), (300, "ثلاثمئة ثلاثمائة"), (400, "أربعمئة أربعمائة"),
            (500, "خمسمئة خمسمائة"), (600, "ستمئة ستمائة"), (700, "سبعمئة سبعمائة"), (800, "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة"),
            (900, "تسعمئة تسعمائة"), (2_000_000, "مليونين مليوني"),
            (13, "thirteen"), (14, "fourteen"), (16, "sixteen"), (17, "seventeen"), (18, "eighteen"), (19, "nineteen"),
            (2, "اثنين اثنا اثني"),
        ]
        for (v, words) in numberWords { add(words) { $0.numberWord = v } }
        // "41 ألفا", "ثلاثة آلاف", "1.2 مليون", "ثلاثة ملايين": the accusative and plural forms multiply too.
        add("ألف آلاف الف ألفا thousand") { $0.multiplier = 1000 }
        add("مئة مائة hundred") { $0.multiplier = 100 }
        add("مليون ملايين مليونا million") { $0.multiplier = 1_000_000 }
        add("مليار مليارا مليارات billion") { $0.multiplier = 1_000_000_000 }
        add("مربع مربعا مربعة square") { $0.squared = true }
    }
}

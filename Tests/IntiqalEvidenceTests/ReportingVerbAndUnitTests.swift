import Testing
@testable import IntiqalEvidence

/// Reporting verbs in their inflections, units of people and time, and compound Arabic numbers.
/// Every sentence here is invented for the test.
@Suite struct ReportingVerbAndUnitTests {
    /// One dated statement by a named speaker, whatever the inflection of the reporting verb.
    @Test(arguments: [
        "انتقدت وزيرة الخارجية يوم الاثنين خطة الحكومة الجديدة للنقل.",
        "وانتقد رئيس البرلمان يوم الاثنين قرار رفع الأسعار.",
        "فحذرت المنظمة يوم الاثنين من نقص المياه في القرى الجنوبية.",
        "وشددت الوزيرة يوم الاثنين على أهمية حماية المدارس.",
        "ونددت الخارجية يوم الاثنين بالهجوم على القافلة الإنسانية.",
        "وطالبت النقابة يوم الاثنين بزيادة الأجور قبل نهاية العام.",
        "ودعت الأمم المتحدة يوم الاثنين الأطراف إلى ضبط النفس.",
        "واستنكر المجلس يوم الاثنين تأخير صرف الرواتب.",
        "وصرح المتحدث باسم الشرطة يوم الاثنين بأن الطريق أعيد فتحه.",
        "ونفت الوزارة يوم الاثنين وجود أي نقص في الأدوية.",
        "وناشد المحافظ يوم الاثنين السكان الابتعاد عن ضفاف النهر.",
    ])
    func arabicReportingVerbsMakeADatedStatement(_ sentence: String) {
        let doc = Support.extract(sentence + "\n", published: "2024-07-25")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2024-07-22" }, "\(doc.events.map { ($0.type, $0.date) })")
    }

    @Test func theAdverbialParticipleIsAReportingWord() {
        for word in ["قائلا", "قائلة", "مؤكدا", "محذرة", "منتقدا", "مستنكرا"] {
            let key = Lexicon.canonical(word)
            let hash = FNV.hash(key, 0, key.count)
            let entry = Lexicon.shared.lookup(hash).map { Lexicon.shared.entry($0) }
            #expect(entry?.speech == true, "\(word)")
        }
    }

    @Test func nounsThatLookLikeReportingVerbsAreNot() {
        // "المضيفة" (the host), "مشددة" (strict), "المطالبة" (the demand), "ردا" (in reply), bare "بين" (between).
        for word in ["مضيفة", "مشددة", "مطالبة", "ردا", "بين", "يبلغ", "يدين", "يعتبر", "يهدد", "يشير"] {
            let key = Lexicon.canonical(word)
            let entry = Lexicon.shared.lookup(FNV.hash(key, 0, key.count)).map { Lexicon.shared.entry($0) }
            #expect(entry?.speech != true, "\(word)")
        }
    }

    @Test(arguments: [
        "The Foreign Minister warned on Monday that the talks could fail.",
        "The Ambassador condemned on Monday the attack on the aid convoy.",
        "The Secretary urged on Monday all parties to return to the table.",
        "The Prime Minister stressed on Monday the need for new elections.",
    ])
    func englishReportingVerbsMakeADatedStatement(_ sentence: String) {
        let doc = Support.extract(sentence + "\n", published: "2024-07-25")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2024-07-22" }, "\(doc.events.map { ($0.type, $0.date) })")
    }

    @Test func biographicalHappeningsAreOtherEvents() {
        #expect(Support.extract("وتخرج الوزير الجديد من كلية الهندسة عام 1995.\n").events.contains { $0.type == .other && $0.date == "1995" })
        #expect(Support.extract("She was appointed ambassador in 2011.\n").events.contains { $0.type == .other && $0.date == "2011" })
        // عين الأسد is a base (an "eye"), not an appointment.
        #expect(!Support.extract("وزار الوفد قاعدة عين الأسد عام 2019.\n").events.contains { $0.type == .other })
    }

    private func numbers(_ text: String) -> [String] {
        Support.extract(text + "\n").numbers.map { n in
            let v = n.value == n.value.rounded() ? String(Int(n.value)) : String(n.value)
            return "\(v) \(n.unit)" + (n.qualifier.map { " (\($0))" } ?? "")
        }
    }

    @Test func compoundArabicNumbersAddTheirParts() {
        #expect(numbers("وسجلت المنظمة 12 ألفا و350 نازحا في المخيمات.") == ["12350 people"])
        #expect(numbers("وقدرت اللجنة عدد المتضررين بثلاثة آلاف وخمسمائة عائلة.") == ["3500 families"])
        #expect(numbers("ووصل إلى المدينة نحو 1.5 مليون و200 ألف نازح منذ بداية الأزمة.") == ["1700000 people (about)"])
        #expect(numbers("وأحصت البعثة ثلاثمائة معتقل في السجن المركزي.") == ["300 detainees"])
    }

    @Test func peopleAndTimeHaveTheirOwnUnits() {
        #expect(numbers("وأفرجت السلطات عن 40 امرأة و12 قاصرا بعد التحقيق.") == ["40 women", "12 minors"])
        #expect(numbers("واستمر الاجتماع 45 دقيقة فقط.") == ["45 minutes"])
        #expect(numbers("وتوقفت الحركة في الميناء ست ساعات.") == ["6 hours"])
        #expect(numbers("وأحصت اللجنة 230 أجنبيا في المعسكر.") == ["230 foreigners"])
        #expect(numbers("The storm displaced 900 families and delayed flights by 40 minutes.") == ["900 families", "40 minutes"])
    }

    @Test func womenAndChildrenNearAWordOfKillingAreCasualties() {
        #expect(numbers("وأسفر القصف عن مقتل 7 أطفال في القرية.") == ["7 killed"])
        #expect(numbers("The shelling killed 5 women near the market.") == ["5 killed"])
        #expect(numbers("وقتل سائق الحافلة وأصيب 9 آخرين في الحادث.") == ["9 wounded"])
    }
}

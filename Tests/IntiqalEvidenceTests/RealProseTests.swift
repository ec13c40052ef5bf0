import Testing
@testable import IntiqalEvidence

/// What real reports show that the seed articles did not: hard-wrapped lines, casualties, glued digits, percentages.
/// The sentences are invented for the tests (the development corpus is read from ../shared, never copied).
@Suite struct RealProseTests {
    static func numbers(_ text: String) -> [String] {
        Support.extract(text).numbers.map { n in
            let v = n.value == n.value.rounded() ? String(Int(n.value)) : String(n.value)
            return "\(v) \(n.unit)"
        }
    }

    @Test func sentenceWrappedAcrossLinesKeepsItsDate() {
        let text = "Report to the committees\n\nLate on March 3, 2022, under my orders, coalition aircraft struck\nfour facilities in western Anbar that the militia had used for storing\nweapons and fuel.\n"
        let doc = Support.extract(text, published: "2022-03-05")
        #expect(doc.events.contains { $0.type == .attack && $0.date == "2022-03-03" })
        #expect(Self.numbers(text) == ["4 facilities"])
    }

    @Test func wrappedSentenceEvidenceIsTheOriginalText() {
        let text = "The Secretary of Defense held talks with the Minister of Interior of Iraq\ntoday in Baghdad, at the end of a two-day regional tour.\n"
        let doc = Support.extract(text, published: "2022-05-10")
        let e = try! #require(doc.events.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.evidence.start..<e.evidence.end])) == e.evidence.sentence)
    }

    @Test func arabicLinesStayParagraphs() {
        // An Arabic title line without final punctuation does not run into the body.
        let text = "عنوان المقال عن الهجوم على القاعدة العسكرية في شمال العراق اليوم\nقال المتحدث إن 3 جنود أصيبوا.\n"
        let doc = Support.extract(text)
        #expect(doc.numbers.allSatisfy { $0.evidence.start > 60 })
    }

    @Test func countsOfPeopleNearKillingAreKilled() {
        #expect(Self.numbers("قتل 9 مدنيين على الأقل في قصف مدفعي على البلدة.") == ["9 killed"])
        #expect(Self.numbers("أسفر الانفجار عن مقتل أكثر من 40 عنصرا من الحرس والمسلحين.") == [])
        #expect(Self.numbers("أسفر الانفجار عن مقتل أكثر من 40 مسلحا من الفصائل.") == ["40 killed"])
        #expect(Self.numbers("The blast killed five soldiers and injured a dozen others.") == ["5 killed"])
    }

    @Test func countsAmongThemInheritTheCasualty() {
        #expect(Self.numbers("قتل 31 شخصا، بينهم 17 مدنيا في قصف على السوق.") == ["31 killed", "17 killed"])
    }

    @Test func countsOfPeopleWithoutCasualtyStayPeople() {
        #expect(Self.numbers("يسكن نحو 3.4 مليون شخص في المحافظة.") == ["3400000 people"])
    }

    @Test func digitsGluedToWordsAreNumbers() {
        #expect(Self.numbers("وحصلت القائمة على بـ19 مقعدا في المجلس.") == ["19 seats"])
        #expect(Self.numbers("وأعلنت الشرطة مقتل7 أشخاص في الحادث.") == ["7 killed"])
    }

    @Test func percentagesAndAreas() {
        #expect(Self.numbers("تراجعت الصادرات بأكثر من 45 في المئة خلال العام.") == ["45 percent"])
        #expect(Self.numbers("ارتفعت الأسعار 8% في الربع الأول.") == ["8 percent"])
        #expect(Self.numbers("تمتد البحيرة على نحو 12 ألف كلم مربع.") == ["12000 km2"])
    }

    @Test func arabicDecimalCommaBeforeAMultiplier() {
        #expect(Self.numbers("عاد 1,7 مليون لاجئ إلى مناطقهم.") == ["1700000 people"])
    }

    @Test func compoundArabicNumberWords() {
        #expect(Self.numbers("عمل في الوزارة خلال الأعوام الثلاثة عشر الماضية.") == [])
        #expect(Self.numbers("أمضى في المنصب سبعة عشر عاما.") == ["17 years"])
        #expect(Self.numbers("تنتشر في القاعدة قرابة ألفي جندي.") == ["2000 troops"])
    }

    @Test func definiteBackReferenceIsNotANewCount() {
        #expect(Self.numbers("وناقشت اللجنة هذه العوامل الأربعة بالتفصيل.") == [])
        #expect(Self.numbers("وضعت الخطة بناء على اعتبارات أربعة.") == ["4 factors"])
    }

    @Test func relatedHeadlinesInsideABodyYieldNothing() {
        let inline = "وأوضح المصدر أن الوفد سيصل بعد الظهر \"في موعده المحدد\".. اقرأ.. الحكومة تخصص 300 مليون دولار ويلتقي الوزير نظيره اليوم\n"
        #expect(Self.numbers(inline).isEmpty)
        #expect(!Support.extract(inline).events.contains { $0.type == .meeting })
        #expect(Self.numbers("أيضاً.. الحكومة تخصص 300 مليون دولار لإعادة بناء المدارس في العام المقبل بعد مراجعة شاملة للخطط\n").isEmpty)
    }
}

import Testing
@testable import IntiqalEvidence

/// Event rules that real Arabic news called for (invented sentences in its style): 'since' over a few words,
/// speaking at a meeting, openings and closures, lists and ranges of dates, negation, denials.
@Suite struct ArabicEventRuleTests {
    @Test func sinceGovernsADateAFewWordsOn() {
        let doc = Support.extract("تراجعت الصادرات منذ بدء الحصار البحري على الميناء في مارس 2016 بشكل كبير.\n", published: "2018-05-31")
        #expect(doc.events.allSatisfy { $0.date != "2016-03" })
    }

    @Test func speakingAtAMeetingTakesItsDate() {
        let doc = Support.extract("وقال الوزير في مؤتمر إقليمي منعقد في عمان اليوم الثلاثاء إن المشاريع تحتاج إلى تمويل.\n", published: "2019-03-05")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2019-03-05" })
        #expect(doc.events.contains { $0.type == .meeting && $0.date == "2019-03-05" })
    }

    @Test func aMeetingBeforeTheSpeechVerbIsNotItsObject() {
        let doc = Support.extract("وعلى هامش مؤتمر اقتصادي، قال رئيس الحكومة الأربعاء إن بلاده ستواصل الإصلاح.\n", published: "2019-03-06")
        #expect(doc.events.filter { $0.type == .meeting && $0.date != nil }.isEmpty)
    }

    @Test func closuresAndOpeningsAreOtherHappenings() {
        let doc = Support.extract("وأدى إغلاق الطريق الدولي عام 2013 إلى خسائر كبيرة للتجار.\n", published: "2019-01-10")
        #expect(doc.events.contains { $0.type == .other && $0.date == "2013" })
    }

    @Test func anAnnouncementNounDatesAStatement() {
        let doc = Support.extract("وعاد الهدوء إلى المدينة، بعد إعلان الجيش استعادة السيطرة عليها في آذار/مارس الماضي.\n", published: "2019-06-01")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2019-03" })
    }

    @Test func anImperfectVerbWithAWeekdayIsComing() {
        let doc = Support.extract("يفتتح الوزيران، الخميس، الجسر الجديد فوق النهر رسميا.\n", published: "2019-04-02")
        #expect(doc.events.contains { $0.type == .other && $0.date == "2019-04-04" && $0.planned })
    }

    @Test func theFirstDayAndTheSameDayAreNotToday() {
        let doc = Support.extract("ويخصص اليوم الثاني للجان الفنية، فيما يقول المنظمون إن العمل مستمر.\n", published: "2019-02-12")
        #expect(doc.events.allSatisfy { $0.date == nil })
    }

    @Test func aVisitorLeavingACityIsNotAWithdrawal() {
        let doc = Support.extract("وغادر الرئيس الفرنسي أربيل مساء الأحد متجها إلى عمان.\n", published: "2019-05-06")
        #expect(doc.events.contains { $0.type == .other && $0.date == "2019-05-05" })
        #expect(!doc.events.contains { $0.type == .withdrawal })
    }

    @Test func theDatedSpeechVerbMakesTheStatement() {
        let doc = Support.extract("ونفى المتحدث الأنباء التي تحدثت عن صفقة جديدة، إذ قال خلال مؤتمر صحافي عقده مساء الخميس إن المحادثات مستمرة.\n", published: "2019-05-09")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2019-05-09" })
    }

    @Test func anAmbiguousMonthTakesNoClitic() {
        let doc = Support.extract("وقال إن السفن تعبر من باب المضيق كل يوم.\n", published: "2019-03-19")
        #expect(doc.events.allSatisfy { $0.date == nil })
    }

    @Test func aPressConferenceIsWhereAStatementIsMade() {
        let doc = Support.extract("واكتفى الوزير خلال مؤتمر صحافي مع ضيفه في القصر الجمهوري الاثنين بالقول إن القرار اتخذ بالتشاور.\n", published: "2019-04-10")
        #expect(!doc.events.contains { $0.type == .meeting })
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2019-04-08" })
    }

    @Test func betweenTwoDatesIsARange() {
        let doc = Support.extract("وأوضح التقرير أن الطائرات شنت 300 غارة بين يونيو 2015 ونهاية مارس 2017.\n", published: "2018-03-29")
        #expect(doc.events.contains { $0.type == .attack && $0.date == "2015-06" && $0.dateEnd == "2017-03" })
    }

    @Test func aMonthInAListTakesTheYearOfTheNext() {
        let doc = Support.extract("وشنت الطائرات غارات على المعسكر في يوليو وأغسطس في 2016 وفق التقرير.\n", published: "2018-05-24")
        let dates = Set(doc.events.filter { $0.type == .attack }.compactMap(\.date))
        #expect(dates == ["2016-07", "2016-08"])
    }

    @Test func aPartOfAYearCuesTheYear() {
        let doc = Support.extract("ومطلع 2016 أعلنت الحكومة خطة لإعادة الإعمار في المدن.\n", published: "2018-07-13")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2016" })
    }

    @Test func anInvasionIsAnAttack() {
        let doc = Support.extract("وبعد غزو البلاد عام 1991 تغيرت الحدود الإدارية.\n", published: "2018-02-12")
        #expect(doc.events.contains { $0.type == .attack && $0.date == "1991" })
    }

    @Test func expectedThatIsNotASigning() {
        let doc = Support.extract("وفي المنتدى، توقع وزير التخطيط أن تبلغ الكلفة 40 مليار دولار.\n", published: "2018-02-12")
        #expect(!doc.events.contains { $0.type == .agreement })
    }

    @Test func sitayimMarksWhatIsComing() {
        let doc = Support.extract("أكد السفير، الثلاثاء، أنه سيتم خلال زيارة الرئيس بحث ملفات التعاون.\n", published: "2019-03-19")
        #expect(!doc.events.contains { $0.type == .meeting && $0.date != nil })
    }

    @Test func whatIsDeniedIsNotAHappening() {
        let doc = Support.extract("نفت الوزارة الأنباء التي قالت إن البلدين توصلا لاتفاق، إذ قال متحدث باسمها خلال مؤتمر صحافي عقده مساء السبت إن المفاوضات مستمرة.\n", published: "2019-03-23")
        #expect(!doc.events.contains { $0.type == .agreement })
    }

    @Test func sinceStopsAtANewCoordinatedPhrase() {
        let doc = Support.extract("ويعاني الاقتصاد من الأزمات منذ التسعينيات، والعقوبات التي أعقبت اجتياح الحدود عام 1998، وفق الخبراء.\n", published: "2018-02-12")
        #expect(doc.events.contains { $0.type == .attack && $0.date == "1998" })
    }

    @Test func aNegatedOrPrivativeTriggerDidNotHappen() {
        let doc = Support.extract("وجرت الانتخابات المحلية للمرة الأولى دون هجمات تذكر في تشرين الثاني/نوفمبر الماضي.\n", published: "2019-05-25")
        #expect(!doc.events.contains { $0.type == .attack })
        let held = Support.extract("وأكد أنه لم يعقد أي اجتماع بين الطرفين يوم السبت.\n", published: "2018-04-01")
        #expect(!held.events.contains { $0.type == .meeting })
    }
}

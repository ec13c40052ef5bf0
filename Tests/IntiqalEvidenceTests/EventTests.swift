import Testing
@testable import IntiqalEvidence

@Suite struct EventTests {
    @Test func typesEvents() {
        func types(_ s: String) -> [EventType] { Support.extract(s, published: "2024-01-29").events.map(\.type) }
        #expect(types("التقى الوزير نظيره الأميركي يوم السبت في بغداد.").contains(.meeting))
        #expect(types("استهدف هجوم بطائرة مسيرة قاعدة عين الأسد يوم الأحد.") == [.attack])
        #expect(types("وقع الطرفان يوم الأحد مذكرة تفاهم.").contains(.agreement))
        #expect(types("انسحبت القوات من القاعدة يوم الأحد.") == [.withdrawal])
        #expect(types("The two sides agreed on Sunday to a timeline.").contains(.agreement))
        #expect(types("A drone attack struck the base on Sunday.") == [.attack])
    }

    @Test func statementsHaveSpeakers() {
        let doc = Support.extract("وقال رئيس الوزراء محمد شياع السوداني، أمس، إن الوضع مستقر.", published: "2024-01-26")
        let s = doc.events.first { $0.type == .statement }
        #expect(s?.speaker == "Mohammed Shia al-Sudani")
        #expect(s?.date == "2024-01-25")
        let en = Support.extract("Lloyd Austin said on Monday that the mission would evolve.", published: "2024-01-29")
        #expect(en.events.first { $0.type == .statement }?.speaker == "Lloyd Austin")
    }

    @Test func announcementOfALaterEventYieldsBoth() {
        let doc = Support.extract("أعلن السفير اليوم أن الجانبين سيعقدان اجتماعاً في 5 نوفمبر المقبل في واشنطن.", published: "2024-03-10")
        let statement = doc.events.first { $0.type == .statement }
        let meeting = doc.events.first { $0.type == .meeting }
        #expect(statement?.date == "2024-03-10")
        #expect(statement?.planned == false)
        #expect(meeting?.date == "2024-11-05")
        #expect(meeting?.planned == true)
        #expect(meeting?.place == "Washington")
    }

    @Test func plannedFromFutureMarkers() {
        let doc = Support.extract("ومن المقرر أن يعقد الجانبان اجتماعاً جديداً خلال شهر آذار الحالي.", published: "2024-03-10")
        #expect(doc.events.contains { $0.type == .meeting && $0.date == "2024-03" && $0.planned })
    }

    @Test func eventsCarryActorsAndPlace() {
        let doc = Support.extract("التقى وزير الدفاع العراقي ثابت العباسي مع لويد أوستن في واشنطن يوم الثلاثاء.", published: "2024-07-25")
        let m = doc.events.first { $0.type == .meeting }
        #expect(m?.date == "2024-07-23")
        #expect(m?.place == "Washington")
        #expect(m?.actors.contains("Thabet al-Abbasi") == true)
        #expect(m?.actors.contains("Lloyd Austin") == true)
    }

    @Test func numbersWithUnitsAndQualifiers() {
        let doc = Support.extract("ويوجد نحو 2500 عسكري أميركي، وتعرضت القوات لأكثر من 150 هجوماً، وتضم الفصائل 200 ألف مسلح في ثلاث مجاميع.")
        let found = doc.numbers.map { "\($0.qualifier ?? "-") \(Int($0.value)) \($0.unit)" }
        #expect(found == ["about 2500 troops", "more than 150 attacks", "- 200000 fighters", "- 3 working groups"])
        let en = Support.extract("About 2,500 U.S. troops remain, and at least 150 attacks were recorded.")
        #expect(en.numbers.map { "\($0.qualifier ?? "-") \(Int($0.value)) \($0.unit)" } == ["about 2500 troops", "at least 150 attacks"])
    }

    @Test func numbersWithoutUnitsAreNotReported() {
        #expect(Support.extract("صدر القرار الرقم 1483 عن المجلس.").numbers.isEmpty)
    }
}

@Suite struct EventPhrasingTests {
    @Test func imperfectAndFutureVerbsArePlanned() {
        let doc = Support.extract("ومن المتوقع أن تنسحب القوات من قاعدة عين الأسد بحلول أيلول 2025.", published: "2024-12-10")
        let w = doc.events.first { $0.type == .withdrawal }
        #expect(w?.date == "2025-09")
        #expect(w?.planned == true)
        #expect(w?.place == "Ain al-Asad Air Base")
    }

    @Test func englishTrailingSpeechVerb() {
        let doc = Support.extract("The Higher Military Commission will convene in March, the ministry announced yesterday.",
                                  published: "2024-12-10")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2024-12-09" && !$0.planned })
        #expect(doc.events.contains { $0.type == .meeting && $0.date == "2025-03" && $0.planned })
    }

    @Test func unnamedSpeakersAreNotMerged() {
        let doc = Support.extract("وقال مصدر أمني أمس إن الوضع مستقر. وقال مصدر آخر أمس إن الطرق مفتوحة.", published: "2024-12-10")
        #expect(doc.events.filter { $0.type == .statement }.count == 2)
    }

    @Test func sameEventTwiceInOneDocumentIsOneEvent() {
        let doc = Support.extract("""
            عقد الحوار يومي 22 و23 تموز 2024 في واشنطن.
            وقاد الوزيران الحوار في واشنطن يومي 22 و23 تموز 2024.
            """)
        #expect(doc.events.filter { $0.type == .meeting }.count == 1)
    }

    @Test func handoverIsTyped() {
        let doc = Support.extract("وسلمت القوات الأميركية قاعدة عين الأسد إلى الجيش العراقي في كانون الثاني 2026.", published: "2026-02-01")
        #expect(doc.events.contains { $0.type == .handover && $0.date == "2026-01" && !$0.planned })
    }
}

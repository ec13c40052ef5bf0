import IntiqalDomain
import Testing
@testable import IntiqalEvidence

@Suite struct DedupeTests {
    @Test func nearDuplicateParagraphsAreFound() {
        let texts = [
            "أعلنت وزارة الخارجية العراقية التوصل إلى اتفاق مع الولايات المتحدة لصياغة جدول زمني لإنهاء مهمة التحالف الدولي في العراق.",
            "وأعلنت وزارة الخارجية العراقية التوصل الى اتفاق مع الولايات المتحدة لصياغة جدول زمني لانهاء مهمة التحالف الدولي في العراق",
            "The weather in Erbil was mild and the markets were busy on the weekend before the holiday.",
        ]
        let pairs = NearDuplicates.pairs(texts)
        #expect(pairs.count == 1)
        #expect(pairs.first?.0 == 0 && pairs.first?.1 == 1)
        #expect(MinHash(texts[0]).similarity(MinHash(texts[2])) < 0.2)
    }

    @Test func sameEventFromThreeOutletsIsOneEventWithThreeSources() {
        let a = Support.extractor.extract(text: "أكدت الحكومة أن الجولة الأولى من الحوار عُقدت في بغداد يوم السبت.",
                                          document: "a", published: CivilDate("2024-01-29"))
        let b = Support.extractor.extract(text: "عُقدت في بغداد يوم السبت الجولة الأولى من المحادثات بين العراق والولايات المتحدة.",
                                          document: "b", published: CivilDate("2024-01-28"))
        let c = Support.extractor.extract(text: "The first round of talks was held in Baghdad on January 27, 2024.",
                                          document: "c", published: CivilDate("2024-02-01"))
        var d = Deduplicator()
        d.add(a); d.add(b); d.add(c)
        let merged = d.merged().filter { $0.type == .meeting }
        #expect(merged.count == 1)
        #expect(merged.first?.date == "2024-01-27")
        #expect(Set(merged.first?.sources.map(\.document) ?? []) == ["a", "b", "c"])
    }

    @Test func differentEventsStayApart() {
        let a = Support.extract("التقى الوزير نظيره في بغداد يوم السبت.", published: "2024-01-29")
        let b = Support.extract("التقى الوزير نظيره في أربيل يوم الأحد.", published: "2024-01-29")
        var d = Deduplicator()
        d.add(a); d.add(b)
        #expect(d.merged().count == 2)
    }
}

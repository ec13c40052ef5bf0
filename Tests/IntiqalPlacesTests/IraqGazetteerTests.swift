import IntiqalDomain
import IntiqalPlaces
import Testing

@Suite struct IraqGazetteerTests {
    let g = IraqGazetteer.bundled

    @Test func hasEighteenGovernoratesWithArabicNames() {
        #expect(g.governorates.count == 18)
        #expect(g.governorates.allSatisfy { $0.arabic != nil })
    }

    @Test func foldsTheDatasetsAndReportsSpellings() {
        #expect(g.governorate(named: "Nīnawá province")?.id == "ninewa")
        #expect(g.governorate(named: "Al Başrah  province")?.id == "basra")
        #expect(g.governorate(named: "At-Ta'mim province")?.id == "kirkuk")
        #expect(g.governorate(named: "Şalāḩ ad Dīn province")?.id == "salah-al-din")
        #expect(g.governorate(named: "Salah al-Din")?.id == "salah-al-din")
        #expect(g.district(named: "Qaḑā’ al Fallūjah", in: "anbar")?.id == "anbar/fallujah")
        #expect(g.district(named: "Falluja district", in: "anbar")?.id == "anbar/fallujah")
        #expect(g.district(named: "Qaḑā’ Tall ‘Afar", in: "ninewa")?.id == "ninewa/tal-afar")
        #expect(g.district(named: "Al Qā’im district", in: "anbar")?.id == "anbar/qaim")
        #expect(g.district(named: "Al Ba‘āj district", in: "ninewa")?.id == "ninewa/baaj")
    }

    @Test func arabicFormsMeetWithAndWithoutArticleTaMarbutaAndAlef() {
        #expect(g.place(named: "الفلوجة")?.id == "anbar/fallujah")
        #expect(g.place(named: "فلوجه")?.id == "anbar/fallujah")
        #expect(g.place(named: "قضاء القائم")?.id == "anbar/qaim")
        #expect(g.place(named: "الانبار")?.id == "anbar")
        #expect(g.place(named: "محافظة الأنبار")?.id == "anbar")
        #expect(g.place(named: "اربيل")?.id == "erbil")
    }

    @Test func aTownOfTheBorderZoneIsInTheBorderZoneWhenTheScenarioHasOne() throws {
        let regions = [Region(id: "anbar", name: .init(en: "Anbar", ar: "الأنبار")),
                       Region(id: "syria-border", name: .init(en: "Border", ar: "الحدود"), kind: .borderZone),
                       Region(id: "erbil", name: .init(en: "Erbil", ar: "أربيل"), kind: .kurdistanRegion)]
        let map = RegionMap(scenarioID: "test", regions: regions)
        #expect(map.region(of: try #require(g.place(named: "Husaybah")))?.region == "syria-border")
        #expect(map.region(of: try #require(g.place(named: "Ramadi")))?.region == "anbar")
        #expect(map.region(of: try #require(g.place(named: "Zakho")))?.region == "syria-border")
        #expect(map.region(of: try #require(g.place(named: "Sulaymaniyah")))?.region == "erbil")
        #expect(map.region(of: try #require(g.place(named: "Basra"))) == nil)
        let onlyAnbar = RegionMap(scenarioID: "test", regions: [regions[0]])
        #expect(onlyAnbar.region(of: try #require(g.place(named: "Husaybah")))?.region == "anbar")
    }

    @Test func theExampleScenarioHasAnExplicitMap() {
        let ids = ["anbar", "baghdad", "diyala", "salah-al-din", "ninewa", "erbil", "syria-border"]
        let map = RegionMap(scenarioID: "iraq-2024", regions: ids.map { Region(id: $0, name: .init(en: $0, ar: $0)) })
        #expect(map.explicit)
        #expect(map.region(of: g.place(named: "Duhok")!)?.region == "erbil")
        #expect(map.region(of: g.place(named: "Sinjar")!)?.region == "syria-border")
        #expect(map.region(of: g.place(named: "Mosul")!)?.region == "ninewa")
    }
}

import Foundation
import IntiqalDomain
import Testing

@Suite struct YearMonthTests {
    @Test(arguments: [("2024-09", 2024, 9), ("1900-01", 1900, 1), ("2200-12", 2200, 12)])
    func parsesYearDashMonth(text: String, year: Int, month: Int) {
        #expect(YearMonth(text) == YearMonth(year: year, month: month))
        #expect(YearMonth(text)?.description == text)
    }

    @Test(arguments: ["2024-13", "2024-00", "2024-1", "24-09", "2024/09", "2024-09-01", "", "1899-12", "2201-01",
                      "٢٠٢٤-٠٩", "２０２４-09", "+024-09", "2024--9"])
    func rejectsAnythingElse(text: String) {
        #expect(YearMonth(text) == nil)
    }

    @Test func arithmeticCrossesYears() {
        let sep = YearMonth(year: 2025, month: 9)
        #expect(sep.adding(months: 4) == YearMonth(year: 2026, month: 1))
        #expect(sep.adding(months: -9) == YearMonth(year: 2024, month: 12))
        #expect(sep.adding(months: 12).months(since: sep) == 12)
        #expect(YearMonth(year: 2026, month: 1).months(since: YearMonth(year: 2025, month: 9)) == 4)
        #expect(YearMonth(year: 2024, month: 1).months(since: YearMonth(year: 2024, month: 3)) == -2)
        #expect(YearMonth(ordinal: sep.ordinal) == sep)
    }

    @Test func ordersChronologically() {
        let months = ["2025-01", "2024-12", "2024-02", "2025-10"].compactMap { YearMonth($0) }
        #expect(months.sorted().map(\.description) == ["2024-02", "2024-12", "2025-01", "2025-10"])
        #expect(YearMonth(year: 2024, month: 12) < YearMonth(year: 2025, month: 1))
    }

    @Test func codesAsText() throws {
        let data = try JSONEncoder().encode([YearMonth(year: 2026, month: 3)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-03\"]")
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [YearMonth(year: 2026, month: 3)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([YearMonth].self, from: Data("[\"2026-3\"]".utf8)) }
    }
}

@Suite struct SourceRatingTests {
    @Test func parsesAdmiraltyGrades() {
        #expect(SourceRating("B2") == SourceRating(reliability: .b, credibility: 2))
        #expect(SourceRating("f6") == SourceRating(reliability: .f, credibility: 6))
        #expect(SourceRating("A1")?.description == "A1")
        #expect(SourceRating("c3")?.description == "C3")
    }

    @Test(arguments: ["G1", "A0", "A7", "A", "B22", "2B", "", "BB"])
    func rejectsOtherText(text: String) {
        #expect(SourceRating(text) == nil)
    }

    @Test func codesAsItsTwoCharacterForm() throws {
        let data = try JSONEncoder().encode([SourceRating(reliability: .d, credibility: 4)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"D4\"]")
        #expect(try JSONDecoder().decode([SourceRating].self, from: data).first?.credibility == 4)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SourceRating].self, from: Data("[\"Z9\"]".utf8)) }
    }
}

@Suite struct CommitmentTests {
    static let commitment = Commitment(
        id: "protect-advisers", parties: ["IRQ"], text: .init(en: "Protect advisers"), source: "test",
        history: [
            .init(month: YearMonth(year: 2024, month: 9), status: .full),
            .init(month: YearMonth(year: 2024, month: 1), status: .minimal),
            .init(month: YearMonth(year: 2024, month: 5), status: .intermediate),
        ])

    @Test func statusBeforeAnyChangeIsNotInitiated() {
        #expect(Self.commitment.status(in: YearMonth(year: 2023, month: 12)) == .notInitiated)
        let none = Commitment(id: "x", parties: [], text: .init(en: "x"), source: "test", history: [])
        #expect(none.status(in: YearMonth(year: 2030, month: 1)) == .notInitiated)
    }

    @Test func statusIsTheLatestChangeAtOrBeforeTheMonthWhateverTheHistorysOrder() {
        #expect(Self.commitment.status(in: YearMonth(year: 2024, month: 1)) == .minimal)
        #expect(Self.commitment.status(in: YearMonth(year: 2024, month: 4)) == .minimal)
        #expect(Self.commitment.status(in: YearMonth(year: 2024, month: 5)) == .intermediate)
        #expect(Self.commitment.status(in: YearMonth(year: 2024, month: 8)) == .intermediate)
        #expect(Self.commitment.status(in: YearMonth(year: 2030, month: 1)) == .full)
    }

    @Test func statusesAreOrderedOnThePeaceAccordsMatrixScale() {
        #expect(Commitment.Status.allCases.map(\.rawValue) == [0, 1, 2, 3])
        #expect(Commitment.Status.notInitiated < .minimal && Commitment.Status.intermediate < .full)
    }
}

@Suite struct RatingScaleTests {
    static let capability = RatingScale.defaultScale(for: .capability)   // 0–4
    static let threat = RatingScale.defaultScale(for: .threat)           // 1–5

    @Test func sameRangeIsUnchanged() {
        let other = RatingScale(factor: .capability, version: 2, minimum: 0, maximum: 4)
        #expect(Self.capability.convert(2.7, to: other) == 2.7)
    }

    @Test func convertsLinearlyEndPointsToEndPoints() {
        let ten = RatingScale(factor: .capability, version: 2, minimum: 0, maximum: 10)
        #expect(Self.capability.convert(0, to: ten) == 0)
        #expect(Self.capability.convert(4, to: ten) == 10)
        #expect(Self.capability.convert(3, to: ten) == 7.5)
        #expect(abs(ten.convert(6, to: Self.capability) - 2.4) < 1e-12)
        let zeroFour = RatingScale(factor: .threat, version: 2, minimum: 0, maximum: 4)
        #expect(Self.threat.convert(1, to: zeroFour) == 0)
        #expect(Self.threat.convert(3, to: zeroFour) == 2)
        #expect(Self.threat.convert(5, to: zeroFour) == 4)
        #expect(zeroFour.convert(2, to: Self.threat) == 3)
    }

    @Test func containsItsRangeOnly() {
        #expect(Self.threat.contains(1) && Self.threat.contains(5) && Self.threat.contains(2.5))
        #expect(!Self.threat.contains(0.99) && !Self.threat.contains(5.01))
    }

    @Test func defaultsAreThoseOfTheDesign() {
        #expect(Self.threat.minimum == 1 && Self.threat.maximum == 5)
        let requirement = RatingScale.defaultScale(for: .requirement)
        #expect(requirement.minimum == 0 && requirement.maximum == 4)
        #expect(Self.capability.minimum == 0 && Self.capability.maximum == 4)
        #expect(Self.capability.labels[4]?.en == "independent")
        #expect(Self.capability.labels[0]?.en == "not capable")
        #expect(Factor.allCases.allSatisfy { RatingScale.defaultScale(for: $0).version == 1 })
    }
}

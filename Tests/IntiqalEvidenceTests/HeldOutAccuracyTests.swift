import Foundation
import Testing
@testable import IntiqalEvidence

/// Scores the extractor on the held-out gold: 8 texts of ../shared/corpus-dev outside the development gold, annotated by
/// the same conventions after the rules were written. Its mistakes were later read for their categories (reporting verbs,
/// units, compound numbers, biographical happenings) when rules for those were written from the language, so it is no
/// longer fully blind (`BlindAccuracyTests` is). Its floors sit just under the measured figures and guard against
/// regressions; they are not targets.
@Suite struct HeldOutAccuracyTests {
    static func gold(_ name: String) throws -> GoldFile {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
    }

    @Test func heldOutGoldHasEightTextsTwoEnglishNoneOfTheDevelopmentGold() throws {
        let heldOut = try Self.gold("heldout-gold"), dev = try Self.gold("dev-gold")
        #expect(heldOut.documents.count >= 8)
        #expect(heldOut.documents.filter { $0.language == "en" }.count >= 2)
        #expect(Set(heldOut.documents.map(\.file)).isDisjoint(with: dev.documents.map(\.file)))
        #expect(Set(heldOut.documents.map(\.file)).count == heldOut.documents.count)
    }

    @Test func heldOutGoldHoldsNoCorpusTextAndItsOffsetsLieInsideTheTexts() throws {
        let url = try #require(Bundle.module.url(forResource: "heldout-gold", withExtension: "json", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        guard let dir = Support.corpusDevDirectory else { return }
        for d in try Self.gold("heldout-gold").documents {
            let body = try String(contentsOfFile: (dir as NSString).appendingPathComponent(d.file), encoding: .utf8)
            for line in body.split(separator: "\n") where line.count >= 24 {
                #expect(!text.contains(String(line.prefix(24))), "\(d.file) text found in the gold")
            }
            let n = body.unicodeScalars.count
            for e in d.events { #expect(0 <= e.start && e.start < e.end && e.end <= n, "\(d.file) event at \(e.start)") }
            for x in d.numbers { #expect(0 <= x.start && x.start < x.end && x.end <= n, "\(d.file) number at \(x.start)") }
        }
    }

    @Test func accuracyOnTheHeldOutTextsPerLanguage() throws {
        guard let dir = Support.corpusDevDirectory else {
            print("HeldOutAccuracyTests: ../shared/corpus-dev not found next to the package; skipping the accuracy test")
            return
        }
        let gold = try Self.gold("heldout-gold")
        let (_, results) = Scorer.run(gold: gold, directory: dir, extractor: Support.extractor)
        let reports = Scorer.scoreByLanguage(gold: gold, results: results)
        for (language, report) in reports.sorted(by: { $0.key < $1.key }) { print("Accuracy on held-out texts (\(language)):\n\(report)") }
        for mistake in Scorer.dayDateMistakes(gold: gold, results: results) { print("wrong day-date: \(mistake)") }
        let floors: [String: DevGoldFloors.Floor] = [
            "ar": .init(eventF1: 0.50, dayPrecision: 0.90, numberRecall: 0.70),
            "en": .init(eventF1: 0.50, dayPrecision: 0.80, numberRecall: 0.75),
        ]
        for (language, floor) in floors {
            let r = try #require(reports[language])
            #expect(r.events.f1 >= floor.eventF1, "\(language) dated-event F1")
            #expect(r.daysToTheDay.precision >= floor.dayPrecision, "\(language) day-date precision")
            #expect(r.numbers.recall >= floor.numberRecall, "\(language) number recall")
        }
    }
}

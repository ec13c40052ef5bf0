import Foundation
import Testing
@testable import IntiqalEvidence

/// The checks every hand gold of ../shared/corpus-dev other than the development gold gets: it
/// holds facts and offsets only (no corpus text), its offsets lie inside the texts, and the
/// reader's scores per language stay at or above floors just under those measured.
enum GoldSetChecks {
    static func gold(_ name: String) throws -> GoldFile {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
    }

    static func holdsNoCorpusTextAndItsOffsetsLieInsideTheTexts(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        guard let dir = Support.corpusDevDirectory else { return }
        for d in try gold(name).documents {
            let body = try String(contentsOfFile: (dir as NSString).appendingPathComponent(d.file), encoding: .utf8)
            for line in body.split(separator: "\n") where line.count >= 24 {
                #expect(!text.contains(String(line.prefix(24))), "\(d.file) text found in the gold")
            }
            let n = body.unicodeScalars.count
            for e in d.events { #expect(0 <= e.start && e.start < e.end && e.end <= n, "\(d.file) event at \(e.start)") }
            for x in d.numbers { #expect(0 <= x.start && x.start < x.end && x.end <= n, "\(d.file) number at \(x.start)") }
        }
    }

    /// Scores `name` per language, prints the reports and every wrong day-date, and checks `floors`.
    static func accuracy(_ name: String, label: String, floors: [String: DevGoldFloors.Floor]) throws {
        guard let dir = Support.corpusDevDirectory else {
            print("\(label): ../shared/corpus-dev not found next to the package; skipping the accuracy test")
            return
        }
        let gold = try gold(name)
        let (_, results) = Scorer.run(gold: gold, directory: dir, extractor: Support.extractor)
        let reports = Scorer.scoreByLanguage(gold: gold, results: results)
        for (language, report) in reports.sorted(by: { $0.key < $1.key }) { print("Accuracy on \(label) (\(language)):\n\(report)") }
        for mistake in Scorer.dayDateMistakes(gold: gold, results: results) { print("wrong day-date: \(mistake)") }
        for (language, floor) in floors {
            let r = try #require(reports[language])
            #expect(r.events.f1 >= floor.eventF1, "\(language) dated-event F1")
            #expect(r.daysToTheDay.precision >= floor.dayPrecision, "\(language) day-date precision")
            #expect(r.numbers.recall >= floor.numberRecall, "\(language) number recall")
        }
    }
}

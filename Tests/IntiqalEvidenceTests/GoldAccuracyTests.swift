import Foundation
import Testing
@testable import IntiqalEvidence

/// Scores the extractor on the five seed articles against the hand-made gold file (facts and offsets only).
@Suite struct GoldAccuracyTests {
    static func gold() throws -> GoldFile {
        let url = try #require(Bundle.module.url(forResource: "gold", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
    }

    @Test func goldHoldsNoArticleText() throws {
        let url = try #require(Bundle.module.url(forResource: "gold", withExtension: "json", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
    }

    @Test func accuracyOnTheSeedArticles() throws {
        guard let dir = Support.seedsDirectory else {
            print("GoldAccuracyTests: ../shared/seeds not found next to the package; skipping the accuracy test")
            return
        }
        let gold = try Self.gold()
        let (report, _) = Scorer.run(gold: gold, directory: dir, extractor: Support.extractor)
        print("Accuracy on the seed articles:\n\(report)")
        // Thresholds slightly below the measured figures (see docs/evidence.md).
        #expect(report.events.f1 >= 0.85)
        #expect(report.events.precision >= 0.85)
        #expect(report.dates.precision >= 0.93)
        #expect(report.numbers.f1 >= 0.95)
    }
}

import Foundation
import Testing
@testable import IntiqalEvidence

@Suite struct GazetteerTests {
    private func names(_ text: String) -> [String] {
        Support.extract(text).entities.map(\.name)
    }

    @Test func spellingVariantsMapToOneName() {
        #expect(names("قالت رومانوسكي إن الحوار مستمر.") == ["Alina Romanowski"])
        #expect(names("قالت رومانسكي إن الحوار مستمر.") == ["Alina Romanowski"])
        #expect(names("Ambassador Romanowski said the talks continue.") == ["Alina Romanowski"])
    }

    @Test func attachedCliticsAreMatched() {
        #expect(names("والسوداني") == ["Mohammed Shia al-Sudani"])
        #expect(names("بالعراق") == ["Iraq"])
        #expect(names("للتحالف") == ["Global Coalition to Defeat ISIS"])
        #expect(names("وبغداد") == ["Baghdad"])
        #expect(names("فواشنطن") == ["Washington"])
    }

    @Test func wordsThatStartLikeCliticsAreNotStripped() {
        // "بغداد" begins with ب, "لبنان"-like names with ل: the whole word is tried first.
        #expect(names("بغداد") == ["Baghdad"])
    }

    @Test func longestNameWins() {
        #expect(names("قال جهاز مكافحة الإرهاب إن العملية نجحت.") == ["Counter-Terrorism Service"])
        #expect(names("التقى محمد شياع السوداني السفيرة.") == ["Mohammed Shia al-Sudani"])
    }

    @Test func mentionsCarryOffsets() {
        let text = "وصل الوزير إلى بغداد ثم إلى أربيل."
        let doc = Support.extract(text)
        let scalars = Array(text.unicodeScalars)
        let baghdad = doc.entities.first { $0.name == "Baghdad" }
        #expect(baghdad?.kind == .place)
        if let m = baghdad?.mentions.first {
            #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == "بغداد")
        }
    }

    @Test func gazetteerIsAValidDataFile() throws {
        let g = Gazetteer.bundled
        #expect(g.entries.count > 50)
        #expect(Set(g.entries.map(\.kind)) == Set(EntityKind.allCases))
    }

    @Test func badGazetteerFileNamesTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-gazetteer-\(UInt32.random(in: 0...UInt32.max)).json")
        try Data(#"{"version":1,"entities":[{"name":"X","aliases":[]}]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try Gazetteer(contentsOf: url)
        } throws: { error in
            "\(error)".contains("kind") && "\(error)".contains(url.lastPathComponent)
        }
    }
}

import Foundation
import Testing
@testable import IntiqalStorage

/// `intiqal notes …`, `intiqal plan --workspace W --save NAME`, and `intiqal import` through the
/// commission's use cases.
@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct NotesCLITests {
    @Test func notesSavedPlansAndTheImportRule() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal")
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        let saved = try intiqal("plan", "--workspace", w, "--save", "draft", "--risk-runs", "0", "--format", "json", "--by", "amira")
        #expect(saved.0 == 0 && saved.2.contains("saved the conditions plan as 'draft'") && saved.2.contains("JOINT"), "\(saved.2)")
        let plans = try intiqal("notes", "plans", "--workspace", w)
        #expect(plans.0 == 0 && plans.1.contains("\"draft\"") && plans.1.contains("amira"))
        let added = try intiqal("notes", "add", "--workspace", w, "--entity", "commitment", "--id", "protect-advisers",
                                "--text", "see the May report", "--marking", "REL IRQ")
        #expect(added.0 == 0 && added.1.contains("(REL IRQ)"), "\(added)")
        let missing = try intiqal("notes", "add", "--workspace", w, "--entity", "commitment", "--id", "no-such", "--text", "x")
        #expect(missing.0 == 1 && missing.2.contains("no such record"))
        let badKind = try intiqal("notes", "add", "--workspace", w, "--entity", "region", "--id", "anbar", "--text", "x")
        #expect(badKind.0 == 1 && badKind.2.contains("--entity"))
        let listed = try intiqal("notes", "list", "--workspace", w, "--entity", "commitment", "--id", "protect-advisers")
        #expect(listed.0 == 0 && listed.1.contains("see the May report"))
        // The import's rule is the use case's: an analyst may not import.
        #expect(try intiqal("users", "add", "--workspace", w, "--name", "root", "--party", "IRQ", "--role", "admin").0 == 0)
        #expect(try intiqal("users", "add", "--workspace", w, "--by", "root", "--name", "ana", "--party", "USA", "--role", "analyst").0 == 0)
        let refused = try intiqal("import", w, "iraq-2024", "--by", "ana")
        #expect(refused.0 == 1 && refused.2.contains("may not administer"), "\(refused)")
        #expect(try intiqal("import", w, "iraq-2024", "--by", "root").0 == 0)
    }
}

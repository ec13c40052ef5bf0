import Foundation
import GRDB
import IntiqalDomain
import IntiqalScenario
import Testing
@testable import IntiqalStorage

@Suite struct MarkingMigrationTests {
    /// A workspace written before markings: the rows of a full store with the v2 and v3
    /// migrations taken off again, as an older Intiqal left it.
    static func olderWorkspace() throws -> String {
        let path = TempDir().path("old.intiqal")
        let store = try SQLiteWorkspaceStore(path: path, create: true, now: fixedClock())
        try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
        try store.addEvidence(file: "r.txt", sha256: "00", items: [("event", "{}")], actor: "setup")
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TABLE api_token; DROP TABLE session; DROP TABLE sign_in_failure;
                ALTER TABLE user DROP COLUMN password_hash; ALTER TABLE user DROP COLUMN totp_secret;
                ALTER TABLE assessment DROP COLUMN marking; ALTER TABLE evidence_document DROP COLUMN marking;
                ALTER TABLE evidence_item DROP COLUMN marking; ALTER TABLE audit DROP COLUMN marking;
                ALTER TABLE ledger_entry DROP COLUMN marking;
                DELETE FROM grdb_migrations WHERE identifier IN ('v2-markings', 'v3-sign-in', 'v4-api-tokens');
                PRAGMA user_version = 1;
                """)
        }
        try raw.close()
        return path
    }

    @Test func anOlderWorkspacesRecordsBecomeJointOnUpgrade() throws {
        let path = try Self.olderWorkspace()
        let unreadable = #expect(throws: StorageError.self) { try SQLiteWorkspaceStore(path: path, readOnly: true) }
        #expect(unreadable?.needsUpgrade == true)
        let store = try SQLiteWorkspaceStore(path: path)
        let history = try store.assessmentHistory()
        #expect(!history.isEmpty && history.allSatisfy { $0.marking == .joint })
        #expect(try store.evidenceItems().allSatisfy { $0.marking == .joint })
        #expect(try store.auditLog().allSatisfy { $0.marking == .joint })
        // JOINT: the commission's parties read them, a partner outside it does not.
        #expect(try store.assessmentHistory(readableBy: MarkingReader(party: "USA", commission: ["IRQ", "USA"])).count == history.count)
        #expect(try store.assessmentHistory(readableBy: MarkingReader(party: "GBR", commission: ["IRQ", "USA"])).isEmpty)
    }

    @Test func anExportKeepsMarkingsAndAnOlderExportReadsAsJoint() throws {
        let store = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
        let rating = Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: 1),
                                value: 2, scale: ScaleReference(factor: .capability, version: 1))
        _ = try store.transaction { try $0.recordAssessments([rating], marking: .rel(["IRQ"]), actor: "setup") }
        let export = try store.exportWorkspace()
        let copy = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        try copy.importWorkspace(export)
        #expect(try copy.exportWorkspace() == export)
        #expect(try copy.assessmentHistory().last?.marking == .rel(["IRQ"]))
        // The same export as an Intiqal before markings wrote it: no "marking" anywhere.
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(export)) as? [String: Any])
        for list in ["assessments", "evidenceItems", "audit"] {
            object[list] = (object[list] as? [[String: Any]] ?? []).map { var row = $0; row["marking"] = nil; return row }
        }
        let older = try JSONDecoder().decode(WorkspaceExport.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.assessments.allSatisfy { $0.marking == .joint })
    }
}

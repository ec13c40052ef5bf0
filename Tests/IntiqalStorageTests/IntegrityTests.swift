import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// A workspace with keys, a decision and both signatures in its ledger.
func signedWorkspace(_ store: any WorkspaceStore) throws {
    try store.importScenario(try example(), actor: "sec")
    let book = DecisionBook(store: store)
    let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
    try registerCoChairs(book, irq, usa)
    let d = try book.propose(DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-03"), actor: "sec")
    try book.sign(seq: d.seq, key: irq, actor: "irq")
    try book.sign(seq: d.seq, key: usa, actor: "usa")
}

@Suite struct IntegrityTests {
    @Test func handEditOfALedgerRowIsCaught() throws {
        let dir = TempDir()
        let path = dir.path("w.intiqal")
        try signedWorkspace(try SQLiteWorkspaceStore(path: path, create: true))
        let edits = [
            "UPDATE ledger_entry SET body = replace(body, 'anbar', 'ninewa') WHERE seq = 5",
            "UPDATE ledger_entry SET hash = (CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(hash, 2) WHERE seq = 4",
            "UPDATE ledger_entry SET prev_hash = substr(prev_hash, 1, 63) || (CASE WHEN substr(prev_hash, 64) = 'f' THEN 'e' ELSE 'f' END) WHERE seq = 2",
            "UPDATE ledger_entry SET body = replace(body, '\"signature\":\"', '\"signature\":\"A') WHERE seq = 7",
            "DELETE FROM ledger_entry WHERE seq = 4",
            "UPDATE ledger_entry SET kind = 'key' WHERE seq = 3",
            "UPDATE ledger_entry SET hash = 12345 WHERE seq = 2",
            "UPDATE ledger_entry SET body = X'FF00FE' WHERE seq = 4",
            "UPDATE ledger_entry SET body = '', kind = 7 WHERE seq = 5",
            "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) SELECT 9, kind, prev_hash, hash, body FROM ledger_entry WHERE seq = 7",
        ]
        for (i, sql) in edits.enumerated() {
            let copy = dir.path("copy\(i).intiqal")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let raw = try DatabaseQueue(path: copy)
            try raw.write { try $0.execute(sql: sql) }
            try raw.close()
            let report = try DecisionBook(store: try SQLiteWorkspaceStore(path: copy)).verify()
            #expect(!report.ok, "\(sql)")
            #expect(report.failure.map { (2...9).contains($0.seq) } == true, "\(sql): \(String(describing: report.failure))")
        }
        #expect(try DecisionBook(store: try SQLiteWorkspaceStore(path: path)).verify().ok)
    }

    @Test func newerSchemaIsRefusedWithAClearMessage() throws {
        let path = TempDir().path("w.intiqal")
        _ = try SQLiteWorkspaceStore(path: path, create: true)
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future')") }
        try raw.close()
        #expect { try SQLiteWorkspaceStore(path: path) } throws: { error in
            (error as? StorageError)?.isNewerSchema == true && "\(error)".contains("newer Intiqal")
        }
    }

    @Test func secondWriterGetsBusyNotCorruption() throws {
        let path = TempDir().path("w.intiqal")
        let a = try SQLiteWorkspaceStore(path: path, create: true)
        try a.importScenario(try example(), actor: "sec")
        let b = try SQLiteWorkspaceStore(path: path, busyTimeout: 0.05)
        let rating = Assessment(party: "IRQ", factor: .threat, region: "anbar", capability: nil, month: YearMonth(year: 2025, month: 2),
                                value: 2, trend: .falling, scale: ScaleReference(factor: .threat, version: 1))
        try a.writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect { try b.recordAssessments([rating], actor: "b") } throws: { error in
                (error as? StorageError)?.isBusy == true && "\(error)".contains("busy, try again")
            }
            try db.execute(sql: "ROLLBACK")
        }
        try b.recordAssessments([rating], actor: "b")
        #expect(try a.assessmentHistory().last?.assessment == rating)
    }

    @Test func wrongTypesWrittenByHandDoNotCrash() throws {
        let dir = TempDir()
        let path = dir.path("w.intiqal")
        try signedWorkspace(try SQLiteWorkspaceStore(path: path, create: true))
        for (i, sql) in ["UPDATE assessment SET value = 'abc' WHERE id = 3", "UPDATE assessment SET party = 42 WHERE id = 5",
                         "UPDATE audit SET actor = X'00ff' WHERE id = 2", "UPDATE user SET party = 1"].enumerated() {
            let copy = dir.path("copy\(i).intiqal")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let raw = try DatabaseQueue(path: copy)
            try raw.write { try $0.execute(sql: sql) }
            try raw.close()
            let store = try SQLiteWorkspaceStore(path: copy)
            _ = try? store.scenario()
            _ = try? store.exportWorkspace()
            _ = try? store.auditLog()
        }
        // Reaching here is the point: no trap. (SQLite reads 'abc' in a REAL column as 0; a rating
        // changed by hand is not ledger-protected, but the audit log and history keep the original.)
        #expect(try DecisionBook(store: try SQLiteWorkspaceStore(path: path)).verify().ok)
    }

    @Test func createIsAllOrNothingAndLeavesNoTemporaryFiles() throws {
        let dir = TempDir()
        let path = dir.path("w.intiqal")
        try SQLiteWorkspaceStore.create(path: path, scenario: try example(), actor: "init")
        #expect(try SQLiteWorkspaceStore(path: path).scenario().assessments.count == (try example().assessments.count))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("creating") }.isEmpty)
        #expect(throws: StorageError.self) { try SQLiteWorkspaceStore.create(path: path, scenario: nil, actor: "init") }
    }

    @Test func notAWorkspaceIsRefused() throws {
        let dir = TempDir()
        let path = dir.path("junk")
        try Data("this is not sqlite, not at all; just text padded out to more than a page".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.self) { try SQLiteWorkspaceStore(path: path) }
        #expect(throws: StorageError.self) { try SQLiteWorkspaceStore(path: dir.path("missing")) }
    }
}

import Foundation
import GRDB
import IntiqalDomain
import IntiqalScenario
import Testing
@testable import IntiqalStorage

@Suite struct IncidentMigrationTests {
    /// A workspace as schema 4 left it: incidents as JSON rows only.
    static func schema4Workspace() throws -> String {
        let path = TempDir().path("v4.intiqal")
        let store = try SQLiteWorkspaceStore(path: path, create: true, now: fixedClock())
        try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TABLE incident_source; DROP INDEX incident_slot;
                ALTER TABLE incident DROP COLUMN region; ALTER TABLE incident DROP COLUMN kind; ALTER TABLE incident DROP COLUMN day;
                ALTER TABLE incident DROP COLUMN date_precision; ALTER TABLE incident DROP COLUMN place;
                ALTER TABLE incident DROP COLUMN place_precision; ALTER TABLE incident DROP COLUMN marking;
                ALTER TABLE incident DROP COLUMN created_at; ALTER TABLE incident DROP COLUMN created_by;
                DELETE FROM grdb_migrations WHERE identifier = 'v5-incidents';
                PRAGMA user_version = 4;
                """)
        }
        try raw.close()
        return path
    }

    @Test func existingIncidentsBecomeJointRecordsWithTheirScenarioSource() throws {
        let path = try Self.schema4Workspace()
        let unreadable = #expect(throws: StorageError.self) { try SQLiteWorkspaceStore(path: path, readOnly: true) }
        #expect(unreadable?.needsUpgrade == true)
        let store = try SQLiteWorkspaceStore(path: path)
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        let records = try store.incidents(readableBy: .fileHolder)
        #expect(records.map(\.incident) == scenario.incidents)
        #expect(records.allSatisfy { $0.marking == .joint && $0.sources.count == 1 && $0.sources[0].kind == .scenario })
        #expect(records.map { $0.sources[0].reference } == scenario.incidents.map(\.source))
        #expect(try store.incidents(readableBy: MarkingReader(party: "USA", commission: ["IRQ", "USA"])).count == records.count)
        #expect(try store.incidents(readableBy: MarkingReader(party: "GBR", commission: ["IRQ", "USA"])).isEmpty)
        // The merge columns were filled from the JSON.
        let raw = try DatabaseQueue(path: path)
        let days = try raw.read { try Int.fetchAll($0, sql: "SELECT day FROM incident ORDER BY id") }
        #expect(days == scenario.incidents.map { CivilDate($0.date)!.dayNumber })
        try raw.close()
        // And the risk model of a party outside the commission sees none of them.
        #expect(try store.scenario(readableBy: MarkingReader(party: "GBR", commission: ["IRQ", "USA"])).incidents.isEmpty)
    }

    @Test func aFullExportKeepsIncidentsSourcesAndMarkings() throws {
        let store = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
        _ = try store.transaction { tx in
            try tx.addIncident(NewIncident(incident: Incident(date: "2025-03-03", region: "anbar", kind: .attack), datePrecision: .day,
                                           place: "anbar/ramadi", placePrecision: "district", marking: .rel(["USA"]),
                                           source: NewIncidentSource(kind: .dataset, dataset: "acled", key: "acled:X1", file: "f.csv", line: 2,
                                                                     provenance: "{}")), actor: "t")
        }
        let export = try store.exportWorkspace()
        let copy = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        try copy.importWorkspace(export)
        #expect(try copy.incidents(readableBy: .fileHolder) == store.incidents(readableBy: .fileHolder))
        #expect(try copy.exportWorkspace() == export)
    }
}

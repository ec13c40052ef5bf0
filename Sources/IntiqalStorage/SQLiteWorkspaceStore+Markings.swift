import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

/// Reads for a viewer (DESIGN §7): only records whose marking the reader may read; a record it
/// may not read is as absent as one that does not exist.
extension SQLiteWorkspaceStore {
    public func commissionParties() throws -> Set<String> {
        try read { db in try commissionParties(db) }
    }

    func commissionParties(_ db: Database) throws -> Set<String> {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM entity WHERE kind = 'policy'") else { return [] }
        return Set(try decodeJSON(Policy.self, json, what: "policy").ratingParties)
    }

    public func scenario(readableBy reader: MarkingReader) throws -> Scenario {
        guard !reader.readsEverything else { return try scenario() }
        return try markedScenario(readableBy: reader).scenario
    }

    public func markedScenario(readableBy reader: MarkingReader) throws -> MarkedScenario {
        let commission = reader.readsEverything ? try commissionParties() : reader.commission
        return try read { db in
            let (structure, structureMarkings) = try structure(db, reader: reader)
            guard var scenario = structure else {
                throw StorageError.notFound("\(location): the workspace holds no scenario yet (use `intiqal import \(location) SCENARIO`)")
            }
            var markings = structureMarkings
            let all = try Row.fetchAll(db, sql: "SELECT \(Self.assessmentColumns) FROM assessment a ORDER BY a.id").map(Self.assessmentRecord)
            let current: [AssessmentRecord]
            if reader.readsEverything {
                let superseded = Set(all.compactMap(\.supersedes))
                current = all.filter { !superseded.contains($0.id) }
            } else {
                current = Self.current(all.filter { reader.mayRead($0.marking) })
            }
            scenario.assessments = current.map(\.assessment)
            markings += current.map(\.marking)
            for r in try Self.resolutionRows(db) where reader.mayRead(r.marking) {
                scenario.resolutions.append(r.resolution)
                markings.append(r.marking)
            }
            scenario.commitments = try commitmentRecords(db, reader: reader).map { r in
                markings.append(r.marking)
                markings += r.statuses.map(\.marking)
                var c = r.commitment
                c.history = r.statuses.map(\.change)
                return c
            }
            // Incidents the reader may read (from scenario files, evidence and datasets), and their markings.
            scenario.incidents = []
            for row in try Row.fetchAll(db, sql: "SELECT json, marking FROM incident ORDER BY id") {
                let marking = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
                guard reader.mayRead(marking) else { continue }
                scenario.incidents.append(try decodeJSON(Incident.self, try row.decode(forColumn: "json"), what: "incident"))
                markings.append(marking)
            }
            return MarkedScenario(scenario: scenario, marking: Self.combined(markings, commission: commission))
        }
    }

    /// The marking of a product made from records so marked: readable by those who read them all.
    package static func combined(_ markings: [Marking], commission: Set<String>) -> Marking {
        var out = Marking.public
        for m in Set(markings) { out = out.combined(with: m, commission: commission) }
        return out
    }

    static func resolutionRows(_ db: Database) throws -> [(id: Int64, resolution: Resolution, marking: Marking)] {
        try Row.fetchAll(db, sql: "SELECT id, json, marking FROM resolution ORDER BY id").map { row in
            (try row.decode(forColumn: "id"), try decodeJSON(Resolution.self, try row.decode(forColumn: "json"), what: "resolution"),
             Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([]))
        }
    }

    /// Commitments `reader` may read, each with the status changes it may read.
    func commitmentRecords(_ db: Database, reader: MarkingReader) throws -> [CommitmentRecord] {
        // A change of a commitment the reader may not read is not readable either (the export filters them so too).
        let statuses = Dictionary(grouping: try commitmentHistory(db).filter { reader.mayRead($0.marking) }, by: \.commitment)
        return try Row.fetchAll(db, sql: "SELECT id, json, marking FROM commitment ORDER BY position, id").compactMap { row in
            let marking = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
            guard reader.mayRead(marking) else { return nil }
            let c = try decodeJSON(Commitment.self, try row.decode(forColumn: "json"), what: "commitment")
            return CommitmentRecord(commitment: c, marking: marking, statuses: statuses[c.id] ?? [])
        }
    }

    public func commitmentRecords(readableBy reader: MarkingReader) throws -> [CommitmentRecord] {
        try read { db in try commitmentRecords(db, reader: reader) }
    }

    public func evidenceDocuments(readableBy reader: MarkingReader) throws -> [EvidenceDocumentRecord] {
        try read { db in
            try EvidenceDocumentRow.order(EvidenceDocumentRow.Columns.id).fetchAll(db).map(\.record).filter { reader.mayRead($0.marking) }
        }
    }

    public func notes(readableBy reader: MarkingReader) throws -> [NoteRecord] {
        try read { db in try Self.notes(db).filter { reader.mayRead($0.marking) } }
    }

    static func notes(_ db: Database) throws -> [NoteRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM note ORDER BY id").map { row in
            NoteRecord(id: try row.decode(forColumn: "id"), entity: try row.decode(forColumn: "entity"), entityID: try row.decode(forColumn: "entity_id"),
                       text: try row.decode(forColumn: "text"), writtenAt: try row.decode(forColumn: "written_at"),
                       writtenBy: try row.decode(forColumn: "written_by"), marking: Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([]))
        }
    }

    public func savedPlans(readableBy reader: MarkingReader) throws -> [SavedPlanRecord] {
        try read { db in try Self.savedPlans(db).filter { reader.mayRead($0.marking) } }
    }

    static func savedPlans(_ db: Database) throws -> [SavedPlanRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM saved_plan ORDER BY id").map(savedPlan)
    }

    static func savedPlan(_ row: Row) throws -> SavedPlanRecord {
        SavedPlanRecord(id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"), mode: try row.decode(forColumn: "mode"),
                        plan: try row.decode(forColumn: "plan"), savedAt: try row.decode(forColumn: "saved_at"),
                        savedBy: try row.decode(forColumn: "saved_by"), marking: Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([]))
    }

    /// Per slot (party, group, subject, month), the latest of `records` (ordered oldest first).
    package static func current(_ records: [AssessmentRecord]) -> [AssessmentRecord] {
        struct Slot: Hashable { var party: String; var subject: RatingSubject; var month: YearMonth }
        var latest: [Slot: Int] = [:]
        for (i, r) in records.enumerated() {
            latest[Slot(party: r.assessment.party, subject: r.assessment.subject, month: r.assessment.month)] = i
        }
        return latest.values.sorted().map { records[$0] }
    }

    public func assessmentHistory(readableBy reader: MarkingReader) throws -> [AssessmentRecord] {
        try assessmentHistory().filter { reader.mayRead($0.marking) }
    }

    public func auditLog(readableBy reader: MarkingReader) throws -> [AuditRecord] {
        try auditLog().filter { reader.mayRead($0.marking) }
    }

    public func evidenceItems(readableBy reader: MarkingReader) throws -> [EvidenceItemRecord] {
        try evidenceItems().filter { reader.mayRead($0.marking) }
    }

    public func ledgerEntries(readableBy reader: MarkingReader) throws -> [LedgerEntry] {
        try read { db in
            let markings = try String.fetchAll(db, sql: "SELECT marking FROM ledger_entry ORDER BY seq")
            let entries = try Self.ledgerEntries(db)
            return zip(entries, markings).filter { reader.mayRead(Marking($0.1) ?? .rel([])) }.map(\.0)
        }
    }
}

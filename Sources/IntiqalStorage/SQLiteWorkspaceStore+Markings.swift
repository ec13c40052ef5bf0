import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

/// Reads for a viewer (DESIGN §7): only records whose marking the reader may read; a record it
/// may not read is as absent as one that does not exist.
extension SQLiteWorkspaceStore {
    public func commissionParties() throws -> Set<String> {
        try read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT json FROM entity WHERE kind = 'policy'") else { return [] }
            return Set(try decodeJSON(Policy.self, json, what: "policy").ratingParties)
        }
    }

    public func scenario(readableBy reader: MarkingReader) throws -> Scenario {
        var scenario = try scenario()
        guard !reader.readsEverything else { return scenario }
        scenario.assessments = Self.current(try assessmentHistory(readableBy: reader)).map(\.assessment)
        scenario.incidents = try read { db in try Self.scenarioIncidents(db, readableBy: reader) }
        return scenario
    }

    /// Per slot (party, group, subject, month), the latest of `records` (ordered oldest first).
    static func current(_ records: [AssessmentRecord]) -> [AssessmentRecord] {
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

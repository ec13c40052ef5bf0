import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalStorage

/// A commitment as a viewer may read it: its marking, and the status changes it may read (each
/// marked; those made by binding decisions are `JOINT`, the ledger's marking, with `ledger:N`
/// as their source).
public struct CommitmentReport: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        /// The stored change's id; `nil` for a change made by a binding decision.
        public var id: Int64?
        public var month: YearMonth
        public var status: Commitment.Status
        public var note: String?
        public var source: String?
        public var recordedAt: String?
        public var recordedBy: String?
        public var marking: Marking
    }

    public var id: String
    public var parties: [String]
    public var text: LocalizedText
    public var source: String
    public var marking: Marking
    public var history: [Change]
}

extension Commission {
    // MARK: Commitments

    /// Commitments the viewer may read, with the status changes it may read.
    public func commitments(for viewer: Viewer) throws -> [CommitmentReport] {
        let reader = try run { try self.reader(viewer) }
        let records = try run { try store.commitmentRecords(readableBy: reader) }
        // With the effects of binding decisions (for readers of the joint record): appended after the stored changes.
        let effective = Dictionary(uniqueKeysWithValues: try markedScenario(for: viewer).scenario.commitments.map { ($0.id, $0.history) })
        return records.map { r in
            var history = r.statuses.map {
                CommitmentReport.Change(id: $0.id, month: $0.change.month, status: $0.change.status, note: $0.change.note, source: $0.change.source,
                                        recordedAt: $0.recordedAt, recordedBy: $0.recordedBy, marking: $0.marking)
            }
            for change in (effective[r.commitment.id] ?? []).dropFirst(r.statuses.count) {
                history.append(.init(id: nil, month: change.month, status: change.status, note: change.note, source: change.source,
                                     recordedAt: nil, recordedBy: nil, marking: .joint))
            }
            return CommitmentReport(id: r.commitment.id, parties: r.commitment.parties, text: r.commitment.text, source: r.commitment.source,
                                    marking: r.marking, history: history)
        }
    }

    /// One commitment; one the viewer may not read is not found.
    public func commitment(id: String, for viewer: Viewer) throws -> CommitmentReport {
        guard let c = try commitments(for: viewer).first(where: { $0.id == id }) else {
            throw CommissionError.notFound("commitment \(id): no such commitment")
        }
        return c
    }

    /// Records a commitment's status change (secretariat, admin) with its marking (default `JOINT`).
    public func recordCommitmentStatus(commitment id: String, change: Commitment.StatusChange, marking: Marking = .joint,
                                       by viewer: Viewer) throws {
        let reader = try run { try self.reader(viewer) }
        try run {
            try store.transaction { tx in
                guard let m = try tx.marking(of: "commitment", id: id), reader.mayRead(m) else {
                    throw CommissionError.notFound("commitment \(id): no such commitment")
                }
                try Self.authorize(tx, viewer.name, [.administer])
                try tx.recordCommitmentStatus(commitment: id, change: change, marking: marking, actor: viewer.name)
            }
        }
    }

    /// Changes the marking of a site (with its teams and headcounts) or a commitment
    /// (administrators and the secretariat); what speaks of the record (its audit rows, notes,
    /// status changes, phases naming a site) is narrowed with it. One the viewer may not read is
    /// not found.
    public func setMarking(entity: String, id: String, _ marking: Marking, by viewer: Viewer) throws {
        guard ["site", "commitment"].contains(entity) else { throw CommissionError.invalid(field: "entity", "site or commitment") }
        let reader = try run { try self.reader(viewer) }
        try run {
            try store.transaction { tx in
                guard let m = try tx.marking(of: entity, id: id), reader.mayRead(m) else {
                    throw CommissionError.notFound("\(entity) \(id): no such record")
                }
                try Self.authorize(tx, viewer.name, [.administer])
                try tx.setMarking(of: entity, id: id, marking, actor: viewer.name)
            }
        }
    }

    // MARK: Evidence documents

    /// Evidence documents the viewer may read.
    public func evidenceDocuments(for viewer: Viewer) throws -> [EvidenceDocumentRecord] {
        try run { try store.evidenceDocuments(readableBy: try reader(viewer)) }
    }

    /// One document and its items the viewer may read; a document it may not read is not found.
    public func evidenceDocument(id: Int64, for viewer: Viewer) throws -> (document: EvidenceDocumentRecord, items: [EvidenceItemRecord]) {
        guard let document = try evidenceDocuments(for: viewer).first(where: { $0.id == id }) else {
            throw CommissionError.notFound("evidence document \(id): no such document")
        }
        return (document, try evidenceItems(for: viewer).filter { $0.documentID == id })
    }

    // MARK: Notes

    /// Adds a note on a record the viewer may read. Its marking is what the author chose
    /// (default `REL` the author's party), narrowed to the record's readers: a note never
    /// reaches someone who may not read what it is about. A record the viewer may not read is
    /// not found. Any registered user may write notes.
    public func addNote(entity: String, id: String, text: String, marking chosen: Marking?, by viewer: Viewer) throws -> NoteRecord {
        guard NoteRecord.entities.contains(entity) else {
            throw CommissionError.invalid(field: "entity", "one of \(NoteRecord.entities.sorted().joined(separator: ", "))")
        }
        guard !id.isEmpty, id.count <= 200 else { throw CommissionError.invalid(field: "id", "1 to 200 characters") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 4_000 else {
            throw CommissionError.invalid(field: "text", "1 to 4,000 characters, not only spaces")
        }
        let reader = try run { try self.reader(viewer) }
        let commission = try run { try store.commissionParties() }
        return try run {
            try store.transaction { tx in
                guard let recordMarking = try tx.marking(of: entity, id: id), reader.mayRead(recordMarking) else {
                    throw CommissionError.notFound("\(entity) \(id): no such record")
                }
                try Self.authorize(tx, viewer.name, [])
                let wanted = chosen ?? viewer.party.map { .rel([$0]) } ?? .joint
                let marking = wanted.combined(with: recordMarking, commission: commission)
                if let party = viewer.party, !MarkingReader(party: party, commission: commission).mayRead(marking) {
                    throw CommissionError.invalid(field: "marking", "\(wanted) on a record marked \(recordMarking) would be \(marking): \(party) could not read its own note")
                }
                return try tx.addNote(entity: entity, id: id, text: text, marking: marking, actor: viewer.name)
            }
        }
    }

    /// Notes the viewer may read, of one record when `entity` and `id` are given.
    public func notes(entity: String? = nil, id: String? = nil, for viewer: Viewer) throws -> [NoteRecord] {
        try run {
            try store.notes(readableBy: try reader(viewer)).filter { n in
                (entity.map { n.entity == $0 } ?? true) && (id.map { n.entityID == $0 } ?? true)
            }
        }
    }

    public func note(id: Int64, for viewer: Viewer) throws -> NoteRecord {
        guard let n = try notes(for: viewer).first(where: { $0.id == id }) else { throw CommissionError.notFound("note \(id): no such note") }
        return n
    }

    // MARK: Saved plans

    /// Makes the plan in `mode` from what the viewer may read and saves it under `name` with the
    /// combined marking of its inputs. Any registered user may save plans; names need not be
    /// unique (a name taken by a plan the viewer may not read must not be revealed).
    public func savePlan(name: String, mode: PlanMode, by viewer: Viewer) throws -> SavedPlanRecord {
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isNewline) else {
            throw CommissionError.invalid(field: "name", "1 to 200 characters on one line")
        }
        try run { try store.transaction { tx in _ = try Self.authorize(tx, viewer.name, []) } }
        let (plan, marking) = try markedPlan(mode: mode, for: viewer)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(plan), as: UTF8.self)
        return try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [])
                return try tx.savePlan(name: name, mode: mode.rawValue, plan: json, marking: marking, actor: viewer.name)
            }
        }
    }

    /// Saved plans the viewer may read (of one name when given).
    public func savedPlans(name: String? = nil, for viewer: Viewer) throws -> [SavedPlanRecord] {
        try run { try store.savedPlans(readableBy: try reader(viewer)).filter { p in name.map { p.name == $0 } ?? true } }
    }

    public func savedPlan(id: Int64, for viewer: Viewer) throws -> SavedPlanRecord {
        guard let p = try savedPlans(for: viewer).first(where: { $0.id == id }) else {
            throw CommissionError.notFound("saved plan \(id): no such plan")
        }
        return p
    }

    // MARK: Export and import

    /// The full workspace export as the viewer may read it, with its combined marking (the file
    /// holder's is the whole workspace, unmarked).
    public func export(for viewer: Viewer) throws -> WorkspaceExport {
        try run { try store.exportWorkspace(readableBy: try reader(viewer)) }
    }

    /// Imports a scenario: replaces the structure, records its ratings where they differ
    /// (administrators and the secretariat); returns the number of new ratings.
    @discardableResult
    public func importScenario(_ scenario: Scenario, by viewer: Viewer) throws -> Int {
        try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [.administer])
                return try tx.importScenario(scenario, actor: viewer.name)
            }
        }
    }

    /// Loads a full export into an empty workspace (administrators and the secretariat; an
    /// empty workspace has no users and is open).
    public func importWorkspace(_ export: WorkspaceExport, by viewer: Viewer) throws {
        try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [.administer])
                try tx.importWorkspace(export)
            }
        }
    }
}

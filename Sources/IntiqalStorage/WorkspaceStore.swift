import Foundation
import IntiqalDomain
import IntiqalLedger

/// The workspace: scenario, ratings with full history, evidence, commitments, users, the
/// audit log and the decision ledger. Every method is one transaction: all or nothing.
///
/// Engines and the CLI talk to this protocol only, so a PostgreSQL store can be added later.
public protocol WorkspaceStore: Sendable {
    /// A description of where the workspace lives, for messages.
    var location: String { get }

    /// Replaces the scenario's structure and records its ratings, resolutions, commitments and
    /// incidents (ratings equal to the current ones are not recorded again).
    func importScenario(_ scenario: Scenario, actor: String) throws
    /// The scenario as the planner sees it now: the structure with the current ratings.
    func scenario() throws -> Scenario
    /// Whether a scenario has been imported.
    func hasScenario() throws -> Bool

    /// Records ratings; each supersedes the current one of the same party, group, subject and month.
    @discardableResult
    func recordAssessments(_ assessments: [Assessment], actor: String) throws -> [Int64]
    /// Every rating ever recorded, oldest first.
    func assessmentHistory() throws -> [AssessmentRecord]

    func recordResolution(_ resolution: Resolution, actor: String) throws
    func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, actor: String) throws
    func setPhaseCompleted(phase: String, month: YearMonth, actor: String) throws

    func addUser(_ user: User, actor: String) throws
    func users() throws -> [User]

    /// Adds documents and their extracted items, all `proposed`, in one transaction; returns the document ids.
    @discardableResult
    func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64]
    func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws
    func evidenceItems() throws -> [EvidenceItemRecord]

    /// Appends an entry made from the next sequence number and the last hash, atomically.
    @discardableResult
    func appendLedger(actor: String, _ make: (_ seq: Int, _ prevHash: String) throws -> LedgerEntry) throws -> LedgerEntry
    func ledgerEntries() throws -> [LedgerEntry]

    func auditLog() throws -> [AuditRecord]

    /// Runs `body` in one write transaction: a use case's authorization check and its write, all or nothing.
    func transaction<T>(_ body: (any WorkspaceTransaction) throws -> T) throws -> T

    /// The live session whose id hashes to `idHash`, if any (expired ones included: the caller checks).
    func session(idHash: String) throws -> StoredSession?

    /// The API token whose value hashes to `hash`, if any (expired and revoked ones included).
    func token(hash: String) throws -> StoredToken?
    /// API tokens, of `user` or (with `nil`) of everyone, oldest first; never their values.
    func tokens(user: String?) throws -> [StoredToken]

    /// The parties of the commission (the policy's rating parties), to whom `JOINT` is released.
    func commissionParties() throws -> Set<String>
    /// The scenario as `reader` may see it: its ratings are, per slot, the latest record it may read.
    func scenario(readableBy reader: MarkingReader) throws -> Scenario
    /// Every rating ever recorded that `reader` may read, oldest first.
    func assessmentHistory(readableBy reader: MarkingReader) throws -> [AssessmentRecord]
    /// Audit rows `reader` may read, oldest first.
    func auditLog(readableBy reader: MarkingReader) throws -> [AuditRecord]
    /// Evidence items `reader` may read.
    func evidenceItems(readableBy reader: MarkingReader) throws -> [EvidenceItemRecord]
    /// Incidents `reader` may read, with their sources, oldest first.
    func incidents(readableBy reader: MarkingReader) throws -> [IncidentRecord]
    /// One incident, if `reader` may read it.
    func incident(id: Int64, readableBy reader: MarkingReader) throws -> IncidentRecord?
    /// Ledger entries `reader` may read: all of them or none, as the chain is one record (stored `JOINT`).
    func ledgerEntries(readableBy reader: MarkingReader) throws -> [LedgerEntry]

    /// The scenario as `reader` may see it, with the combined marking of the records it was made from.
    func markedScenario(readableBy reader: MarkingReader) throws -> MarkedScenario
    /// Commitments `reader` may read, each with the status changes it may read.
    func commitmentRecords(readableBy reader: MarkingReader) throws -> [CommitmentRecord]
    /// Evidence documents `reader` may read.
    func evidenceDocuments(readableBy reader: MarkingReader) throws -> [EvidenceDocumentRecord]
    /// Notes `reader` may read, oldest first.
    func notes(readableBy reader: MarkingReader) throws -> [NoteRecord]
    /// Saved plans `reader` may read, oldest first.
    func savedPlans(readableBy reader: MarkingReader) throws -> [SavedPlanRecord]
    /// The signed heads (ledger receipts) kept in the workspace, oldest first.
    func signedHeads() throws -> [LedgerReceipt]
    /// A number that differs after every committed write (by any process), or `nil` when the
    /// store keeps none: then nothing derived from it may be cached.
    func changeCounter() throws -> Int64?
    /// One rating by id, whatever its marking (the caller checks it), or `nil`.
    func assessment(id: Int64) throws -> AssessmentRecord?
    /// The scenario structure's rating scales (every version), without reading the rest.
    func ratingScales() throws -> [RatingScale]

    func exportWorkspace() throws -> WorkspaceExport
    /// The export as `reader` may read it (records it may not read left out), with its combined marking.
    func exportWorkspace(readableBy reader: MarkingReader) throws -> WorkspaceExport
    /// Loads an export into this workspace, which must be empty.
    func importWorkspace(_ export: WorkspaceExport) throws
}

/// A document to add to the workspace with the items extracted from it.
public struct EvidenceInput: Sendable, Hashable {
    public var file: String
    public var sha256: String
    /// Each item's kind (`event`, `number`) and JSON content.
    public var items: [Item]
    /// Who may read the document and its items: what its author chose.
    public var marking: Marking = .joint

    public struct Item: Sendable, Hashable {
        public var kind: String
        public var content: String
        public init(kind: String, content: String) { self.kind = kind; self.content = content }
    }

    public init(file: String, sha256: String, items: [(kind: String, content: String)], marking: Marking = .joint) {
        self.marking = marking
        self.file = file
        self.sha256 = sha256
        self.items = items.map { Item(kind: $0.kind, content: $0.content) }
    }
}

extension WorkspaceStore {
    public func changeCounter() throws -> Int64? { nil }
    public func assessment(id: Int64) throws -> AssessmentRecord? { try assessmentHistory().first { $0.id == id } }
    public func ratingScales() throws -> [RatingScale] { try scenario().scales }

    /// Adds one document and its items; returns the document id.
    @discardableResult
    public func addEvidence(file: String, sha256: String, items: [(kind: String, content: String)], actor: String) throws -> Int64 {
        try addEvidence([EvidenceInput(file: file, sha256: sha256, items: items)], actor: actor)[0]
    }
}

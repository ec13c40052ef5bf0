import IntiqalDomain
import IntiqalLedger

/// A whole workspace as one JSON document; importing it into an empty workspace gives back
/// the same workspace (same ids, history, audit log and ledger).
public struct WorkspaceExport: Sendable, Hashable, Codable {
    public static let formatName = "intiqal-workspace"

    public var format: String = WorkspaceExport.formatName
    public var schemaVersion: Int
    /// The scenario's structure: parties … phases, policy; its ratings, resolutions,
    /// commitments' histories and incidents are in the lists below.
    public var structure: Scenario?
    public var assessments: [AssessmentRecord]
    public var resolutions: [Resolution]
    public var commitments: [Commitment]
    public var commitmentStatus: [CommitmentStatusRecord]
    public var incidents: [Incident]
    /// The incidents as records, with markings, precision and sources (exports of schema 5 on);
    /// when absent, `incidents` import as `JOINT` incidents of the scenario.
    public var incidentRecords: [IncidentRecord]?
    public var users: [User]
    public var evidenceDocuments: [EvidenceDocumentRecord]
    public var evidenceItems: [EvidenceItemRecord]
    public var audit: [AuditRecord]
    public var ledger: [LedgerEntry]
    /// Notes on records (absent from exports written before `v6-markings`).
    public var notes: [NoteRecord]?
    public var savedPlans: [SavedPlanRecord]?
    /// Markings of sites, commitments and resolutions (absent before `v6-markings`: all `JOINT`).
    public var markings: ExportMarkings?
    /// For an export made for a viewer: the combined marking of everything in it.
    public var marking: Marking?

    public init(schemaVersion: Int, structure: Scenario?, assessments: [AssessmentRecord] = [], resolutions: [Resolution] = [],
                commitments: [Commitment] = [], commitmentStatus: [CommitmentStatusRecord] = [], incidents: [Incident] = [],
                users: [User] = [], evidenceDocuments: [EvidenceDocumentRecord] = [], evidenceItems: [EvidenceItemRecord] = [],
                audit: [AuditRecord] = [], ledger: [LedgerEntry] = [], incidentRecords: [IncidentRecord]? = nil,
                notes: [NoteRecord]? = nil, savedPlans: [SavedPlanRecord]? = nil,
                markings: ExportMarkings? = nil, marking: Marking? = nil) {
        self.incidentRecords = incidentRecords
        self.notes = notes
        self.savedPlans = savedPlans
        self.markings = markings
        self.marking = marking
        self.schemaVersion = schemaVersion
        self.structure = structure
        self.assessments = assessments
        self.resolutions = resolutions
        self.commitments = commitments
        self.commitmentStatus = commitmentStatus
        self.incidents = incidents
        self.users = users
        self.evidenceDocuments = evidenceDocuments
        self.evidenceItems = evidenceItems
        self.audit = audit
        self.ledger = ledger
    }
}

import IntiqalDomain
import IntiqalLedger

/// The operations of one open write transaction. A use case runs its authorization check and
/// its write in one of these (`WorkspaceStore.transaction`), so a user's role changed by
/// another writer cannot slip between the check and the write.
public protocol WorkspaceTransaction {
    /// The registered user of that name, read inside this transaction.
    func user(named name: String) throws -> User?
    /// Whether any user is registered (a workspace without users is open).
    func hasUsers() throws -> Bool
    /// The scenario's structure, without its ratings; `nil` before a scenario is imported.
    func structure() throws -> Scenario?

    func addUser(_ user: User, actor: String) throws
    /// Sets (or, with `nil`, clears) a user's bcrypt password hash.
    func setPasswordHash(user: String, _ hash: String?, actor: String) throws
    /// Sets (or clears) a user's TOTP secret (base32).
    func setTOTPSecret(user: String, _ secret: String?, actor: String) throws

    /// Records ratings with `marking`; each supersedes the current one of its slot.
    func recordAssessments(_ assessments: [Assessment], marking: Marking, actor: String) throws -> [Int64]
    func assessment(id: Int64) throws -> AssessmentRecord?
    /// Changes a rating's marking (a release), audited.
    func setMarking(assessment id: Int64, _ marking: Marking, actor: String) throws

    func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64]
    func evidenceItem(id: Int64) throws -> EvidenceItemRecord?
    func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws

    /// One incident with its sources (whatever its marking: the use case checks).
    func incident(id: Int64) throws -> IncidentRecord?
    /// The incident a source (by the source's id) belongs to.
    func incident(sourceID: Int64) throws -> IncidentRecord?
    /// Incidents of `region` and `kind` whose (first) day number is in `days`: the candidates for a merge.
    func incidents(region: String, kind: Incident.Kind, days: ClosedRange<Int>) throws -> [IncidentRecord]
    /// The incident an evidence item is a source of, and that source.
    func incidentSource(evidenceItem: Int64) throws -> (incident: Int64, source: IncidentSource)?
    /// Stores an incident with its first source, marked `new.marking`, audited; returns its id.
    func addIncident(_ new: NewIncident, actor: String) throws -> Int64
    /// Stores many incidents (a dataset import), each audited; returns their ids.
    func addIncidents(_ incidents: [NewIncident], actor: String) throws -> [Int64]
    /// Adds a source to an incident (a merge when `source.merge` is set), with the incident's marking, audited; returns its id.
    func addIncidentSource(incident: Int64, _ source: NewIncidentSource, actor: String) throws -> Int64
    /// Removes a source, and its incident when it was the last one, audited.
    func removeIncidentSource(id: Int64, actor: String) throws
    /// Moves a source out of its incident into a new incident `new` (undoing a merge), audited; returns the new incident's id.
    func splitIncidentSource(id: Int64, into new: NewIncident, actor: String) throws -> Int64
    /// Which of these dataset row keys are already stored (a re-import adds nothing).
    func datasetKeysPresent(_ keys: [String]) throws -> Set<String>

    /// Appends a ledger entry made from the next sequence number and the last hash.
    func appendLedger(actor: String, _ make: (_ seq: Int, _ prevHash: String) throws -> LedgerEntry) throws -> LedgerEntry

    /// A user's stored password hash and TOTP secret; `nil` for no such user.
    func credentials(user: String) throws -> Credentials?
    /// Failed sign-ins since `since` (seconds since 1970): of the account, and from the address.
    func failedSignIns(user: String, address: String, since: Double) throws -> (user: Int, address: Int)
    func recordFailedSignIn(user: String, address: String, at: Double) throws
    func createSession(_ session: StoredSession, createdAt: Double) throws
    /// Ends a session; whether there was one.
    @discardableResult
    func deleteSession(idHash: String) throws -> Bool

    /// Stores an API token's hash; returns its id.
    func createToken(_ token: StoredToken, hash: String, actor: String) throws -> Int64
    func token(id: Int64) throws -> StoredToken?
    func revokeToken(id: Int64, at: Double, actor: String) throws

    /// An audit row with the marking of the record it is about.
    func audit(actor: String, action: String, entity: String, id: String, before: String?, after: String?, marking: Marking) throws

    /// Imports a scenario (as `WorkspaceStore.importScenario`) in this transaction; returns the number of new ratings.
    func importScenario(_ scenario: Scenario, actor: String) throws -> Int
    /// Loads a full export (as `WorkspaceStore.importWorkspace`) in this transaction; the workspace must be empty.
    func importWorkspace(_ export: WorkspaceExport) throws
    /// The marking of the record `entity` (a `NoteRecord.entities` kind) `id`; `nil` when there is no such record.
    func marking(of entity: String, id: String) throws -> Marking?
    /// Adds a note on a record, audited under its marking.
    func addNote(entity: String, id: String, text: String, marking: Marking, actor: String) throws -> NoteRecord
    /// Saves a plan's JSON under a name, audited under its marking.
    func savePlan(name: String, mode: String, plan: String, marking: Marking, actor: String) throws -> SavedPlanRecord
    /// Changes the marking of a site or a commitment, audited; narrows with it what speaks of it
    /// (its audit rows, notes on it, a commitment's status changes, phases naming a site).
    func setMarking(of entity: String, id: String, _ marking: Marking, actor: String) throws
    /// Records a commitment's status change with its marking (narrowed to the commitment's).
    func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, marking: Marking, actor: String) throws
    /// Keeps a signed head (ledger receipt) shown to the workspace; `false` if it was kept already.
    func keepSignedHead(_ receipt: LedgerReceipt, actor: String) throws -> Bool
}

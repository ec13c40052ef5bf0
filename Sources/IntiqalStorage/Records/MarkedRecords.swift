import IntiqalDomain

/// A note on a record (a rating, an evidence document or item, a commitment, a site, a saved
/// plan, a decision), with the marking its author chose, narrowed to the record's own: a note
/// is never readable by someone who may not read what it is about (DESIGN §7).
public struct NoteRecord: Sendable, Hashable, Codable {
    /// The kinds of record a note may be attached to.
    public static let entities: Set<String> = ["assessment", "evidence-document", "evidence-item", "commitment", "site", "saved-plan", "decision"]

    public var id: Int64
    public var entity: String
    public var entityID: String
    public var text: String
    public var writtenAt: String
    public var writtenBy: String
    public var marking: Marking

    public init(id: Int64, entity: String, entityID: String, text: String, writtenAt: String, writtenBy: String, marking: Marking) {
        self.id = id
        self.entity = entity
        self.entityID = entityID
        self.text = text
        self.writtenAt = writtenAt
        self.writtenBy = writtenBy
        self.marking = marking
    }
}

/// A plan saved under a name: the planner's JSON as it was made for the one who saved it, with
/// the combined marking of its inputs (its readers are those who may read every input).
public struct SavedPlanRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// `conditions` or `deadlines`.
    public var mode: String
    /// The plan's JSON (`intiqal plan --format json`).
    public var plan: String
    public var savedAt: String
    public var savedBy: String
    public var marking: Marking

    public init(id: Int64, name: String, mode: String, plan: String, savedAt: String, savedBy: String, marking: Marking) {
        self.id = id
        self.name = name
        self.mode = mode
        self.plan = plan
        self.savedAt = savedAt
        self.savedBy = savedBy
        self.marking = marking
    }
}

/// A commitment as stored, with its marking and its recorded status changes (each marked).
public struct CommitmentRecord: Sendable, Hashable, Codable {
    /// The commitment, its `history` empty (the changes are in `statuses`).
    public var commitment: Commitment
    public var marking: Marking
    public var statuses: [CommitmentStatusRecord]

    public init(commitment: Commitment, marking: Marking, statuses: [CommitmentStatusRecord]) {
        self.commitment = commitment
        self.marking = marking
        self.statuses = statuses
    }
}

/// The scenario as a reader may see it, and the combined marking of every stored record it was
/// made from (sites, current ratings, resolutions, commitments and their statuses; the frame is
/// PUBLIC): its readers are the parties that may read every input.
public struct MarkedScenario: Sendable, Hashable {
    public var scenario: Scenario
    public var marking: Marking

    public init(scenario: Scenario, marking: Marking) {
        self.scenario = scenario
        self.marking = marking
    }
}

/// The markings of the records a workspace export lists without one of their own (kept beside
/// them so an export written before `v6-markings` still reads): a missing entry is `JOINT`.
public struct ExportMarkings: Sendable, Hashable, Codable {
    /// Site id → marking.
    public var sites: [String: Marking] = [:]
    /// Commitment id → marking.
    public var commitments: [String: Marking] = [:]
    /// One per resolution, in the export's order.
    public var resolutions: [Marking] = []

    public init(sites: [String: Marking] = [:], commitments: [String: Marking] = [:], resolutions: [Marking] = []) {
        self.sites = sites
        self.commitments = commitments
        self.resolutions = resolutions
    }
}

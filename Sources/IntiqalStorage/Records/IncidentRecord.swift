import IntiqalDomain

/// A stored incident (DESIGN §4): a dated, placed, typed event in one of the scenario's
/// regions, with every source that reports it and a marking (DESIGN §7). The risk model reads
/// it as `incident`.
public struct IncidentRecord: Sendable, Hashable, Codable {
    /// How precisely the date is known.
    public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
        /// `incident.date` is the day (a dataset's span is kept in `incident.until`).
        case day
        /// Only the month is known: `incident.date` is its first day and `incident.until` its last.
        case month
    }

    public var id: Int64
    /// Date (first day), period end, region, kind, count, the scenario's source id, illustrative.
    public var incident: Incident
    public var datePrecision: DatePrecision
    /// The place as resolved: a gazetteer unit id (`anbar/qaim`, `husaybah`) or, for a dataset row
    /// no unit matched finer than its governorate, the governorate's id.
    public var place: String?
    /// How precisely the place is known: `town`, `site`, `district`, `governorate`, `area`, or `region`.
    public var placePrecision: String?
    public var marking: Marking
    /// Oldest first.
    public var sources: [IncidentSource]
    public var createdAt: String
    public var createdBy: String

    public init(id: Int64, incident: Incident, datePrecision: DatePrecision, place: String?, placePrecision: String?,
                marking: Marking, sources: [IncidentSource], createdAt: String, createdBy: String) {
        self.id = id
        self.incident = incident
        self.datePrecision = datePrecision
        self.place = place
        self.placePrecision = placePrecision
        self.marking = marking
        self.sources = sources
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// `YYYY-MM` of the incident's (first) day.
    public var month: String { String(incident.date.prefix(7)) }
}

/// One source of an incident, with its own provenance.
public struct IncidentSource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An accepted evidence item (an attack event the reader found in a report).
        case evidence
        /// A row of an ACLED or UCDP GED file.
        case dataset
        /// An incident of the imported scenario file.
        case scenario
    }

    public var id: Int64
    public var kind: Kind
    /// The evidence item (kind `evidence`).
    public var evidenceItem: Int64?
    /// `acled` or `ucdp-ged` (kind `dataset`).
    public var dataset: String?
    /// The dataset row's stable key (`ucdp-ged:114064`): a row is imported once.
    public var key: String?
    /// The file and line the row came from, or the evidence document's file.
    public var file: String?
    public var line: Int?
    /// The scenario's source id (kind `scenario`).
    public var reference: String?
    /// What the source says, as JSON: the event's facts and sentence, or the dataset row's fields
    /// (actors, fatalities, precision codes, source, notes).
    public var provenance: String
    /// Why this source was merged into an incident that already had one; nil for the first.
    public var merge: IncidentMerge?
    public var marking: Marking
    public var addedAt: String
    public var addedBy: String

    public init(id: Int64, kind: Kind, evidenceItem: Int64? = nil, dataset: String? = nil, key: String? = nil, file: String? = nil,
                line: Int? = nil, reference: String? = nil, provenance: String, merge: IncidentMerge? = nil, marking: Marking,
                addedAt: String, addedBy: String) {
        self.id = id
        self.kind = kind
        self.evidenceItem = evidenceItem
        self.dataset = dataset
        self.key = key
        self.file = file
        self.line = line
        self.reference = reference
        self.provenance = provenance
        self.merge = merge
        self.marking = marking
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// Why a source joined an incident: the rule and the values it compared.
public struct IncidentMerge: Sendable, Hashable, Codable {
    /// The rule's name, e.g. `same-region-kind-marking-within-1-day`.
    public var rule: String
    public var region: String
    public var kind: Incident.Kind
    /// The source's date and the incident's, and how many days apart.
    public var sourceDate: String
    public var incidentDate: String
    public var days: Int
    /// The source's place and the incident's, as gazetteer unit ids, when known.
    public var sourcePlace: String?
    public var incidentPlace: String?
    public var marking: Marking

    public init(rule: String, region: String, kind: Incident.Kind, sourceDate: String, incidentDate: String, days: Int,
                sourcePlace: String?, incidentPlace: String?, marking: Marking) {
        self.rule = rule
        self.region = region
        self.kind = kind
        self.sourceDate = sourceDate
        self.incidentDate = incidentDate
        self.days = days
        self.sourcePlace = sourcePlace
        self.incidentPlace = incidentPlace
        self.marking = marking
    }
}

/// An incident to store, with its first source.
public struct NewIncident: Sendable, Hashable {
    public var incident: Incident
    public var datePrecision: IncidentRecord.DatePrecision
    public var place: String?
    public var placePrecision: String?
    public var marking: Marking
    public var source: NewIncidentSource

    public init(incident: Incident, datePrecision: IncidentRecord.DatePrecision, place: String?, placePrecision: String?,
                marking: Marking, source: NewIncidentSource) {
        self.incident = incident
        self.datePrecision = datePrecision
        self.place = place
        self.placePrecision = placePrecision
        self.marking = marking
        self.source = source
    }
}

/// A source to store (its id, time and author are the store's).
public struct NewIncidentSource: Sendable, Hashable {
    public var kind: IncidentSource.Kind
    public var evidenceItem: Int64?
    public var dataset: String?
    public var key: String?
    public var file: String?
    public var line: Int?
    public var reference: String?
    public var provenance: String
    public var merge: IncidentMerge?

    public init(kind: IncidentSource.Kind, evidenceItem: Int64? = nil, dataset: String? = nil, key: String? = nil, file: String? = nil,
                line: Int? = nil, reference: String? = nil, provenance: String, merge: IncidentMerge? = nil) {
        self.kind = kind
        self.evidenceItem = evidenceItem
        self.dataset = dataset
        self.key = key
        self.file = file
        self.line = line
        self.reference = reference
        self.provenance = provenance
        self.merge = merge
    }
}

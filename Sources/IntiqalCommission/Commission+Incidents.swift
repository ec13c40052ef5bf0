import Foundation
import IntiqalDomain
import IntiqalPlaces
import IntiqalStorage

/// What reviewing an evidence item did to the incidents.
public struct EvidenceReviewOutcome: Sendable, Hashable {
    /// The incident the item is now a source of (created, or merged into).
    public var incident: Int64?
    /// Why it was merged into an incident that already was, when it was.
    public var merge: IncidentMerge?
    /// Why the item made no incident (not an attack, no day or month, a place in no region), or
    /// that rejecting it took it out of an incident.
    public var note: String?

    public init(incident: Int64? = nil, merge: IncidentMerge? = nil, note: String? = nil) {
        self.incident = incident
        self.merge = merge
        self.note = note
    }
}

/// Incidents (DESIGN §4, §6): accepted attacks become incidents in their region, merged across
/// sources; a reviewer can split a merged source out again; every read is the viewer's.
extension Commission {
    /// Two reports of one attack are one incident when they fall in the same region, are of the
    /// same kind and marking, are dated to the day at most this many days apart, and their
    /// districts (when both are known) are the same.
    public static let incidentMergeWindowDays = 1
    /// The merge rule's name, recorded with every merge.
    public static let incidentMergeRule = "same-region-district-kind-marking-within-1-day"

    /// Incidents the viewer may read, optionally of one region and one month (of their first day), oldest first.
    public func incidents(for viewer: Viewer, region: String? = nil, month: YearMonth? = nil) throws -> [IncidentRecord] {
        try run {
            try store.incidents(readableBy: try reader(viewer)).filter { r in
                (region == nil || r.incident.region == region) && (month == nil || r.month == month!.description)
            }
        }
    }

    /// One incident; one the viewer may not read is not found.
    public func incident(id: Int64, for viewer: Viewer) throws -> IncidentRecord {
        try run {
            guard let r = try store.incident(id: id, readableBy: try reader(viewer)) else {
                throw CommissionError.notFound("incident \(id): no such incident")
            }
            return r
        }
    }

    /// Takes a source out of its incident into an incident of its own (undoing a merge), audited;
    /// returns the new incident. A source the viewer may not read is not found; an incident's
    /// only source cannot be split from it.
    public func splitIncident(source id: Int64, by viewer: Viewer) throws -> IncidentRecord {
        let reader = try run { try self.reader(viewer) }
        let created: Int64 = try run {
            try store.transaction { tx in
                guard let incident = try tx.incident(sourceID: id), reader.mayRead(incident.marking),
                      let source = incident.sources.first(where: { $0.id == id }) else {
                    throw CommissionError.notFound("incident source \(id): no such source")
                }
                try Self.authorize(tx, viewer.name, [.reviewEvidence])
                guard incident.sources.count > 1 else {
                    throw CommissionError.conflict("incident source \(id) is the only source of incident \(incident.id): nothing to split")
                }
                let facts = try Self.facts(of: source)
                return try tx.splitIncidentSource(id: id, into: Self.newIncident(facts, marking: incident.marking, source: nil), actor: viewer.name)
            }
        }
        return try incident(id: created, for: viewer)
    }

    // MARK: From evidence

    /// The fields of an extracted event an incident needs (the reader's JSON; extra fields ignored).
    private struct EventFields: Decodable {
        var type: String
        var date: String?
        var dateEnd: String?
        var place: String?
        var planned: Bool?
    }

    /// After a review inside its transaction: an accepted attack with a day or month and a place
    /// in one of the scenario's regions becomes an incident or joins one; a rejected item leaves
    /// the incident it was a source of.
    static func applyReview(_ tx: any WorkspaceTransaction, item: EvidenceItemRecord, status: EvidenceItemRecord.Status,
                            actor: String) throws -> EvidenceReviewOutcome {
        let existing = try tx.incidentSource(evidenceItem: item.id)
        guard status == .accepted else {
            guard let existing else { return EvidenceReviewOutcome() }
            try tx.removeIncidentSource(id: existing.source.id, actor: actor)
            return EvidenceReviewOutcome(note: "no longer a source of incident \(existing.incident)")
        }
        if let existing { return EvidenceReviewOutcome(incident: existing.incident, note: "already a source of incident \(existing.incident)") }
        guard item.kind == "event", let event = try? JSONDecoder().decode(EventFields.self, from: Data(item.content.utf8)) else {
            return EvidenceReviewOutcome(note: "not an event")
        }
        guard event.type == "attack" else { return EvidenceReviewOutcome(note: "a \(event.type) event, not an attack") }
        guard event.planned != true else { return EvidenceReviewOutcome(note: "a planned attack, not one that happened") }
        guard let dateText = event.date, let dated = Self.dated(dateText) else {
            return EvidenceReviewOutcome(note: "no day or month: not placed in time")
        }
        guard let placeName = event.place, !placeName.isEmpty else { return EvidenceReviewOutcome(note: "no place: not placed in a region") }
        guard let structure = try tx.structure() else { return EvidenceReviewOutcome(note: "the workspace holds no scenario") }
        guard let unit = IraqGazetteer.bundled.place(named: placeName) else {
            return EvidenceReviewOutcome(note: "place '\(placeName)' is not in the gazetteer of Iraq")
        }
        guard let region = RegionMap(scenarioID: structure.id, regions: structure.regions).region(of: unit) else {
            return EvidenceReviewOutcome(note: "place '\(placeName)' is in none of the scenario's regions")
        }
        let facts = IncidentFacts(date: dated.first, until: dated.until, datePrecision: dated.precision.rawValue, region: region.region,
                                  kind: .attack, place: unit.id, placePrecision: unit.kind.rawValue, payload: item.content)
        let provenance = try Self.json(facts)
        // Merge into the nearest incident the rule allows.
        if dated.precision == .day, let day = CivilDate(dated.first)?.dayNumber,
           let (target, merge) = try Self.mergeTarget(tx, facts: facts, day: day, marking: item.marking) {
            let source = NewIncidentSource(kind: .evidence, evidenceItem: item.id, provenance: provenance, merge: merge)
            _ = try tx.addIncidentSource(incident: target, source, actor: actor)
            return EvidenceReviewOutcome(incident: target, merge: merge)
        }
        let source = NewIncidentSource(kind: .evidence, evidenceItem: item.id, provenance: provenance)
        let id = try tx.addIncident(Self.newIncident(facts, marking: item.marking, source: source), actor: actor)
        return EvidenceReviewOutcome(incident: id)
    }

    /// The incident a day-dated source of `facts` joins, and why; nil when none qualifies.
    static func mergeTarget(_ tx: any WorkspaceTransaction, facts: IncidentFacts, day: Int, marking: Marking) throws
        -> (Int64, IncidentMerge)? {
        let w = incidentMergeWindowDays
        let gazetteer = IraqGazetteer.bundled
        let district = facts.place.flatMap { gazetteer.unit(id: $0)?.district }
        let candidates = try tx.incidents(region: facts.region, kind: facts.kind, days: (day - w)...(day + w)).filter { r in
            guard r.datePrecision == .day, r.marking == marking else { return false }
            let other = r.place.flatMap { gazetteer.unit(id: $0)?.district }
            return district == nil || other == nil || district == other
        }
        guard let best = candidates.min(by: { a, b in
            let da = abs((CivilDate(a.incident.date)?.dayNumber ?? 0) - day), db = abs((CivilDate(b.incident.date)?.dayNumber ?? 0) - day)
            return (da, a.id) < (db, b.id)
        }) else { return nil }
        let days = abs((CivilDate(best.incident.date)?.dayNumber ?? day) - day)
        return (best.id, IncidentMerge(rule: incidentMergeRule, region: facts.region, kind: facts.kind, sourceDate: facts.date,
                                       incidentDate: best.incident.date, days: days, sourcePlace: facts.place, incidentPlace: best.place,
                                       marking: marking))
    }

    /// A `YYYY-MM-DD` day, or a `YYYY-MM` month as its first and last days; nil for a year or nothing.
    static func dated(_ text: String) -> (first: String, until: String?, precision: IncidentRecord.DatePrecision)? {
        if let d = CivilDate(text) { return (d.description, nil, .day) }
        guard let m = YearMonth(text), let first = CivilDate(firstOf: m),
              let last = CivilDate(year: m.year, month: m.month, day: CivilDate.daysIn(year: m.year, month: m.month)) else { return nil }
        return (first.description, last.description, .month)
    }

    static func newIncident(_ facts: IncidentFacts, marking: Marking, source: NewIncidentSource?) -> NewIncident {
        NewIncident(incident: Incident(date: facts.date, until: facts.until, region: facts.region, kind: facts.kind, count: 1),
                    datePrecision: IncidentRecord.DatePrecision(rawValue: facts.datePrecision) ?? .day,
                    place: facts.place, placePrecision: facts.placePrecision, marking: marking,
                    source: source ?? NewIncidentSource(kind: .scenario, provenance: "{}"))
    }

    /// The facts a source recorded; a scenario source's are its incident's JSON.
    static func facts(of source: IncidentSource) throws -> IncidentFacts {
        if let f = try? JSONDecoder().decode(IncidentFacts.self, from: Data(source.provenance.utf8)) { return f }
        guard let i = try? JSONDecoder().decode(Incident.self, from: Data(source.provenance.utf8)) else {
            throw CommissionError.conflict("incident source \(source.id): its provenance does not say where and when")
        }
        return IncidentFacts(date: i.date, until: i.until, datePrecision: "day", region: i.region, kind: i.kind, place: nil,
                             placePrecision: "region", payload: source.provenance)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

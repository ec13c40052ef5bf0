import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalRisk
import IntiqalStorage
import Testing

/// Accepted attacks become incidents in their region, merged across sources, split by a reviewer,
/// read per viewer; the risk model fits on them.
@Suite struct IncidentRulesTests {
    /// An event item as the reader writes it (only the fields an incident needs matter).
    static func attack(date: String?, place: String?, type: String = "attack", planned: Bool = false) -> (kind: String, content: String) {
        var fields: [String: Any] = ["type": type, "actors": [], "planned": planned,
                                     "evidence": ["text": "(offsets only)", "start": 0, "end": 10]]
        if let date { fields["date"] = date }
        if let place { fields["place"] = place }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return ("event", String(decoding: data, as: UTF8.self))
    }

    /// Ingests one document of `items` marked `marking`; returns the new items' ids.
    static func ingest(_ c: Commission, _ items: [(kind: String, content: String)], marking: Marking = .joint) throws -> [Int64] {
        let before = Set(try c.evidenceItems(for: .fileHolder("x")).map(\.id))
        _ = try c.ingest([EvidenceInput(file: "report-\(UUID().uuidString).txt", sha256: "00", items: items, marking: marking)], by: .fileHolder("admin"))
        return try c.evidenceItems(for: .fileHolder("x")).map(\.id).filter { !before.contains($0) }.sorted()
    }

    static func evidenceIncidents(_ c: Commission, _ viewer: Viewer = .fileHolder("x")) throws -> [IncidentRecord] {
        try c.incidents(for: viewer).filter { $0.sources.contains { $0.kind == .evidence } }
    }

    @Test(arguments: TestStore.allCases)
    func anAcceptedAttackWithADateAndAPlaceBecomesAnIncidentInItsRegion(store: TestStore) throws {
        let c = try exampleCommission(store)
        let ids = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Al-Qaim"), Self.attack(date: "2025-03-03", place: "Ramadi"),
                                      Self.attack(date: "2025-03", place: "Mosul"), Self.attack(date: nil, place: "Ramadi"),
                                      Self.attack(date: "2025-03-03", place: "Basra"), Self.attack(date: "2025-03-03", place: "Ramadi", type: "meeting")])
        let outcomes = try ids.map { try c.review(item: $0, status: .accepted, by: .fileHolder("admin")) }
        #expect(outcomes.map { $0.incident != nil } == [true, true, true, false, false, false])
        let incidents = try Self.evidenceIncidents(c)
        #expect(incidents.map(\.incident.region) == ["syria-border", "anbar", "ninewa"])
        #expect(incidents.map(\.place) == ["anbar/qaim", "anbar/ramadi", "ninewa/mosul"])
        #expect(incidents[2].datePrecision == .month && incidents[2].incident.date == "2025-03-01" && incidents[2].incident.until == "2025-03-31")
        #expect(incidents[0].sources.map(\.evidenceItem) == [ids[0]])
        #expect(incidents.allSatisfy { $0.marking == .joint })
        #expect(outcomes[4].note?.contains("none of the scenario's regions") == true)
    }

    @Test(arguments: TestStore.allCases)
    func theSameAttackFromAnArabicAndAnEnglishReportIsOneIncidentWithTheMergeExplained(store: TestStore) throws {
        let c = try exampleCommission(store)
        let english = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Husaybah")])
        let arabic = try Self.ingest(c, [Self.attack(date: "2025-03-04", place: "حصيبة")])
        let later = try Self.ingest(c, [Self.attack(date: "2025-03-06", place: "Husaybah")])
        let elsewhere = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Sinjar")])
        let first = try c.review(item: english[0], status: .accepted, by: .fileHolder("admin"))
        let second = try c.review(item: arabic[0], status: .accepted, by: .fileHolder("admin"))
        _ = try c.review(item: later[0], status: .accepted, by: .fileHolder("admin"))
        _ = try c.review(item: elsewhere[0], status: .accepted, by: .fileHolder("admin"))
        #expect(second.incident == first.incident)
        let merge = try #require(second.merge)
        #expect(merge.rule == Commission.incidentMergeRule && merge.days == 1 && merge.region == "syria-border")
        #expect(merge.sourceDate == "2025-03-04" && merge.incidentDate == "2025-03-03")
        let incidents = try Self.evidenceIncidents(c)
        #expect(incidents.count == 3)
        let merged = try c.incident(id: first.incident!, for: .fileHolder("x"))
        #expect(merged.sources.count == 2 && merged.sources[1].merge == merge && merged.sources[0].merge == nil)
        // Accepting the same item again adds nothing.
        _ = try c.review(item: arabic[0], status: .accepted, by: .fileHolder("admin"))
        #expect(try c.incident(id: first.incident!, for: .fileHolder("x")).sources.count == 2)
    }

    @Test(arguments: TestStore.allCases)
    func aReviewerSplitsAMergedSourceOutAndTheSplitIsAudited(store: TestStore) throws {
        let c = try staffedCommission(store)
        let a = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Fallujah")])
        let b = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "الفلوجة")])
        let reviewer = try viewer(c, "irq-threat")
        let incident = try #require(try c.review(item: a[0], status: .accepted, by: reviewer).incident)
        #expect(try c.review(item: b[0], status: .accepted, by: reviewer).incident == incident)
        let source = try c.incident(id: incident, for: reviewer).sources[1]
        // An analyst may not; the only source of an incident cannot be split.
        #expect((#expect(throws: CommissionError.self) { try c.splitIncident(source: source.id, by: try viewer(c, "usa-analyst")) })?.isForbidden == true)
        let created = try c.splitIncident(source: source.id, by: reviewer)
        #expect(created.id != incident && created.sources.map(\.id) == [source.id] && created.sources[0].merge == nil)
        #expect(created.incident.region == "anbar" && created.incident.date == "2025-03-03" && created.place == "anbar/fallujah")
        #expect(try c.incident(id: incident, for: reviewer).sources.count == 1)
        #expect(try c.auditLog(for: reviewer).contains { $0.action == "split" && $0.entity == "incident" && $0.entityID == String(incident) })
        #expect((#expect(throws: CommissionError.self) { try c.splitIncident(source: source.id, by: reviewer) })?.isConflict == true)
    }

    @Test(arguments: TestStore.allCases)
    func rejectingAnAcceptedAttackTakesItOutOfItsIncident(store: TestStore) throws {
        let c = try exampleCommission(store)
        let ids = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Tikrit")])
        let incident = try #require(try c.review(item: ids[0], status: .accepted, by: .fileHolder("admin")).incident)
        _ = try c.review(item: ids[0], status: .rejected, by: .fileHolder("admin"))
        #expect(throws: CommissionError.notFound("incident \(incident): no such incident")) { try c.incident(id: incident, for: .fileHolder("x")) }
    }

    @Test(arguments: TestStore.allCases)
    func anIncidentCarriesItsEvidencesMarkingAndIsAbsentForOtherParties(store: TestStore) throws {
        let c = try staffedCommission(store)
        let usaOnly = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Baqubah")], marking: .rel(["USA"]))
        let joint = try Self.ingest(c, [Self.attack(date: "2025-03-03", place: "Baqubah")])
        let first = try #require(try c.review(item: usaOnly[0], status: .accepted, by: .fileHolder("admin")).incident)
        let second = try #require(try c.review(item: joint[0], status: .accepted, by: .fileHolder("admin")).incident)
        #expect(first != second)   // different markings are never merged
        let irq = try viewer(c, "irq-threat"), usa = try viewer(c, "usa-analyst")
        #expect(try c.incident(id: first, for: usa).marking == .rel(["USA"]))
        #expect(try !c.incidents(for: irq).contains { $0.id == first })
        #expect(throws: CommissionError.notFound("incident \(first): no such incident")) { try c.incident(id: first, for: irq) }
        #expect(try !c.exportIncidentsACLED(for: irq).contains("INTIQAL\(first),"))
        #expect(try c.exportIncidentsACLED(for: usa).contains("INTIQAL\(first),"))
        #expect(try !c.auditLog(for: irq).contains { $0.entity == "incident" && $0.entityID == String(first) })
        // The risk model's input is the viewer's.
        let irqIncidents = try c.scenario(for: irq).scenario.incidents
        let usaIncidents = try c.scenario(for: usa).scenario.incidents
        #expect(usaIncidents.count == irqIncidents.count + 1)
    }

    @Test(arguments: TestStore.allCases)
    func acceptingAnAttackChangesTheFittedInput(store: TestStore) throws {
        let c = try exampleCommission(store)
        let before = try c.scenario(for: .fileHolder("x")).scenario.incidents
        let ids = try Self.ingest(c, [Self.attack(date: "2024-01-20", place: "Sinjar")])
        _ = try c.review(item: ids[0], status: .accepted, by: .fileHolder("admin"))
        let after = try c.scenario(for: .fileHolder("x")).scenario.incidents
        #expect(after.count == before.count + 1)
        #expect(after.last == Incident(date: "2024-01-20", region: "syria-border", kind: .attack, count: 1))
        let fitBefore = try RiskModel.fit(incidents: before), fitAfter = try RiskModel.fit(incidents: after)
        let events = { (f: IncidentFit) in f.regions.first { $0.region == "syria-border" }?.events ?? 0 }
        #expect(events(fitAfter) == events(fitBefore) + 1)
    }
}

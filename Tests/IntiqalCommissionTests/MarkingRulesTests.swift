import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning
import IntiqalStorage
import Testing

@Suite struct MarkingRulesTests {
    @Test(arguments: TestStore.allCases) func aWorkingGroupsNewRatingIsRelItsPartyUntilReleased(store: TestStore) throws {
        let c = try staffedCommission(store)
        let irq = try viewer(c, "irq-capability"), usa = try viewer(c, "usa-capability")
        let id = try c.recordAssessments([isrRating("IRQ", 3.5)], by: irq)[0]
        #expect(try c.assessment(id: id, for: irq).marking == .rel(["IRQ"]))
        #expect(try c.assessment(id: id, for: .fileHolder("x")).assessment.value == 3.5)
        // To USA it does not exist: not in lists, not by id, not in the audit log.
        #expect(try !c.assessments(for: usa).contains { $0.id == id })
        #expect(throws: CommissionError.notFound("assessment \(id): no such rating")) { try c.assessment(id: id, for: usa) }
        #expect(try !c.auditLog(for: usa).contains { $0.entity == "assessment" && $0.entityID == String(id) })
        // USA may not release it either: still not found.
        let notFound = #expect(throws: CommissionError.self) { try c.release(assessment: id, by: usa) }
        #expect(notFound?.isNotFound == true)

        let released = try c.release(assessment: id, by: irq)
        #expect(released.marking == .joint)
        #expect(try c.assessment(id: id, for: usa).assessment.value == 3.5)
        #expect(try c.auditLog(for: usa).contains { $0.action == "release" && $0.entityID == String(id) })
        let again = #expect(throws: CommissionError.self) { try c.release(assessment: id, by: irq) }
        #expect(again?.isConflict == true)
    }

    @Test(arguments: TestStore.allCases) func anotherPartysMemberMayNotRelease(store: TestStore) throws {
        let c = try staffedCommission(store)
        let id = try c.recordAssessments([isrRating("IRQ", 3.5)], by: try viewer(c, "irq-capability"))[0]
        let error = #expect(throws: CommissionError.self) { try c.release(assessment: id, by: .fileHolder("secretariat")) }
        #expect(error?.isForbidden == true)
    }

    @Test(arguments: TestStore.allCases) func workingGroupMembersRateOnlyTheirPartyAndGroup(store: TestStore) throws {
        let c = try staffedCommission(store)
        for (name, rating) in [("irq-capability", isrRating("USA", 2)), ("irq-threat", isrRating("IRQ", 2)),
                               ("usa-analyst", isrRating("USA", 2)), ("gbr-liaison", isrRating("IRQ", 2))] {
            let error = #expect(throws: CommissionError.self) { try c.recordAssessments([rating], by: try viewer(c, name)) }
            #expect(error?.isForbidden == true, "\(name)")
        }
        #expect(try c.recordAssessments([isrRating("USA", 2)], by: try viewer(c, "usa-capability")).count == 1)
    }

    @Test(arguments: TestStore.allCases) func derivedProductsUseOnlyWhatTheViewerMayRead(store: TestStore) throws {
        let c = try staffedCommission(store)
        let usa = try viewer(c, "usa-capability"), irq = try viewer(c, "irq-capability")
        let planBefore = try c.plan(mode: .conditions, for: usa)
        let statusBefore = try c.status(for: usa)
        // IRQ rates ISR in every region far below the requirement, unreleased.
        let scenario = try c.scenario(for: irq).scenario
        let low = scenario.regions.map { r in
            Assessment(party: "IRQ", factor: .capability, region: r.id, capability: "isr", month: scenario.start,
                       value: 0, scale: ScaleReference(factor: .capability, version: 1))
        }
        try c.recordAssessments(low, by: irq)
        #expect(try c.plan(mode: .conditions, for: usa) == planBefore)
        #expect(try c.status(for: usa) == statusBefore)
        #expect(try c.scenario(for: irq).scenario.assessments.contains { $0.value == 0 && $0.party == "IRQ" && $0.capability == "isr" })
        #expect(try c.plan(mode: .conditions, for: irq) != planBefore)
    }

    @Test(arguments: TestStore.allCases) func derivedProductsCarryTheCombinedMarkingOfTheirInputs(store: TestStore) throws {
        let c = try staffedCommission(store)
        let irq = try viewer(c, "irq-capability"), usa = try viewer(c, "usa-capability")
        #expect(try c.status(for: irq).marking == .joint)
        try c.recordAssessments([isrRating("IRQ", 3.5)], by: irq)
        #expect(try c.status(for: irq).marking == .rel(["IRQ"]))
        #expect(try c.status(for: usa).marking == .joint)
        #expect(try c.status(for: try viewer(c, "gbr-liaison")).marking == .public)
    }

    @Test(arguments: TestStore.allCases) func aPartnerOutsideTheCommissionReadsNoJointRecord(store: TestStore) throws {
        let c = try staffedCommission(store)
        let gbr = try viewer(c, "gbr-liaison")
        #expect(try c.assessments(for: gbr).isEmpty)
        // Only the history of the PUBLIC frame (regions, capability areas, policy …: v6-markings); nothing about a rating, site or commitment.
        let audit = try c.auditLog(for: gbr)
        #expect(audit.allSatisfy { $0.marking == .public } && !audit.contains { ["assessment", "site", "commitment", "commitment-status", "phase", "capacity"].contains($0.entity) })
        #expect(try c.ledger(for: gbr).isEmpty)
        #expect(try c.scenario(for: gbr).scenario.assessments.isEmpty)
    }

    @Test(arguments: TestStore.allCases) func evidenceCarriesTheMarkingItsAuthorChose(store: TestStore) throws {
        let c = try staffedCommission(store)
        let ids = try c.ingest([EvidenceInput(file: "a.txt", sha256: "00", items: [("event", "{}")], marking: .rel(["USA"])),
                                EvidenceInput(file: "b.txt", sha256: "01", items: [("event", "{}")], marking: .public)],
                               by: .fileHolder("secretariat"))
        #expect(ids.count == 2)
        let irq = try viewer(c, "irq-capability"), usa = try viewer(c, "usa-capability")
        #expect(try c.evidenceItems(for: usa).count == 2)
        let seen = try c.evidenceItems(for: irq)
        #expect(seen.count == 1 && seen[0].marking == .public)
        let hidden = try c.evidenceItems(for: usa).first { $0.marking == .rel(["USA"]) }!.id
        let error = #expect(throws: CommissionError.self) { try c.review(item: hidden, status: .accepted, by: irq) }
        #expect(error?.isNotFound == true)
        try c.review(item: hidden, status: .accepted, by: usa)
    }

    @Test func markingsParseAndCombine() {
        #expect(Marking("REL USA IRQ") == .rel(["IRQ", "USA"]))
        #expect(Marking("REL USA IRQ")?.description == "REL IRQ USA")
        #expect(Marking("rel") == nil && Marking("SECRET") == nil && Marking("REL A;B") == nil)
        let commission: Set<String> = ["IRQ", "USA"]
        #expect(Marking.joint.combined(with: .rel(["IRQ", "GBR"]), commission: commission) == .rel(["IRQ"]))
        #expect(Marking.public.combined(with: .joint, commission: commission) == .joint)
    }
}

import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalScenario
import Testing
@testable import IntiqalStorage

@Suite struct StoreTests {
    @Test(arguments: StoreKind.allCases)
    func importedScenarioReadsBack(kind: StoreKind) throws {
        let store = try kind.make()
        #expect(try !store.hasScenario())
        let s = try example()
        try store.importScenario(s, actor: "sec")
        let back = try store.scenario()
        #expect(back.id == s.id && back.start == s.start && back.horizonMonths == s.horizonMonths)
        #expect(back.parties == s.parties && back.regions == s.regions && back.sites == s.sites && back.phases == s.phases)
        #expect(back.policy == s.policy && back.capacity == s.capacity && back.growth == s.growth && back.scales == s.scales)
        #expect(Set(back.assessments) == Set(s.assessments))
        #expect(back.commitments == s.commitments)
        #expect(back.incidents == s.incidents)
        #expect(back.resolutions == s.resolutions)
    }

    @Test(arguments: StoreKind.allCases)
    func planFromWorkspaceMatchesPlanFromFile(kind: StoreKind) throws {
        let store = try kind.make()
        let s = try example()
        try store.importScenario(s, actor: "sec")
        let fromFile = try Planner(scenario: s).plan(mode: .conditions)
        let fromStore = try Planner(scenario: try store.scenario()).plan(mode: .conditions)
        #expect(fromStore.verification.ok)
        #expect(fromStore.handovers == fromFile.handovers)
        #expect(fromStore.sites == fromFile.sites)
    }

    @Test(arguments: StoreKind.allCases)
    func reimportingTheSameScenarioChangesNothing(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let before = try store.exportWorkspace()
        try store.importScenario(try example(), actor: "sec")
        #expect(try store.exportWorkspace() == before)
    }

    @Test(arguments: StoreKind.allCases)
    func newRatingSupersedesAndKeepsHistory(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let month = YearMonth(year: 2024, month: 12)
        let a = Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr", month: month, value: 2,
                           scale: ScaleReference(factor: .capability, version: 1))
        var b = a
        b.value = 3
        let first = try store.recordAssessments([a], actor: "wg3-irq")
        let second = try store.recordAssessments([b], actor: "wg3-irq")
        let history = try store.assessmentHistory().filter { $0.assessment.month == month && $0.assessment.region == "anbar" && $0.assessment.capability == "isr" && $0.assessment.party == "IRQ" }
        #expect(history.map(\.assessment.value) == [2, 3])
        #expect(history[1].supersedes == first[0] && history[1].id == second[0])
        let current = try store.scenario().assessments.filter { $0.month == month && $0.region == "anbar" && $0.capability == "isr" && $0.party == "IRQ" }
        #expect(current.map(\.value) == [3])
        let audit = try store.auditLog().filter { $0.entity == "assessment" && $0.entityID == String(second[0]) }
        #expect(audit.count == 1 && audit[0].action == "supersede" && audit[0].actor == "wg3-irq" && audit[0].before != nil)
    }

    @Test(arguments: StoreKind.allCases)
    func badRatingInABatchWritesNothingAndNamesTheField(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let before = try store.exportWorkspace()
        let good = Assessment(party: "USA", factor: .threat, region: "anbar", capability: nil, month: YearMonth(year: 2025, month: 1),
                              value: 2, trend: .falling, scale: ScaleReference(factor: .threat, version: 1))
        var bad = good
        bad.region = "atlantis"
        var outOfScale = good
        outOfScale.value = 9
        #expect { try store.recordAssessments([good, good, bad], actor: "x") } throws: { error in
            "\(error)".contains("assessments[2].region") && "\(error)".contains("atlantis")
        }
        #expect { try store.recordAssessments([outOfScale], actor: "x") } throws: { "\($0)".contains("assessments[0].value") }
        #expect(try store.exportWorkspace() == before)
    }

    @Test(arguments: StoreKind.allCases)
    func evidenceItemsAreProposedThenReviewed(kind: StoreKind) throws {
        let store = try kind.make()
        let doc = try store.addEvidence(file: "report.txt", sha256: "ab", items: [("event", #"{"type":"attack"}"#), ("number", #"{"value":150}"#)], actor: "analyst")
        var items = try store.evidenceItems()
        #expect(items.count == 2 && items.allSatisfy { $0.status == .proposed && $0.documentID == doc })
        try store.reviewEvidenceItem(id: items[0].id, status: .accepted, reviewer: "wg1-irq")
        try store.reviewEvidenceItem(id: items[1].id, status: .rejected, reviewer: "wg1-usa")
        items = try store.evidenceItems()
        #expect(items.map(\.status) == [.accepted, .rejected])
        #expect(items[0].reviewedBy == "wg1-irq" && items[0].reviewedAt != nil)
        #expect(throws: StorageError.self) { try store.reviewEvidenceItem(id: 999, status: .accepted, reviewer: "x") }
    }

    @Test(arguments: StoreKind.allCases)
    func decisionBindsOnlyWhenBothCoChairsSign(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let book = DecisionBook(store: store)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try registerCoChairs(book, irq, usa)
        let (entry, plan) = try book.proposePlan(mode: .conditions, actor: "sec")
        let body = try #require(entry.parsedBody)
        #expect(body["payload"]?["planHash"]?.stringValue == (try DecisionBook.planHash(plan)))
        #expect(body["payload"]?["ratings"]?["count"]?.intValue == (try store.scenario().assessments.count))
        var state = try book.sign(seq: entry.seq, key: irq, actor: "irq-co-chair")
        #expect(!state.binding)
        #expect(throws: StorageError.self) { try book.sign(seq: entry.seq, key: irq, actor: "again") }
        #expect(throws: StorageError.self) { try book.sign(seq: entry.seq, key: PartyKey(party: "USA"), actor: "rogue") }
        state = try book.sign(seq: entry.seq, key: usa, actor: "usa-co-chair")
        #expect(state.binding)
        let report = try book.verify()
        #expect(report.ok && report.entries == 7 && report.decisions[0].binding)
    }

    @Test(arguments: StoreKind.allCases)
    func bindingResolutionClearsADispute(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let month = YearMonth(year: 2025, month: 1)
        func rate(_ party: String, _ value: Double) -> Assessment {
            Assessment(party: party, factor: .capability, region: "anbar", capability: "isr", month: month, value: value,
                       scale: ScaleReference(factor: .capability, version: 1))
        }
        try store.recordAssessments([rate("IRQ", 4), rate("USA", 1)], actor: "wg3")
        let book = DecisionBook(store: store)
        func gate() throws -> GateStatus? {
            GateStatus.all(try book.scenario(), month: month).first { $0.region == "anbar" && $0.capability == "isr" }
        }
        #expect(try gate()?.state == .disputed)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try registerCoChairs(book, irq, usa)
        let d = try book.propose(DecisionRequest(kind: .resolveDispute, region: "anbar", capability: "isr", month: "2025-01",
                                                 factor: .capability, value: 2), actor: "sec")
        try book.sign(seq: d.seq, key: irq, actor: "irq")
        #expect(try gate()?.state == .disputed)
        try book.sign(seq: d.seq, key: usa, actor: "usa")
        #expect(try gate()?.state != .disputed)
    }
}

@Suite struct ScenarioExportTests {
    @Test(arguments: StoreKind.allCases)
    func scenarioExportLoadsBackToTheSameScenario(kind: StoreKind) throws {
        let store = try kind.make()
        var weighted = try example()
        weighted.capabilities[1].weight = 1.75  // a weight other than the default travels too
        try store.importScenario(weighted, actor: "sec")
        try store.recordAssessments([
            Assessment(party: "IRQ", factor: .threat, region: "anbar", capability: nil, month: YearMonth(year: 2025, month: 1), value: 2.5,
                       trend: .falling, scale: ScaleReference(factor: .threat, version: 1), confidence: .high,
                       evidence: [EvidenceReference(source: "seed-004", note: "quote \" and back\\slash — عربي", rating: SourceRating("B2"))]),
        ], actor: "wg1")
        let scenario = try store.scenario()
        let text = ScenarioWriter.json(scenario)
        let (back, warnings) = try ScenarioLoader.load(text: text, file: "export.json")
        #expect(warnings.filter { $0.severity == .error }.isEmpty)
        #expect(back.id == scenario.id && back.parties == scenario.parties && back.regions == scenario.regions)
        #expect(back.capabilities == scenario.capabilities && scenario.capabilities[1].weight == 1.75)
        #expect(back.sites == scenario.sites && back.phases == scenario.phases && back.policy == scenario.policy)
        #expect(back.capacity == scenario.capacity && back.growth == scenario.growth && back.scales == scenario.scales)
        #expect(Set(back.assessments) == Set(scenario.assessments))
        #expect(back.commitments == scenario.commitments && back.incidents == scenario.incidents)
        #expect(back.sources == scenario.sources)
    }
}

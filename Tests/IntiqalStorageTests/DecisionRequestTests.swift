import Foundation
import IntiqalDomain
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// Every decision's payload is checked against the scenario when proposed, and a binding
/// decision can never carry what a proposal could not (issue 9, item 3).
@Suite struct DecisionRequestTests {
    func threat(_ value: Double, capability: String? = nil, month: String = "2025-01") -> DecisionRequest {
        DecisionRequest(kind: .resolveDispute, region: "anbar", capability: capability, month: month, factor: .threat, value: value)
    }

    func refusal(_ request: DecisionRequest) throws -> StorageError? {
        do {
            _ = try request.validated(against: try example())
            return nil
        } catch let error as StorageError {
            return error
        }
    }

    @Test(arguments: [99.0, -3, 0, 5.5, .nan, .infinity, -.infinity])
    func resolutionOutsideTheThreatScaleIsRefusedNamingValue(value: Double) throws {
        let error = try #require(try refusal(threat(value)))
        #expect(error.field == "value")
        #expect(!error.description.contains("nan resolved"))
    }

    @Test func resolutionOnTheScaleIsAcceptedWithAPlainSummary() throws {
        let (summary, payload) = try threat(2.5).validated(against: try example())
        #expect(summary == "threat anbar resolved at 2.5 from 2025-01")
        #expect(payload["value"] == .number(2.5))
        #expect(try threat(3).validated(against: try example()).summary.contains("resolved at 3 from"))
    }

    @Test func threatIsResolvedPerRegionAndTheOtherFactorsPerCapability() throws {
        #expect(try refusal(threat(2, capability: "isr"))?.field == "capability")
        let capability = DecisionRequest(kind: .resolveDispute, region: "anbar", month: "2025-01", factor: .capability, value: 2)
        #expect(try refusal(capability)?.field == "capability")
    }

    @Test func monthsOutsideTheScenarioAreRefused() throws {
        let phase = DecisionRequest(kind: .phaseComplete, month: "2199-01", phase: "federal-iraq")
        #expect(try refusal(phase)?.field == "month")
        #expect(try refusal(threat(2, month: "2024-01"))?.field == "month")
        #expect(try refusal(threat(2, month: "2025-13"))?.field == "month")
        let gate = DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2099-01")
        #expect(try refusal(gate)?.field == "month")
    }

    @Test func unknownIdsAndFieldsOfAnotherKindAreRefused() throws {
        #expect(try refusal(DecisionRequest(kind: .gateMet, region: "atlantis", capability: "isr", month: "2025-03"))?.field == "region")
        #expect(try refusal(DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-03", value: 3))?.field == "value")
        #expect(try refusal(DecisionRequest(kind: .phaseComplete, month: "2025-03", phase: "nope"))?.field == "phase")
        #expect(try refusal(DecisionRequest(kind: .adoptScale, factor: .threat, version: 7))?.field == "version")
        let commitment = try example().commitments[0].id
        #expect(try refusal(DecisionRequest(kind: .commitmentStatus, month: "2025-01", commitment: commitment, status: 4))?.field == "status")
        #expect(try refusal(DecisionRequest(kind: .commitmentStatus, month: "2025-01", commitment: commitment, status: -1))?.field == "status")
        #expect(try refusal(DecisionRequest(kind: .gateMet, region: "anbar", month: "2025-03"))?.field == "capability")
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedProposalWritesNothing(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        #expect(throws: StorageError.self) { try DecisionBook(store: store).propose(threat(99), actor: "sec") }
        #expect(try store.ledgerEntries().isEmpty)
    }

    /// A ledger written before proposals were checked may hold a binding decision with an
    /// impossible value: it takes no effect, and the book says which and why.
    @Test(arguments: StoreKind.allCases)
    func aBindingDecisionTheRulesRefuseTakesNoEffect(kind: StoreKind) throws {
        let store = try kind.make()
        let scenario = try example()
        try store.importScenario(scenario, actor: "sec")
        let book = DecisionBook(store: store)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try registerCoChairs(book, irq, usa)
        // As an older Intiqal wrote it: straight into the ledger, unchecked.
        let decision = Decision(kind: .resolveDispute, summary: "threat anbar resolved at 99.0 from 2025-01",
                                payload: ["factor": "threat", "region": "anbar", "month": "2025-01", "value": .number(99),
                                          "scenario": .string(scenario.id)],
                                requiredParties: ["IRQ", "USA"], proposedBy: "sec", proposedAt: "2025-01-01T00:00:00Z")
        let entry = try store.appendLedger(actor: "sec") { seq, prev in .make(seq: seq, kind: .decision, prevHash: prev, body: decision.body) }
        try book.sign(seq: entry.seq, key: irq, actor: "irq")
        try book.sign(seq: entry.seq, key: usa, actor: "usa")
        #expect(try book.verify().decisions.first { $0.seq == entry.seq }?.binding == true)
        let (effective, refused) = try book.effects()
        #expect(refused.map(\.seq) == [entry.seq])
        #expect(refused.first?.description.contains("value: 99 is outside the threat scale 1–5") == true)
        #expect(!effective.resolutions.contains { $0.value == 99 })
    }
}

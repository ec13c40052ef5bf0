import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage
import Testing

@Suite struct DecisionRulesTests {
    @Test func onlySecretariatAndCoChairsPropose() throws {
        let c = try staffedCommission()
        let request = DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-01")
        for name in ["usa-analyst", "irq-capability", "gbr-liaison"] {
            let error = #expect(throws: CommissionError.self) { try c.propose(request, by: try viewer(c, name)) }
            #expect(error?.isForbidden == true, "\(name)")
        }
        #expect(try c.propose(request, by: try viewer(c, "secretariat")).seq == 1)
        #expect(try c.ledger(for: try viewer(c, "irq-capability")).count == 1)
        #expect(try c.ledger(for: try viewer(c, "gbr-liaison")).isEmpty)
    }

    @Test func aMalformedDecisionIsRefusedAtProposalNamingTheField() throws {
        let c = try staffedCommission()
        let error = #expect(throws: CommissionError.self) {
            try c.propose(DecisionRequest(kind: .gateMet, region: "nowhere", capability: "isr", month: "2025-01"), by: .fileHolder("secretariat"))
        }
        #expect(error?.isInvalid == true)
        #expect(try c.ledger(for: .fileHolder("x")).isEmpty)
    }

    @Test func onlyThePartysCoChairSigns() throws {
        let c = try staffedCommission()
        let key = PartyKey(party: "IRQ")
        let error = #expect(throws: CommissionError.self) {
            try c.registerKey(party: "IRQ", publicKey: key.publicKey, by: try viewer(c, "usa-analyst"))
        }
        #expect(error?.isForbidden == true)
        try c.registerKey(party: "IRQ", publicKey: key.publicKey, by: try viewer(c, "irq-cochair"))
        let sign = #expect(throws: CommissionError.self) { try c.sign(decision: 1, key: key, by: try viewer(c, "secretariat")) }
        #expect(sign?.isForbidden == true)
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalLedger
import IntiqalServer
import IntiqalStorage
import Testing

/// Co-chairs sign on their own machines; the server only checks and stores the signature.
@Suite struct SignatureTests {
    /// The demo with both co-chairs' keys registered and countersigned, and two proposed decisions.
    static func prepared(seed: UInt64) throws -> (DemoWorkspace, irq: PartyKey, usa: PartyKey, decisions: [Int]) {
        let demo = try makeDemo(seed: seed)
        let c = demo.commission
        let irqChair = Viewer.user(demo.account("irq-cochair").user), usaChair = Viewer.user(demo.account("usa-cochair").user)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        let a = try c.registerKey(party: "IRQ", publicKey: irq.publicKey, by: irqChair).seq
        let b = try c.registerKey(party: "USA", publicKey: usa.publicKey, by: usaChair).seq
        try c.countersign(key: a, with: usa, by: usaChair)
        try c.countersign(key: b, with: irq, by: irqChair)
        let secretariat = Viewer.user(demo.account("usa-secretariat").user)
        let d1 = try c.propose(DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-01"), by: secretariat).seq
        let d2 = try c.propose(DecisionRequest(kind: .gateMet, region: "anbar", capability: "air-cover", month: "2025-01"), by: secretariat).seq
        return (demo, irq, usa, [d1, d2])
    }

    /// What a co-chair's machine does: read the head, sign the entry-to-be, send the signature.
    static func signed(_ key: PartyKey, decision: Int, by: String, ledger: [[String: Any]], targetHash: String? = nil,
                       signAs target: Int? = nil) -> String {
        let last = ledger.last!
        let seq = (last["seq"] as! NSNumber).intValue + 1, head = last["hash"] as! String
        let hash = targetHash ?? ledger.first { ($0["seq"] as! NSNumber).intValue == decision }!["hash"] as! String
        let message = LedgerEntry.signatureMessage(seq: seq, prevHash: head, target: target ?? decision, targetHash: hash, party: key.party,
                                                   publicKey: key.publicKey, by: by, at: "2026-01-01T00:00:00Z")
        return json(["party": key.party, "publicKey": key.publicKey, "head": head, "at": "2026-01-01T00:00:00Z",
                     "signature": try! key.sign(message: message)]).dropLast() + #","seq":\#(seq)}"#
    }

    @Test func aSignatureMadeElsewhereBindsOnceBothCoChairsSign() async throws {
        let (demo, irq, usa, decisions) = try Self.prepared(seed: 41)
        try await application(demo).test(.router) { client in
            let irqChair = try await client.signIn(demo, "irq-cochair"), usaChair = try await client.signIn(demo, "usa-cochair")
            var ledger = items(try await client.send("/api/v1/ledger", headers: irqChair.readHeaders))
            let first = try await client.send("/api/v1/decisions/\(decisions[0])/signatures", .post, headers: irqChair.writeHeaders,
                                              body: Self.signed(irq, decision: decisions[0], by: "irq-cochair", ledger: ledger))
            #expect(first.status == .created && object(first)["binding"] as? Bool == false, "\(String(buffer: first.body))")
            ledger = items(try await client.send("/api/v1/ledger", headers: usaChair.readHeaders))
            let second = try await client.send("/api/v1/decisions/\(decisions[0])/signatures", .post, headers: usaChair.writeHeaders,
                                               body: Self.signed(usa, decision: decisions[0], by: "usa-cochair", ledger: ledger))
            #expect(second.status == .created && object(second)["binding"] as? Bool == true)
            let listed = items(try await client.send("/api/v1/decisions", headers: irqChair.readHeaders))
            #expect(listed.first { ($0["seq"] as? NSNumber)?.intValue == decisions[0] }?["binding"] as? Bool == true)
            #expect(items(try await client.send("/api/v1/keys", headers: irqChair.readHeaders)).count == 2)
            let gbr = try await client.signIn(demo, "gbr-liaison")
            #expect(items(try await client.send("/api/v1/decisions", headers: gbr.readHeaders)).isEmpty)
        }
        let report = LedgerVerifier.verify(try demo.commission.store.ledgerEntries())
        #expect(report.failure == nil && report.decisions.first { $0.seq == decisions[0] }?.binding == true)
    }

    @Test func wrongKeyOtherBodyReplayAndStaleHeadAreRefusedAndNothingIsWritten() async throws {
        let (demo, irq, usa, decisions) = try Self.prepared(seed: 42)
        try await application(demo).test(.router) { client in
            let s = try await client.signIn(demo, "irq-cochair")
            let ledger = items(try await client.send("/api/v1/ledger", headers: s.readHeaders))
            let uri = "/api/v1/decisions/\(decisions[0])/signatures"
            // The USA key presented as IRQ's.
            let foreign = PartyKey(party: "IRQ")
            var r = try await client.send(uri, .post, headers: s.writeHeaders, body: Self.signed(foreign, decision: decisions[0], by: "irq-cochair", ledger: ledger))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "publicKey")
            // USA's registered, active key, presented as IRQ's (signed with it, so the signature itself verifies).
            r = try await client.send(uri, .post, headers: s.writeHeaders,
                                      body: Self.signed(usa, decision: decisions[0], by: "irq-cochair", ledger: ledger)
                                        .replacingOccurrences(of: #""party":"USA""#, with: #""party":"IRQ""#))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "publicKey", "\(String(buffer: r.body))")
            // IRQ's co-chair signing for USA with USA's key: not theirs to sign.
            r = try await client.send(uri, .post, headers: s.writeHeaders, body: Self.signed(usa, decision: decisions[0], by: "irq-cochair", ledger: ledger))
            #expect(r.status == .forbidden)
            // Over another body: the other decision's hash.
            let otherHash = ledger.first { ($0["seq"] as! NSNumber).intValue == decisions[1] }!["hash"] as! String
            r = try await client.send(uri, .post, headers: s.writeHeaders,
                                      body: Self.signed(irq, decision: decisions[0], by: "irq-cochair", ledger: ledger, targetHash: otherHash))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "signature")
            // Replayed: a signature of decision 2 sent for decision 1.
            r = try await client.send(uri, .post, headers: s.writeHeaders,
                                      body: Self.signed(irq, decision: decisions[1], by: "irq-cochair", ledger: ledger))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "signature")
            // Signed as someone else: the server puts the signed-in user in the body.
            r = try await client.send(uri, .post, headers: s.writeHeaders, body: Self.signed(irq, decision: decisions[0], by: "usa-cochair", ledger: ledger))
            #expect(r.status == .unprocessableContent)
            // Not IRQ's co-chair.
            let usaChair = try await client.signIn(demo, "usa-cochair")
            r = try await client.send(uri, .post, headers: usaChair.writeHeaders, body: Self.signed(irq, decision: decisions[0], by: "usa-cochair", ledger: ledger))
            #expect(r.status == .forbidden)
            #expect(try await client.send("/api/v1/ledger", headers: s.readHeaders).body == (try await client.send("/api/v1/ledger", headers: s.readHeaders)).body)
            #expect(items(try await client.send("/api/v1/ledger", headers: s.readHeaders)).count == ledger.count)
            // A good signature over a head that has since moved: 409, sign again.
            let stale = Self.signed(irq, decision: decisions[0], by: "irq-cochair", ledger: ledger)
            _ = try demo.commission.propose(.init(kind: .gateMet, region: "baghdad", capability: "isr", month: "2025-01"),
                                            by: .user(demo.account("usa-secretariat").user))
            r = try await client.send(uri, .post, headers: s.writeHeaders, body: stale)
            #expect(r.status == .conflict)
        }
        #expect(LedgerVerifier.verify(try demo.commission.store.ledgerEntries()).failure == nil)
    }
}

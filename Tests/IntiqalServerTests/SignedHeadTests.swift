import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalLedger
import IntiqalServer
import IntiqalStorage
import Testing

/// The server keeps the signed heads it is shown and refuses to serve a ledger that
/// contradicts one, even when the workspace file is changed behind it.
@Suite struct SignedHeadTests {
    /// The demo served from a workspace file: both co-chairs' keys countersigned, one decision
    /// signed by both (7 entries).
    static func prepared(seed: UInt64, store given: SQLiteWorkspaceStore? = nil) throws -> (DemoWorkspace, path: String, irq: PartyKey, usa: PartyKey) {
        let path = try temporaryDirectory().appendingPathComponent("w.intiqal").path
        let store = try given ?? SQLiteWorkspaceStore(path: path, create: true, now: { fixedNow })
        let demo = try makeDemo(seed: seed, store: store)
        let c = demo.commission
        let irqChair = Viewer.user(demo.account("irq-cochair").user), usaChair = Viewer.user(demo.account("usa-cochair").user)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        let a = try c.registerKey(party: "IRQ", publicKey: irq.publicKey, by: irqChair).seq
        let b = try c.registerKey(party: "USA", publicKey: usa.publicKey, by: usaChair).seq
        try c.countersign(key: a, with: usa, by: usaChair)
        try c.countersign(key: b, with: irq, by: irqChair)
        let d = try c.propose(DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-01"),
                              by: .user(demo.account("usa-secretariat").user)).seq
        try c.sign(decision: d, key: irq, by: irqChair)
        try c.sign(decision: d, key: usa, by: usaChair)
        return (demo, path, irq, usa)
    }

    /// What a co-chair's machine does: read the head, sign it.
    static func signHead(_ client: some TestClientProtocol, _ s: Session, _ key: PartyKey) async throws -> LedgerReceipt {
        let head = object(try await client.send("/api/v1/ledger/head", headers: s.readHeaders))
        let seq = try #require(head["seq"] as? NSNumber).intValue, hash = try #require(head["head"] as? String)
        #expect(head["type"] as? String == "receipt")
        return try LedgerReceipt(seq: seq, head: hash, at: "2026-01-01T00:00:00Z", key: key)
    }

    /// Every ledger-derived read and write answers 503 naming the contradiction; the ratings
    /// (which do not rest on the ledger) are still served.
    static func expectRefused(_ client: some TestClientProtocol, _ s: Session, naming words: String) async throws {
        for uri in ["/api/v1/ledger", "/api/v1/decisions", "/api/v1/keys", "/api/v1/ledger/head", "/api/v1/status", "/api/v1/plan", "/ready"] {
            let r = try await client.send(uri, headers: s.readHeaders)
            #expect(r.status == .serviceUnavailable, "\(uri): \(r.status)")
            #expect(r.headers[.contentType] == "application/problem+json")
            let detail = object(r)["detail"] as? String ?? ""
            #expect(detail.contains("contradicts") && detail.contains(words), "\(uri): \(detail)")
        }
        let propose = try await client.send("/api/v1/decisions", .post, headers: s.writeHeaders,
                                            body: #"{"kind":"gate-met","region":"anbar","capability":"isr","month":"2025-01"}"#)
        #expect(propose.status == .serviceUnavailable)
        #expect(try await client.send("/api/v1/assessments", headers: s.readHeaders).status == .ok)
    }

    @Test func aLedgerTruncatedBehindTheServerIsRefusedAndStaysRefusedAfterARestart() async throws {
        let (demo, path, irq, _) = try Self.prepared(seed: 71)
        try await application(demo).test(.router) { client in
            let chair = try await client.signIn(demo, "irq-cochair")
            let receipt = try await Self.signHead(client, chair, irq)
            #expect(receipt.seq == 7)
            let kept = try await client.send("/api/v1/ledger/receipts", .post, headers: chair.writeHeaders, body: receiptBody(receipt))
            #expect(kept.status == .created && object(kept)["new"] as? Bool == true, "\(String(buffer: kept.body))")
            let again = try await client.send("/api/v1/ledger/receipts", .post, headers: chair.writeHeaders, body: receiptBody(receipt))
            #expect(again.status == .ok && object(again)["new"] as? Bool == false)
            #expect(try await client.send("/ready").status == .ok)
            #expect(items(try await client.send("/api/v1/ledger", headers: chair.readHeaders)).count == 7)

            // Behind the server: the last two entries (a signature and the binding it made) go.
            let db = try DatabaseQueue(path: path)
            try await db.write { try $0.execute(sql: "DELETE FROM ledger_entry WHERE seq >= 6") }
            let secretariat = try await client.signIn(demo, "usa-secretariat")
            try await Self.expectRefused(client, secretariat, naming: "IRQ's signed head of entry 7")
            let r = try await client.send("/api/v1/ledger", headers: chair.readHeaders)
            #expect((object(r)["detail"] as? String ?? "").contains("entries were deleted"))
            // Every entry gone: an empty ledger is no way out.
            try await db.write { try $0.execute(sql: "DELETE FROM ledger_entry") }
            try await Self.expectRefused(client, secretariat, naming: "the ledger has 0 entries")
        }
        // A new server on the file (a restart) remembers it from the workspace.
        let restarted = Commission(store: try SQLiteWorkspaceStore(path: path, now: { fixedNow }), now: { fixedNow })
        let refused = #expect(throws: CommissionError.self) { try restarted.ledger(for: .user(demo.account("usa-cochair").user)) }
        #expect(refused?.isUnavailable == true && refused?.description.contains("entry 7") == true)
        #expect(try restarted.ledgerProblem() != nil)
    }

    @Test func aLedgerRewrittenBehindTheServerIsRefusedEvenWhenTheKeptHeadsAreDeletedToo() async throws {
        let (demo, path, _, usa) = try Self.prepared(seed: 72)
        // Another history of the same length, valid on its own (other keys, other hashes).
        let (other, _, _, _) = try Self.prepared(seed: 73, store: try SQLiteWorkspaceStore(inMemory: "other", now: { fixedNow }))
        let forged = try other.commission.store.ledgerEntries()
        #expect(LedgerVerifier.verify(forged).ok && forged.count == 7)
        try await application(demo).test(.router) { client in
            let chair = try await client.signIn(demo, "usa-cochair")
            let receipt = try await Self.signHead(client, chair, usa)
            #expect(try await client.send("/api/v1/ledger/receipts", .post, headers: chair.writeHeaders, body: receiptBody(receipt)).status == .created)
            let db = try DatabaseQueue(path: path)
            try await db.write { db in
                try db.execute(sql: "DELETE FROM ledger_entry")
                for e in forged {
                    try db.execute(sql: "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body, marking) VALUES (?, ?, ?, ?, ?, 'JOINT')",
                                   arguments: [e.seq, e.kind.rawValue, e.prevHash, e.hash, e.body])
                }
                try db.execute(sql: "DELETE FROM signed_head")   // and the kept heads with it
            }
            try await Self.expectRefused(client, chair, naming: "USA's signed head of entry 7")
        }
    }

    @Test func aBadOrForeignReceiptIsRefusedAndAContradictedOneIsKeptAndRefusesTheLedger() async throws {
        let (demo, _, irq, usa) = try Self.prepared(seed: 74)
        try await application(demo).test(.router) { client in
            let chair = try await client.signIn(demo, "irq-cochair")
            let good = try await Self.signHead(client, chair, irq)
            let uri = "/api/v1/ledger/receipts"
            // Not verifying: another head under the same signature.
            var forged = good
            forged.head = String(repeating: "a", count: 64)
            var r = try await client.send(uri, .post, headers: chair.writeHeaders, body: receiptBody(forged))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "signature")
            // Signed by a key that is not registered.
            let stranger = try LedgerReceipt(seq: good.seq, head: good.head, at: good.at, key: PartyKey(party: "IRQ"))
            r = try await client.send(uri, .post, headers: chair.writeHeaders, body: receiptBody(stranger))
            #expect(r.status == .unprocessableContent && object(r)["field"] as? String == "publicKey")
            // USA's receipt shown by IRQ's co-chair; anyone's by an analyst or the liaison officer.
            let usaReceipt = try LedgerReceipt(seq: good.seq, head: good.head, at: good.at, key: usa)
            #expect(try await client.send(uri, .post, headers: chair.writeHeaders, body: receiptBody(usaReceipt)).status == .forbidden)
            for name in ["irq-analyst", "gbr-liaison", "irq-threat"] {
                let s = try await client.signIn(demo, name)
                #expect(try await client.send(uri, .post, headers: s.writeHeaders, body: receiptBody(good)).status == .forbidden, "\(name)")
            }
            let gbr = try await client.signIn(demo, "gbr-liaison")
            #expect(try await client.send("/api/v1/ledger/head", headers: gbr.readHeaders).status == .notFound)
            #expect(try await client.send(uri, .post, headers: chair.writeHeaders, body: "{}").status == .unprocessableContent)
            // Nothing was kept: the ledger is served.
            #expect(try await client.send("/api/v1/ledger", headers: chair.readHeaders).status == .ok)
            // A genuine signed head of a history this ledger does not have (entry 9 of 7).
            let ahead = try LedgerReceipt(seq: 9, head: String(repeating: "b", count: 64), at: good.at, key: irq)
            r = try await client.send(uri, .post, headers: chair.writeHeaders, body: receiptBody(ahead))
            #expect(r.status == .conflict && (object(r)["detail"] as? String ?? "").contains("entries were deleted"), "\(String(buffer: r.body))")
            try await Self.expectRefused(client, chair, naming: "IRQ's signed head of entry 9")
        }
    }
}

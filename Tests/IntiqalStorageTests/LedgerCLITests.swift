import Foundation
import GRDB
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// The ledger's blind spots closed, through the real executable: receipts against truncation
/// and rewrites, countersigned keys against forged registrations, the export.
@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct LedgerCLITests {
    /// A workspace with both co-chairs' keys countersigned, a binding decision (entries 1–7) and
    /// a receipt of IRQ for its head.
    func signedWorkspace() throws -> (dir: TempDir, workspace: String, receipt: String) {
        let dir = TempDir()
        let w = dir.path("w.intiqal")
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        for party in ["IRQ", "USA"] {
            #expect(try intiqal("keys", "new", "--party", party, "--out", dir.path("\(party).key")).0 == 0)
            #expect(try intiqal("keys", "register", "--workspace", w, "--key", dir.path("\(party).key")).0 == 0)
        }
        let early = try intiqal("sign", "--workspace", w, "--entry", "1", "--key", dir.path("USA.key"))
        #expect(early.0 == 0 && early.1.contains("active once IRQ's co-chair countersigns"))
        #expect(try intiqal("sign", "--workspace", w, "--entry", "2", "--key", dir.path("IRQ.key")).1.contains("; active"))
        #expect(try intiqal("decide", "adopt-plan", "--workspace", w).0 == 0)
        for party in ["IRQ", "USA"] {
            #expect(try intiqal("sign", "--workspace", w, "--entry", "5", "--key", dir.path("\(party).key")).0 == 0)
        }
        let receipt = dir.path("irq.receipt")
        let made = try intiqal("ledger", "receipt", "--workspace", w, "--key", dir.path("IRQ.key"), "--out", receipt)
        #expect(made.0 == 0 && made.1.contains("entry 7"))
        return (dir, w, receipt)
    }

    func edit(_ path: String, _ sql: String) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: sql) }
        try raw.close()
    }

    /// A signature the server would refuse, written into the file by hand with a valid chain
    /// (`appendLedger` writes the row as given): `ledger verify` names it.
    @Test(arguments: ["wrong party's key", "another body", "replayed from another decision"])
    func aForgedSignatureWrittenByHandFailsVerify(_ forgery: String) throws {
        let (dir, w, _) = try signedWorkspace()
        let irq = try PartyKey.read(path: dir.path("IRQ.key")), usa = try PartyKey.read(path: dir.path("USA.key"))
        do {
            let store = try SQLiteWorkspaceStore(path: w)
            let book = DecisionBook(store: store)
            let decision = try book.propose(DecisionRequest(kind: .gateMet, region: "anbar", capability: "isr", month: "2025-01"), actor: "sec")
            #expect(decision.seq == 8)
            let entries = try store.ledgerEntries()
            let at = "2026-01-01T00:00:00Z"
            try store.appendLedger(actor: "hand") { seq, prev in
                func message(target: Int, targetHash: String, party: String, key: PartyKey) -> [UInt8] {
                    LedgerEntry.signatureMessage(seq: seq, prevHash: prev, target: target, targetHash: targetHash, party: party,
                                                 publicKey: key.publicKey, by: "irq-cochair", at: at)
                }
                let signature: String, key: PartyKey
                switch forgery {
                case "wrong party's key":   // USA's key, claiming to sign for IRQ
                    key = usa
                    signature = try usa.sign(message: message(target: 8, targetHash: decision.hash, party: "IRQ", key: usa))
                case "another body":        // IRQ's key over decision 5's body
                    key = irq
                    signature = try irq.sign(message: message(target: 5, targetHash: entries[4].hash, party: "IRQ", key: irq))
                default:                    // IRQ's signature of decision 5 (entry 6), copied
                    key = irq
                    let body = try JSONSerialization.jsonObject(with: Data(entries[5].body.utf8)) as! [String: Any]
                    #expect(body["entry"] as? Int == 5 && body["party"] as? String == "IRQ")
                    signature = body["signature"] as! String
                }
                return .makeSignature(seq: seq, prevHash: prev, target: 8, targetHash: decision.hash, party: "IRQ",
                                      publicKey: key.publicKey, by: "irq-cochair", at: at, signature: signature)
            }
        }
        let r = try intiqal("ledger", "verify", "--workspace", w)
        #expect(r.0 == 1 && r.2.contains("entry 9"), "\(forgery): \(r)")
        #expect(!r.1.contains("ledger ok"))
    }

    @Test func aReceiptAsJSONIsTheServersBody() throws {
        let (dir, w, receipt) = try signedWorkspace()
        let r = try intiqal("ledger", "receipt", "--workspace", w, "--key", dir.path("IRQ.key"), "--format", "json")
        #expect(r.0 == 0)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(r.1.utf8)) as? [String: Any])
        let text = try LedgerReceipt.read(path: receipt)
        #expect(body["seq"] as? Int == 7 && body["head"] as? String == text.head && body["party"] as? String == "IRQ")
        #expect(body["publicKey"] as? String == text.publicKey && (body["signature"] as? String)?.isEmpty == false)
        #expect(Set(body.keys) == ["seq", "head", "at", "party", "publicKey", "signature"])
        let signed = LedgerReceipt(seq: 7, head: text.head, at: body["at"] as! String, party: "IRQ", publicKey: text.publicKey,
                                   signature: body["signature"] as! String)
        #expect(signed.signatureVerifies)
    }

    @Test func validReceiptPasses() throws {
        let (_, w, receipt) = try signedWorkspace()
        let r = try intiqal("ledger", "verify", "--workspace", w, "--receipt", receipt)
        #expect(r.0 == 0 && r.1.contains("ledger ok: 7 entries") && r.1.contains("1 receipt held"))
        #expect(try String(contentsOfFile: receipt, encoding: .utf8).hasPrefix("intiqal-ledger-receipt 1\nseq 7\n"))
    }

    @Test func deletingTheLastEntryFailsAgainstAReceipt() throws {
        let (_, w, receipt) = try signedWorkspace()
        try edit(w, "DELETE FROM ledger_entry WHERE seq = 7")
        #expect(try intiqal("ledger", "verify", "--workspace", w).0 == 0)  // alone, a shorter chain is still a chain
        let r = try intiqal("ledger", "verify", "--workspace", w, "--receipt", receipt)
        #expect(r.0 == 1 && r.2.contains("receipt \(receipt)") && r.2.contains("6 entries, fewer than the receipt's 7"))
    }

    @Test func deletingEveryEntryFailsAgainstAReceipt() throws {
        let (_, w, receipt) = try signedWorkspace()
        try edit(w, "DELETE FROM ledger_entry")
        let r = try intiqal("ledger", "verify", "--workspace", w, "--receipt", receipt)
        #expect(r.0 == 1 && r.2.contains("receipt \(receipt)") && r.2.contains("0 entries"))
    }

    @Test func rewriteBehindAReceiptFails() throws {
        let (dir, w, receipt) = try signedWorkspace()
        // Another workspace, valid on its own, copied over this one's ledger.
        let other = dir.path("other.intiqal")
        #expect(try intiqal("init", other, "--example", "iraq-2024").0 == 0)
        for party in ["IRQ", "USA"] {
            #expect(try intiqal("keys", "new", "--party", party, "--out", dir.path("other-\(party).key")).0 == 0)
            #expect(try intiqal("keys", "register", "--workspace", other, "--key", dir.path("other-\(party).key")).0 == 0)
        }
        #expect(try intiqal("sign", "--workspace", other, "--entry", "1", "--key", dir.path("other-USA.key")).0 == 0)
        #expect(try intiqal("sign", "--workspace", other, "--entry", "2", "--key", dir.path("other-IRQ.key")).0 == 0)
        for _ in 0..<3 { #expect(try intiqal("decide", "adopt-plan", "--workspace", other).0 == 0) }
        try edit(w, "ATTACH DATABASE '\(other)' AS o; DELETE FROM ledger_entry; INSERT INTO ledger_entry SELECT * FROM o.ledger_entry")
        #expect(try intiqal("ledger", "verify", "--workspace", w).0 == 0)
        let r = try intiqal("ledger", "verify", "--workspace", w, "--receipt", receipt)
        #expect(r.0 == 1 && r.2.contains("receipt \(receipt)") && r.2.contains("history was rewritten"))
    }

    @Test func forgedKeyEntryAppendedByHandIsCaughtWhenItSigns() throws {
        let (dir, w, _) = try signedWorkspace()
        // A forger with the file: registers their own "USA" key (pending) and signs with it
        // through the CLI, which refuses; then appends the signature by hand, which verify names.
        #expect(try intiqal("keys", "new", "--party", "USA", "--out", dir.path("forged.key")).0 == 0)
        #expect(try intiqal("keys", "register", "--workspace", w, "--key", dir.path("forged.key")).0 == 0)
        #expect(try intiqal("decide", "adopt-plan", "--workspace", w).0 == 0)
        let refused = try intiqal("sign", "--workspace", w, "--entry", "9", "--key", dir.path("forged.key"))
        #expect(refused.0 == 1 && refused.2.contains("not yet countersigned"))
        let pending = try intiqal("ledger", "verify", "--workspace", w)
        #expect(pending.0 == 0 && pending.1.contains("1 key awaiting countersignature"))
        // By hand: the signature entry a forger would write, chained correctly.
        let store = try SQLiteWorkspaceStore(path: w)
        let entries = try store.ledgerEntries()
        let forged = try PartyKey.read(path: dir.path("forged.key"))
        let entry = try LedgerEntry.makeSignature(seq: 10, prevHash: entries[8].hash, target: 9, targetHash: entries[8].hash,
                                                                key: forged, by: "forger", at: "2026-01-01T00:00:00Z")
        try edit(w, "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (10, 'signature', '\(entry.prevHash)', '\(entry.hash)', '\(entry.body.replacingOccurrences(of: "'", with: "''"))')")
        let r = try intiqal("ledger", "verify", "--workspace", w)
        #expect(r.0 == 1 && r.2.contains("entry 10") && r.2.contains("no other party has countersigned"))
    }

    @Test func exportWritesEveryEntryAndRefusesAnExistingDirectory() throws {
        let (dir, w, receipt) = try signedWorkspace()
        let out = dir.path("export")
        let r = try intiqal("ledger", "export", "--workspace", w, "--out", out, "--receipt", receipt)
        #expect(r.0 == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out + "/entries").sorted()
        #expect(names.count == 7 && names.first == "000001.json")
        #expect(FileManager.default.fileExists(atPath: out + "/receipts/irq.receipt"))
        #expect(try String(contentsOfFile: out + "/head.txt", encoding: .utf8).hasPrefix("7 "))
        let again = try intiqal("ledger", "export", "--workspace", w, "--out", out)
        #expect(again.0 == 1 && again.2.contains("already exists"))
    }

    @Test func badReceiptFileIsNamed() throws {
        let (dir, w, _) = try signedWorkspace()
        let bad = dir.path("bad.receipt")
        try "seq 7\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try intiqal("ledger", "verify", "--workspace", w, "--receipt", bad)
        #expect(r.0 == 1 && r.2.contains("bad.receipt") && r.2.contains("not an Intiqal ledger receipt"))
        #expect(try intiqal("ledger", "verify", "--workspace", w, "--receipt", dir.path("missing")).2.contains("no such receipt file"))
    }
}

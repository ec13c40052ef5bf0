import Foundation
import Testing
@testable import IntiqalLedger

/// Builds a small chain: two keys, a decision, both signatures.
func sampleChain() throws -> (entries: [LedgerEntry], irq: PartyKey, usa: PartyKey) {
    let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
    var entries: [LedgerEntry] = []
    func append(_ kind: LedgerEntry.Kind, _ body: CanonicalValue) {
        entries.append(.make(seq: entries.count + 1, kind: kind, prevHash: entries.last?.hash ?? LedgerEntry.genesisHash, body: body))
    }
    append(.key, LedgerVerifier.keyBody(party: "IRQ", publicKey: irq.publicKey, by: "sec", at: "2025-01-01T00:00:00Z"))
    append(.key, LedgerVerifier.keyBody(party: "USA", publicKey: usa.publicKey, by: "sec", at: "2025-01-01T00:00:00Z"))
    let decision = Decision(kind: .adoptPlan, summary: "adopt the conditions plan — خطة", payload: ["planHash": "ab", "ratings": ["count": 3]],
                            requiredParties: ["USA", "IRQ"], proposedBy: "sec", proposedAt: "2025-01-02T00:00:00Z")
    append(.decision, decision.body)
    let d = entries[2]
    append(.signature, try LedgerVerifier.signatureBody(decisionSeq: 3, decisionHash: d.hash, key: irq, by: "irq", at: "2025-01-03T00:00:00Z"))
    append(.signature, try LedgerVerifier.signatureBody(decisionSeq: 3, decisionHash: d.hash, key: usa, by: "usa", at: "2025-01-03T00:00:00Z"))
    return (entries, irq, usa)
}

@Suite struct CanonicalEncodingTests {
    @Test func sortsKeysAndDropsWhitespace() throws {
        let v = try CanonicalValue(parsing: Data(#"{ "b": [1, 2.50, 3.0e0], "a": "x\"y\u0001", "é": null, "Z": true }"#.utf8))
        #expect(v.canonicalText == #"{"Z":true,"a":"x\"y\u0001","b":[1,2.5,3],"é":null}"#)
    }

    @Test func roundTripsItsOwnOutput() throws {
        let v: CanonicalValue = ["n": .number(0.1), "big": .integer(-9_007_199_254_740_993), "s": "قدرة\n", "a": [[:], []]]
        let again = try CanonicalValue(parsing: v.canonicalData)
        #expect(again.canonicalText == v.canonicalText)
    }

    @Test func rejectsMalformedJSON() {
        for text in ["", "{", #"{"a":1,"a":2}"#, "[1,]", "01x", #""\ud800""#, "nul", "1e999"] {
            #expect(throws: LedgerError.self) { try CanonicalValue(parsing: Data(text.utf8)) }
        }
    }
}

@Suite struct LedgerTests {
    @Test func validChainVerifiesAndDecisionBinds() throws {
        let (entries, _, _) = try sampleChain()
        let report = LedgerVerifier.verify(entries)
        #expect(report.ok)
        #expect(report.decisions.count == 1)
        #expect(report.decisions[0].binding)
    }

    @Test func decisionWithOneSignatureDoesNotBind() throws {
        let (entries, _, _) = try sampleChain()
        let report = LedgerVerifier.verify(Array(entries.prefix(4)))
        #expect(report.ok)
        #expect(!report.decisions[0].binding)
        #expect(report.decisions[0].missing == ["USA"])
    }

    @Test func changedByteFailsVerification() throws {
        let (entries, _, _) = try sampleChain()
        // Every single byte of every entry's body and hash, changed in turn.
        for i in entries.indices {
            for field in 0..<2 {
                let text = field == 0 ? entries[i].body : entries[i].hash
                var bytes = Array(text.utf8)
                for j in bytes.indices {
                    let original = bytes[j]
                    bytes[j] = original == UInt8(ascii: "0") ? UInt8(ascii: "1") : (original ^ 0x01)
                    var tampered = entries
                    let changed = String(decoding: bytes, as: UTF8.self)
                    if field == 0 { tampered[i].body = changed } else { tampered[i].hash = changed }
                    let report = LedgerVerifier.verify(tampered)
                    #expect(!report.ok, "byte \(j) of entry \(i + 1) \(field == 0 ? "body" : "hash")")
                    if let failure = report.failure { #expect(failure.seq <= i + 2) }
                    bytes[j] = original
                }
            }
        }
    }

    @Test func deletedOrReorderedEntryIsNamed() throws {
        let (entries, _, _) = try sampleChain()
        var deleted = entries
        deleted.remove(at: 1)
        #expect(LedgerVerifier.verify(deleted).failure?.seq == 3)
        var swapped = entries
        swapped.swapAt(3, 4)
        #expect(LedgerVerifier.verify(swapped).failure != nil)
    }

    @Test func signatureByUnregisteredKeyFails() throws {
        var (entries, _, _) = try sampleChain()
        let rogue = PartyKey(party: "USA")
        let d = entries[2]
        entries.append(.make(seq: 6, kind: .signature, prevHash: entries.last!.hash,
                             body: try LedgerVerifier.signatureBody(decisionSeq: 3, decisionHash: d.hash, key: rogue, by: "x", at: "t")))
        let report = LedgerVerifier.verify(entries)
        #expect(report.failure?.seq == 6)
        #expect(report.failure?.reason.contains("not registered") == true)
    }

    @Test func forgedSignatureInAWellFormedChainIsNamed() throws {
        let (entries, _, usa) = try sampleChain()
        // Rebuild entry 5 with a signature of another hash, re-chained so every hash is right.
        var forged = Array(entries.prefix(4))
        var body = try #require(entries[4].parsedBody?.objectValue)
        body["signature"] = .string(try usa.sign(entryHash: String(repeating: "ab", count: 32)))
        forged.append(.make(seq: 5, kind: .signature, prevHash: forged[3].hash, body: .object(body)))
        let report = LedgerVerifier.verify(forged)
        #expect(report.failure?.seq == 5)
        #expect(report.failure?.reason.contains("does not verify") == true)
        #expect(report.decisions[0].signedBy == ["IRQ"])
        #expect(!report.decisions[0].binding)
    }

    @Test func keyFileIsPrivateAndReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("irq.key").path
        let key = PartyKey(party: "IRQ")
        try key.write(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let back = try PartyKey.read(path: path)
        #expect(back.publicKey == key.publicKey)
        #expect(back.party == "IRQ")
        #expect(throws: LedgerError.self) { try key.write(path: path) }
    }
}

import Foundation
import Testing
@testable import IntiqalLedger

/// Builds a small format-2 chain: two keys countersigned by each other (1–4), a decision (5),
/// both signatures (6, 7).
func sampleChain() throws -> (entries: [LedgerEntry], irq: PartyKey, usa: PartyKey) {
    let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
    var entries: [LedgerEntry] = []
    try appendKeys(&entries, irq, usa)
    let decision = Decision(kind: .adoptPlan, summary: "adopt the conditions plan — خطة", payload: ["planHash": "ab", "ratings": ["count": 3]],
                            requiredParties: ["USA", "IRQ"], proposedBy: "sec", proposedAt: "2025-01-02T00:00:00Z")
    entries.append(.make(seq: 5, kind: .decision, prevHash: entries[3].hash, body: decision.body))
    try sign(&entries, 5, irq)
    try sign(&entries, 5, usa)
    return (entries, irq, usa)
}

/// Appends the registrations of two keys and their mutual countersignatures.
func appendKeys(_ entries: inout [LedgerEntry], _ a: PartyKey, _ b: PartyKey) throws {
    for key in [a, b] {
        entries.append(.makeKey(seq: entries.count + 1, prevHash: entries.last?.hash ?? LedgerEntry.genesisHash, party: key.party,
                                publicKey: key.publicKey, by: "sec", at: "2025-01-01T00:00:00Z"))
    }
    let first = entries.count - 1
    try sign(&entries, first, b)
    try sign(&entries, first + 1, a)
}

/// Appends `key`'s signature of entry `target`.
func sign(_ entries: inout [LedgerEntry], _ target: Int, _ key: PartyKey) throws {
    entries.append(try .makeSignature(seq: entries.count + 1, prevHash: entries.last!.hash, target: target, targetHash: entries[target - 1].hash,
                                      key: key, by: key.party.lowercased(), at: "2025-01-03T00:00:00Z"))
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
        let report = LedgerVerifier.verify(Array(entries.prefix(6)))
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
        try sign(&entries, 5, PartyKey(party: "USA"))
        let report = LedgerVerifier.verify(entries)
        #expect(report.failure?.seq == 8)
        #expect(report.failure?.reason.contains("not registered") == true)
    }

    @Test func forgedSignatureInAWellFormedChainIsNamed() throws {
        let (entries, _, usa) = try sampleChain()
        // Rebuild entry 7 with a signature of other bytes, re-chained so every hash is right.
        var forged = Array(entries.prefix(6))
        var body = try #require(entries[6].parsedBody?.objectValue)
        body["signature"] = .string(try usa.sign(message: Array("something else".utf8)))
        forged.append(.make(seq: 7, kind: .signature, prevHash: forged[5].hash, body: .object(body)))
        let report = LedgerVerifier.verify(forged)
        #expect(report.failure?.seq == 7)
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

import Foundation
import Testing
@testable import IntiqalLedger

/// Re-chains `entries` from index `from` on, as someone with the file but no private key would
/// after editing a body: every `head` and hash made consistent again.
func rechain(_ entries: [LedgerEntry], from: Int) -> [LedgerEntry] {
    var out = Array(entries.prefix(from))
    for e in entries[from...] {
        var body = e.parsedBody!.objectValue!
        let prev = out.last?.hash ?? LedgerEntry.genesisHash
        if body["head"] != nil { body["head"] = .string(prev) }
        out.append(.make(seq: e.seq, kind: e.kind, prevHash: prev, body: .object(body)))
    }
    return out
}

@Suite struct KeyCountersignatureTests {
    @Test func newKeysSignNothingUntilCountersigned() throws {
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        var entries: [LedgerEntry] = []
        for key in [irq, usa] {
            entries.append(.makeKey(seq: entries.count + 1, prevHash: entries.last?.hash ?? LedgerEntry.genesisHash, party: key.party,
                                    publicKey: key.publicKey, by: "sec", at: "t"))
        }
        let d = Decision(kind: .gateMet, summary: "gate", payload: [:], requiredParties: ["IRQ", "USA"], proposedBy: "sec", proposedAt: "t")
        entries.append(.make(seq: 3, kind: .decision, prevHash: entries[1].hash, body: d.body))
        try sign(&entries, 3, irq)
        let report = LedgerVerifier.verify(entries)
        #expect(report.failure?.seq == 4)
        #expect(report.failure?.reason.contains("no other party has countersigned") == true)
    }

    @Test func firstTwoKeysBecomeActiveTogetherWhenEachCountersignsTheOther() throws {
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        var entries: [LedgerEntry] = []
        try appendKeys(&entries, irq, usa)
        let half = LedgerVerifier.verify(Array(entries.prefix(3)))
        #expect(half.ok && half.registrations.allSatisfy { !$0.active } && half.keys.isEmpty)
        let both = LedgerVerifier.verify(entries)
        #expect(both.ok && both.registrations.map(\.activeFrom) == [4, 4])
        #expect(both.registrations[0].countersignatures.map(\.party) == ["USA"])
        #expect(both.keys == ["IRQ": [irq.publicKey], "USA": [usa.publicKey]])
    }

    @Test func forgedKeyAppendedByHandCannotSign() throws {
        var (entries, _, _) = try sampleChain()
        let forger = PartyKey(party: "USA")
        entries.append(.makeKey(seq: 8, prevHash: entries[6].hash, party: "USA", publicKey: forger.publicKey, by: "sec", at: "t"))
        // Alone it is a pending registration, shown as such; it binds nothing.
        let pending = LedgerVerifier.verify(entries)
        #expect(pending.ok && pending.registrations.last?.active == false && pending.keys["USA"]?.count == 1)
        var signed = entries
        try sign(&signed, 5, forger)
        #expect(LedgerVerifier.verify(signed).failure?.seq == 9)
        #expect(LedgerVerifier.verify(signed).failure?.reason.contains("no other party has countersigned") == true)
    }

    @Test func forgedKeyCountersignedByAnotherForgedKeyFails() throws {
        var (entries, _, _) = try sampleChain()
        let fakeUSA = PartyKey(party: "USA"), fakeIRQ = PartyKey(party: "IRQ")
        try appendKeys(&entries, fakeUSA, fakeIRQ)
        let report = LedgerVerifier.verify(entries)
        #expect(report.failure?.seq == 10)
        #expect(report.failure?.reason.contains("not itself countersigned") == true)
    }

    @Test func keyCountersignedByItsOwnPartyFails() throws {
        var (entries, irq, _) = try sampleChain()
        let second = PartyKey(party: "IRQ")
        entries.append(.makeKey(seq: 8, prevHash: entries[6].hash, party: "IRQ", publicKey: second.publicKey, by: "sec", at: "t"))
        try sign(&entries, 8, irq)
        #expect(LedgerVerifier.verify(entries).failure?.reason.contains("its own party") == true)
    }

    @Test func laterKeyCountersignedByAnActiveKeyCanSign() throws {
        var (entries, _, usa) = try sampleChain()
        let rotated = PartyKey(party: "IRQ")
        entries.append(.makeKey(seq: 8, prevHash: entries[6].hash, party: "IRQ", publicKey: rotated.publicKey, by: "sec", at: "t"))
        try sign(&entries, 8, usa)
        let d = Decision(kind: .gateMet, summary: "gate", payload: [:], requiredParties: ["IRQ", "USA"], proposedBy: "sec", proposedAt: "t")
        entries.append(.make(seq: 10, kind: .decision, prevHash: entries[8].hash, body: d.body))
        try sign(&entries, 10, rotated)
        let report = LedgerVerifier.verify(entries)
        #expect(report.ok && report.decisions[1].signedBy == ["IRQ"])
    }

    @Test func signaturesPinTheHistoryBeforeThem() throws {
        let (entries, _, _) = try sampleChain()
        // Rewrite key entry 2 (a field no signature covers directly) and re-chain everything after.
        var body = try #require(entries[1].parsedBody?.objectValue)
        body["by"] = "someone else"
        var edited = entries
        edited[1] = .make(seq: 2, kind: .key, prevHash: entries[0].hash, body: .object(body))
        let report = LedgerVerifier.verify(rechain(edited, from: 2))
        #expect(report.failure?.seq == 3)
        #expect(report.failure?.reason.contains("does not verify") == true)
    }
}

@Suite struct ReceiptTests {
    func receipt(_ entries: [LedgerEntry], _ key: PartyKey, at seq: Int? = nil) throws -> LedgerReceipt {
        let seq = seq ?? entries.count
        return try LedgerReceipt(seq: seq, head: entries[seq - 1].hash, at: "2025-02-01T00:00:00Z", key: key)
    }

    @Test func validReceiptPassesAndLaterEntriesDoNotDisturbIt() throws {
        let (entries, irq, _) = try sampleChain()
        let r = try receipt(entries, irq, at: 5)
        #expect(r.contradiction(entries: entries, report: LedgerVerifier.verify(entries)) == nil)
        let back = try LedgerReceipt(text: r.text, name: "irq.receipt")
        #expect(back == r)
    }

    @Test func truncatedLastEntryIsCaughtByAReceipt() throws {
        let (entries, irq, _) = try sampleChain()
        let r = try receipt(entries, irq)
        let truncated = Array(entries.dropLast())
        #expect(LedgerVerifier.verify(truncated).ok)
        #expect(r.contradiction(entries: truncated, report: LedgerVerifier.verify(truncated))?.contains("fewer than the receipt's 7") == true)
    }

    @Test func emptyLedgerFailsAgainstAReceipt() throws {
        let (entries, _, usa) = try sampleChain()
        let r = try receipt(entries, usa)
        #expect(r.contradiction(entries: [], report: LedgerVerifier.verify([]))?.contains("has 0 entries") == true)
    }

    @Test func rewriteBehindAReceiptIsCaughtEvenWhenTheRewriteVerifies() throws {
        let (entries, irq, _) = try sampleChain()
        let r = try receipt(entries, irq, at: 5)
        // A whole new ledger, valid on its own, with fresh keys and as many entries.
        let (forged, _, _) = try sampleChain()
        #expect(LedgerVerifier.verify(forged).ok)
        #expect(r.contradiction(entries: forged, report: LedgerVerifier.verify(forged))?.contains("rewritten") == true)
    }

    @Test func alteredReceiptFailsItsOwnSignature() throws {
        let (entries, irq, _) = try sampleChain()
        var r = try receipt(entries, irq)
        r.seq = 6
        r.head = entries[5].hash
        #expect(r.contradiction(entries: entries, report: LedgerVerifier.verify(entries)) == "its signature does not verify")
    }

    @Test func receiptOfAnUnregisteredKeyFails() throws {
        let (entries, _, _) = try sampleChain()
        let r = try receipt(entries, PartyKey(party: "IRQ"))
        #expect(r.contradiction(entries: entries, report: LedgerVerifier.verify(entries))?.contains("not a co-chair key") == true)
    }

    @Test func malformedReceiptIsNamedWithItsLine() throws {
        let (entries, irq, _) = try sampleChain()
        let good = try receipt(entries, irq).text
        for (text, needle) in [("", "not an Intiqal ledger receipt"), (good.replacingOccurrences(of: "seq 7", with: "seq -1"), "r.txt:2"),
                               (good.replacingOccurrences(of: "head ", with: "head x"), "r.txt:3"),
                               (good.replacingOccurrences(of: "public-key ", with: "public-key AAAA"), "r.txt:6")] {
            #expect { try LedgerReceipt(text: text, name: "r.txt") } throws: { "\($0)".contains(needle) }
        }
    }
}

@Suite struct LedgerFormatTests {
    /// A ledger as written before format 2: legacy bodies, keys active at once, signatures over the hash.
    func legacyChain() throws -> (entries: [LedgerEntry], irq: PartyKey, usa: PartyKey) {
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        var entries: [LedgerEntry] = []
        func append(_ kind: LedgerEntry.Kind, _ body: CanonicalValue) {
            entries.append(.make(seq: entries.count + 1, kind: kind, prevHash: entries.last?.hash ?? LedgerEntry.genesisHash, body: body, format: .legacy))
        }
        append(.key, LedgerVerifier.keyBody(party: "IRQ", publicKey: irq.publicKey, by: "sec", at: "2025-01-01T00:00:00Z"))
        append(.key, LedgerVerifier.keyBody(party: "USA", publicKey: usa.publicKey, by: "sec", at: "2025-01-01T00:00:00Z"))
        let d = Decision(kind: .resolveDispute, summary: "resolve at 0.1", payload: ["value": .number(1e-7), "€": 1, "דּ": 2, "😀": 3],
                         requiredParties: ["IRQ", "USA"], proposedBy: "sec", proposedAt: "t")
        append(.decision, d.body)
        for key in [irq, usa] {
            append(.signature, try LedgerVerifier.legacySignatureBody(decisionSeq: 3, decisionHash: entries[2].hash, key: key, by: "x", at: "t"))
        }
        return (entries, irq, usa)
    }

    @Test func oldLedgerStillVerifiesWithItsOwnEncoding() throws {
        let (entries, _, _) = try legacyChain()
        #expect(entries[2].body.contains("1e-07") && !entries[2].body.contains("\"format\""))
        let report = LedgerVerifier.verify(entries)
        #expect(report.ok && report.decisions[0].binding && report.registrations.allSatisfy(\.active))
    }

    @Test func newEntriesAppendedToAnOldLedgerUseFormatTwoSignedByItsKeys() throws {
        var (entries, irq, usa) = try legacyChain()
        let d = Decision(kind: .gateMet, summary: "gate", payload: ["value": .number(1e-7)], requiredParties: ["IRQ", "USA"], proposedBy: "sec", proposedAt: "t")
        entries.append(.make(seq: 6, kind: .decision, prevHash: entries[4].hash, body: d.body))
        #expect(entries[5].body.contains("1e-7") && entries[5].body.contains("\"format\":2"))
        try sign(&entries, 6, irq)
        try sign(&entries, 6, usa)
        let report = LedgerVerifier.verify(entries)
        #expect(report.ok && report.decisions.allSatisfy(\.binding))
    }

    @Test func oldStyleEntryAfterANewOneFails() throws {
        var (entries, irq, _) = try legacyChain()
        entries.append(.makeKey(seq: 6, prevHash: entries[4].hash, party: "IRQ", publicKey: PartyKey(party: "IRQ").publicKey, by: "s", at: "t"))
        let forger = PartyKey(party: "USA")
        entries.append(.make(seq: 7, kind: .key, prevHash: entries[5].hash,
                             body: LedgerVerifier.keyBody(party: "USA", publicKey: forger.publicKey, by: "s", at: "t"), format: .legacy))
        let report = LedgerVerifier.verify(entries)
        #expect(report.failure?.seq == 7)
        #expect(report.failure?.reason.contains("format-1 entry after a format-2") == true)
        _ = irq
    }

    @Test func formatTwoBodyInTheOldEncodingIsNotCanonical() throws {
        let (entries, _, _) = try sampleChain()
        var body = try #require(entries[4].parsedBody)
        body = .object(body.objectValue!.merging(["payload": ["x": .number(1e-7)]]) { $1 })
        var edited = entries
        let text = body.canonicalText  // legacy encoding of a format-2 body
        edited[4] = LedgerEntry(seq: 5, kind: .decision, prevHash: entries[3].hash,
                                hash: LedgerEntry.chainHash(prevHash: entries[3].hash, body: Data(text.utf8)), body: text)
        #expect(LedgerVerifier.verify(edited).failure.map { $0.seq == 5 && $0.reason.contains("RFC 8785") } == true)
    }

    @Test func unknownFormatFails() throws {
        let (entries, _, _) = try sampleChain()
        var body = try #require(entries[0].parsedBody?.objectValue)
        body["format"] = 3
        let text = CanonicalValue.object(body).jcsText
        let e = LedgerEntry(seq: 1, kind: .key, prevHash: LedgerEntry.genesisHash,
                            hash: LedgerEntry.chainHash(prevHash: LedgerEntry.genesisHash, body: Data(text.utf8)), body: text)
        #expect(LedgerVerifier.verify([e]).failure?.reason.contains("unknown format 3") == true)
    }
}

@Suite struct LedgerExportTests {
    @Test func exportHoldsEveryEntryTheChainKeysAndHead() throws {
        let (entries, irq, _) = try sampleChain()
        let receipt = try LedgerReceipt(seq: 7, head: entries[6].hash, at: "t", key: irq)
        let files = Dictionary(uniqueKeysWithValues: LedgerExport.files(entries: entries, receipts: [("irq.receipt", receipt)]).map { ($0.path, $0.data) })
        #expect(files["entries/000005.json"] == Data(entries[4].body.utf8))
        let chain = String(decoding: try #require(files["chain.txt"]), as: UTF8.self).split(separator: "\n")
        #expect(chain.count == 7 && chain[6] == "7 signature \(entries[5].hash) \(entries[6].hash)")
        let keys = try CanonicalValue(parsing: try #require(files["keys.json"]).dropLast())
        #expect(keys.arrayValue?.count == 2)
        #expect(keys.arrayValue?[0]["countersignatures"]?.arrayValue?.first?["entry"]?.intValue == 3)
        #expect(files["head.txt"] == Data("7 \(entries[6].hash)\n".utf8))
        #expect(files["receipts/irq.receipt"] == Data(receipt.text.utf8))
    }
}

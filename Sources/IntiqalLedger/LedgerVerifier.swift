import Foundation

/// The outcome of checking a whole ledger: every hash, link and signature.
public struct LedgerReport: Sendable, Hashable {
    /// The first entry that failed, and why.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var seq: Int
        public var reason: String
        public var description: String { "entry \(seq): \(reason)" }
    }

    /// A decision and the parties that have validly signed it.
    public struct DecisionState: Sendable, Hashable {
        public var seq: Int
        public var hash: String
        public var decision: Decision
        public var signedBy: [String]
        public var binding: Bool { Set(decision.requiredParties).isSubset(of: Set(signedBy)) }
        public var missing: [String] { decision.requiredParties.filter { !signedBy.contains($0) }.sorted() }
    }

    public var entries: Int
    public var failure: Failure?
    public var decisions: [DecisionState]
    /// Registered co-chair keys: party → public keys (base64).
    public var keys: [String: [String]]

    public var ok: Bool { failure == nil }

    struct SignatureCheck: Sendable, Hashable {
        var seq: Int
        var target: Int
        var decisionIndex: Int
        var party: String
        var publicKey: String
        var signature: String
        var entryHash: String
    }

    var pendingSignatures: [SignatureCheck] = []
}

/// Checks a ledger from its first entry; stops at the first bad one and names it.
public enum LedgerVerifier {
    public static func verify(_ entries: [LedgerEntry]) -> LedgerReport {
        var report = chain(entries)
        // Signatures are checked in parallel after the chain; the first bad entry, whichever
        // check found it, is the one reported, and no signature from it on counts.
        let checks = report.pendingSignatures
        var valid = [Bool](repeating: true, count: checks.count)
        valid.withUnsafeMutableBufferPointer { buffer in
            let out = ResultSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: checks.count) { i in
                let c = checks[i]
                out.buffer[i] = PartyKey.verify(signature: c.signature, entryHash: c.entryHash, publicKey: c.publicKey)
            }
        }
        if let bad = checks.indices.first(where: { !valid[$0] }), report.failure.map({ checks[bad].seq < $0.seq }) ?? true {
            let c = checks[bad]
            report.failure = .init(seq: c.seq, reason: "\(c.party)'s signature of entry \(c.target) does not verify")
        }
        let cutoff = report.failure?.seq ?? Int.max
        for i in report.decisions.indices { report.decisions[i].signedBy = [] }
        for c in checks where c.seq < cutoff && !report.decisions[c.decisionIndex].signedBy.contains(c.party) {
            report.decisions[c.decisionIndex].signedBy.append(c.party)
        }
        report.pendingSignatures = []
        return report
    }

    /// Hashes, links, bodies and references, in order; signatures are collected, not yet checked.
    static func chain(_ entries: [LedgerEntry]) -> LedgerReport {
        var report = LedgerReport(entries: entries.count, failure: nil, decisions: [], keys: [:])
        var prev = LedgerEntry.genesisHash
        var decisionIndex: [Int: Int] = [:]
        func fail(_ seq: Int, _ reason: String) -> LedgerReport {
            report.failure = .init(seq: seq, reason: reason)
            return report
        }
        for (i, entry) in entries.enumerated() {
            let seq = entry.seq
            guard seq == i + 1 else { return fail(seq, "out of sequence (expected entry \(i + 1)): an entry is missing or was inserted") }
            guard entry.prevHash == prev else { return fail(seq, "previous-hash link does not match entry \(i)'s hash") }
            let bytes = Data(entry.body.utf8)
            guard let body = try? CanonicalValue(parsing: bytes) else { return fail(seq, "body is not valid JSON") }
            guard body.canonicalBytes.elementsEqual(bytes) else { return fail(seq, "body is not in canonical form") }
            guard LedgerEntry.chainHash(prevHash: prev, body: bytes) == entry.hash else {
                return fail(seq, "hash does not match its body and previous hash")
            }
            guard body["seq"]?.intValue == seq else { return fail(seq, "body names sequence \(body["seq"]?.intValue.map(String.init) ?? "none")") }
            guard body["type"]?.stringValue == entry.kind.rawValue else { return fail(seq, "kind column does not match the body's type") }
            switch entry.kind {
            case .key:
                guard let party = body["party"]?.stringValue, let pub = body["publicKey"]?.stringValue,
                      let raw = Data(base64Encoded: pub), raw.count == 32
                else { return fail(seq, "key entry without a party and a 32-byte public key") }
                report.keys[party, default: []].append(pub)
            case .decision:
                guard let decision = Decision(body: body) else { return fail(seq, "decision entry is missing a field") }
                decisionIndex[seq] = report.decisions.count
                report.decisions.append(.init(seq: seq, hash: entry.hash, decision: decision, signedBy: []))
            case .signature:
                guard let target = body["entry"]?.intValue, let targetHash = body["entryHash"]?.stringValue,
                      let party = body["party"]?.stringValue, let pub = body["publicKey"]?.stringValue,
                      let signature = body["signature"]?.stringValue
                else { return fail(seq, "signature entry is missing a field") }
                guard let d = decisionIndex[target] else { return fail(seq, "signs entry \(target), which is not an earlier decision") }
                guard report.decisions[d].hash == targetHash else { return fail(seq, "signs a hash that is not entry \(target)'s") }
                guard report.keys[party]?.contains(pub) == true else {
                    return fail(seq, "signed with a key not registered for \(party) before it")
                }
                guard report.decisions[d].decision.requiredParties.contains(party) else {
                    return fail(seq, "\(party) is not a required party of entry \(target)")
                }
                report.pendingSignatures.append(.init(seq: seq, target: target, decisionIndex: d, party: party, publicKey: pub,
                                                      signature: signature, entryHash: targetHash))
            }
            prev = entry.hash
        }
        return report
    }

    /// The body of a key registration.
    public static func keyBody(party: String, publicKey: String, by: String, at: String) -> CanonicalValue {
        ["party": .string(party), "publicKey": .string(publicKey), "role": "co-chair", "by": .string(by), "at": .string(at)]
    }

    /// The body of a signature of `decision` by `key`.
    public static func signatureBody(decisionSeq: Int, decisionHash: String, key: PartyKey, by: String, at: String) throws -> CanonicalValue {
        [
            "entry": .integer(Int64(decisionSeq)), "entryHash": .string(decisionHash), "party": .string(key.party),
            "publicKey": .string(key.publicKey), "signature": .string(try key.sign(entryHash: decisionHash)),
            "by": .string(by), "at": .string(at),
        ]
    }
}

/// Each concurrent iteration writes only its own slot.
private struct ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Bool>
}

import Foundation

/// Checks a ledger from its first entry; stops at the first bad one and names it
/// (docs/ledger.md, docs/ledger-verification.md).
public enum LedgerVerifier {
    public static func verify(_ entries: [LedgerEntry]) -> LedgerReport {
        var report = chain(entries)
        // Signatures are checked in parallel after the chain; the first bad entry, whichever
        // check found it, is the one reported, and no signature or activation from it on counts.
        let checks = report.pendingSignatures
        var valid = [Bool](repeating: true, count: checks.count)
        valid.withUnsafeMutableBufferPointer { buffer in
            let out = ResultSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: checks.count) { i in
                let c = checks[i]
                out.buffer[i] = c.legacyHash.map { PartyKey.verify(signature: c.signature, entryHash: $0, publicKey: c.publicKey) }
                    ?? PartyKey.verify(signature: c.signature, message: c.message, publicKey: c.publicKey)
            }
        }
        if let bad = checks.indices.first(where: { !valid[$0] }), report.failure.map({ checks[bad].seq < $0.seq }) ?? true {
            let c = checks[bad]
            let what = c.decisionIndex == nil ? "countersignature" : "signature"
            report.failure = .init(seq: c.seq, reason: "\(c.party)'s \(what) of entry \(c.target) does not verify")
        }
        let cutoff = report.failure?.seq ?? Int.max
        for i in report.decisions.indices { report.decisions[i].signedBy = [] }
        for c in checks where c.seq < cutoff {
            if let d = c.decisionIndex, !report.decisions[d].signedBy.contains(c.party) { report.decisions[d].signedBy.append(c.party) }
        }
        report.keys = [:]
        for i in report.registrations.indices {
            if let from = report.registrations[i].activeFrom, from >= cutoff { report.registrations[i].activeFrom = nil }
            report.registrations[i].countersignatures.removeAll { $0.seq >= cutoff }
            let r = report.registrations[i]
            if r.active { report.keys[r.party, default: []].append(r.publicKey) }
        }
        report.pendingSignatures = []
        return report
    }

    /// Hashes, links, bodies, references and key states, in order; signatures are collected, not yet checked.
    static func chain(_ entries: [LedgerEntry]) -> LedgerReport {
        var walk = ChainWalk(report: LedgerReport(entries: entries.count, failure: nil, decisions: [], keys: [:]))
        for (i, entry) in entries.enumerated() {
            if let reason = walk.step(entry, expectedSeq: i + 1) {
                walk.report.failure = .init(seq: entry.seq, reason: reason)
                break
            }
        }
        return walk.report
    }

    /// The body of a key registration (without `seq`, `type` and `format`).
    public static func keyBody(party: String, publicKey: String, by: String, at: String) -> CanonicalValue {
        ["party": .string(party), "publicKey": .string(publicKey), "role": "co-chair", "by": .string(by), "at": .string(at)]
    }

    /// The body of a format-1 (legacy) signature of `decision` by `key`: Ed25519 over the 32 bytes
    /// of the decision's hash. Only for building old ledgers in tests; new signatures are
    /// `LedgerEntry.makeSignature`.
    public static func legacySignatureBody(decisionSeq: Int, decisionHash: String, key: PartyKey, by: String, at: String) throws -> CanonicalValue {
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

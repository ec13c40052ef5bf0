import Foundation

/// Checks a ledger from its first entry; stops at the first bad one and names it
/// (docs/ledger.md, docs/ledger-verification.md).
public enum LedgerVerifier {
    public static func verify(_ entries: [LedgerEntry]) -> LedgerReport {
        // Parsing, canonical form, hashes and signatures of each entry on its own, in parallel;
        // then one cheap in-order walk for links, references and key states.
        let prepared = PreparedEntry.all(entries)
        var walk = ChainWalk(report: LedgerReport(entries: entries.count, failure: nil, decisions: [], keys: [:]))
        for (i, entry) in entries.enumerated() {
            if let reason = walk.step(entry, prepared[i], expectedSeq: i + 1) {
                walk.report.failure = .init(seq: entry.seq, reason: reason)
                break
            }
        }
        var report = walk.report
        for r in report.registrations where r.active { report.keys[r.party, default: []].append(r.publicKey) }
        return report
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

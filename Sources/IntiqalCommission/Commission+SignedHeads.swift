import Foundation
import IntiqalLedger
import IntiqalStorage

extension Commission {
    /// The ledger, its verification, and the check that it contradicts no signed head kept in
    /// the workspace or remembered by this process (`SignedHeadMemory`): none may have been
    /// truncated or rewritten, and no entry a head covers may fail verification. Throws
    /// `unavailable` naming the contradiction: the server then refuses to serve the ledger and
    /// anything derived from it. `report`: the verification of `entries`, when the caller has it.
    func checkedLedger(entries given: [LedgerEntry]? = nil, report given2: LedgerReport? = nil) throws -> (entries: [LedgerEntry], report: LedgerReport) {
        let entries = try given ?? run { try store.ledgerEntries() }
        let report = given2 ?? heads.verified(entries)
        if let why = try contradiction(entries: entries, report: report) {
            throw CommissionError.unavailable("the ledger contradicts \(why); it is not served until this is resolved")
        }
        if report.ok { heads.witness(seq: report.head.seq, hash: report.head.hash) }
        return (entries, report)
    }

    /// What contradicts the ledger, in words, or nil.
    func contradiction(entries: [LedgerEntry], report: LedgerReport) throws -> String? {
        let memory = heads.remembered
        let kept = try run { try store.signedHeads() }
        for receipt in Set(kept).union(memory.receipts).sorted(by: { ($0.seq, $0.party) < ($1.seq, $1.party) }) {
            if let failure = report.failure, failure.seq <= receipt.seq {
                return "\(receipt.party)'s signed head of entry \(receipt.seq): entry \(failure.seq) within it fails verification (\(failure.reason)): history was changed"
            }
            // Signatures were checked when each head was received.
            if let why = receipt.contradiction(entries: entries, report: report, checkSignature: false) {
                return "\(receipt.party)'s signed head of entry \(receipt.seq) (\(receipt.head.prefix(12))…): \(why)"
            }
        }
        if let witnessed = memory.witnessed {
            let (seq, hash) = witnessed
            if entries.count < seq {
                return "the head of entry \(seq) this server served: the ledger now has \(entries.count) entries; entries were deleted"
            }
            if entries[seq - 1].hash != hash {
                return "the head of entry \(seq) this server served: entry \(seq)'s hash changed; history was rewritten"
            }
            if let failure = report.failure, failure.seq <= seq {
                return "the head of entry \(seq) this server served: entry \(failure.seq) within it fails verification (\(failure.reason))"
            }
        }
        return nil
    }

    /// Why the ledger cannot be served, or nil (for `/ready`).
    public func ledgerProblem() throws -> String? {
        let entries = try run { try store.ledgerEntries() }
        return try contradiction(entries: entries, report: heads.verified(entries))
    }

    /// The ledger's head to sign (a signed head to be): its last entry's `seq` and `hash`, for
    /// readers of the ledger; the ledger must verify and contradict no kept signed head.
    public func ledgerHead(for viewer: Viewer) throws -> (seq: Int, hash: String) {
        guard try run({ try reader(viewer).mayRead(.joint) }) else { throw CommissionError.notFound("no ledger") }
        let (_, report) = try checkedLedger()
        if let failure = report.failure {
            throw CommissionError.unavailable("the ledger does not verify (\(failure)); its head is not offered for signing")
        }
        return report.head
    }

    /// Keeps a signed head shown by a party (`POST /ledger/receipts`): its party's co-chair,
    /// secretariat or admin shows it; its signature must verify with a co-chair key registered
    /// for its party at or before its entry. It is kept even when the ledger contradicts it
    /// (then `contradiction` says how, and the ledger is refused from then on). Returns whether
    /// it is new.
    public func keepReceipt(_ receipt: LedgerReceipt, by viewer: Viewer) throws -> (new: Bool, contradiction: String?) {
        try Self.check(receipt)
        try run { try store.transaction { tx in _ = try Self.authorize(tx, viewer.name, [.submitReceipt(party: receipt.party)]) } }
        guard receipt.signatureVerifies else {
            throw CommissionError.invalid(field: "signature", "does not verify with publicKey over this seq, head, at and party")
        }
        let entries = try run { try store.ledgerEntries() }
        let report = LedgerVerifier.verify(entries)
        guard report.registrations.contains(where: { $0.party == receipt.party && $0.publicKey == receipt.publicKey && $0.seq <= receipt.seq }) else {
            throw CommissionError.invalid(field: "publicKey", "not a co-chair key registered for \(receipt.party) by entry \(receipt.seq) of this ledger")
        }
        let new = try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [.submitReceipt(party: receipt.party)])
                return try tx.keepSignedHead(receipt, actor: viewer.name)
            }
        }
        heads.remember(receipt)
        return (new, try contradiction(entries: entries, report: report))
    }

    static func check(_ r: LedgerReceipt) throws {
        guard (1...Int(Int32.max)).contains(r.seq) else { throw CommissionError.invalid(field: "seq", "a whole number from 1") }
        guard r.head.utf8.count == 64, r.head.allSatisfy({ "0123456789abcdef".contains($0) }) else {
            throw CommissionError.invalid(field: "head", "64 lower-case hex digits")
        }
        guard !r.at.isEmpty, r.at.count <= 40, !r.at.contains(where: \.isNewline) else {
            throw CommissionError.invalid(field: "at", "a timestamp of 1 to 40 characters")
        }
        guard !r.party.isEmpty, r.party.count <= 20, !r.party.contains(where: { $0.isNewline || $0 == " " }) else {
            throw CommissionError.invalid(field: "party", "a party id")
        }
        guard r.publicKey.count <= 64, Data(base64Encoded: r.publicKey)?.count == 32 else {
            throw CommissionError.invalid(field: "publicKey", "base64 of a 32-byte Ed25519 public key")
        }
        guard r.signature.count <= 128, Data(base64Encoded: r.signature)?.count == 64 else {
            throw CommissionError.invalid(field: "signature", "base64 of a 64-byte Ed25519 signature")
        }
    }
}

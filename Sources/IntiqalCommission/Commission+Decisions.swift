import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

extension Commission {
    /// Proposes a decision (checked by `DecisionRequest`'s rules; a malformed one is refused
    /// here, never ignored later). It rests on the commission's joint record only.
    @discardableResult
    public func propose(_ request: DecisionRequest, by viewer: Viewer) throws -> LedgerEntry {
        try run { try decisionBook(viewer, [.propose]).propose(request, actor: viewer.name) }
    }

    /// Registers a co-chair's public key for `party` (pending until another party countersigns).
    @discardableResult
    public func registerKey(party: String, publicKey: String, by viewer: Viewer) throws -> LedgerEntry {
        try run { try decisionBook(viewer, [.registerKey(party: party)]).registerKey(party: party, publicKey: publicKey, actor: viewer.name) }
    }

    /// Signs decision `seq` with `key`: only the key's party's co-chair.
    @discardableResult
    public func sign(decision seq: Int, key: PartyKey, by viewer: Viewer) throws -> LedgerReport.DecisionState {
        try run { try decisionBook(viewer, [.sign(party: key.party)]).sign(seq: seq, key: key, actor: viewer.name) }
    }

    /// Adds a signature of decision `seq` made elsewhere with `party`'s co-chair key (see
    /// `DecisionBook.addSignature`); only that party's co-chair.
    @discardableResult
    public func addSignature(decision seq: Int, party: String, publicKey: String, entrySeq: Int, head: String, at: String,
                             signature: String, by viewer: Viewer) throws -> LedgerReport.DecisionState {
        try run {
            try decisionBook(viewer, [.sign(party: party)]).addSignature(target: seq, party: party, publicKey: publicKey, seq: entrySeq,
                                                                        head: head, at: at, signature: signature, actor: viewer.name)
        }
    }

    /// Countersigns another party's key registration `seq` with `key`.
    @discardableResult
    public func countersign(key seq: Int, with key: PartyKey, by viewer: Viewer) throws -> KeyRegistration {
        try run { try decisionBook(viewer, [.sign(party: key.party)]).countersignKey(seq: seq, key: key, actor: viewer.name) }
    }

    /// The decisions and key registrations of the ledger with their state, for readers of the
    /// ledger (all of it or nothing, as `ledger(for:)`).
    public func ledgerReport(for viewer: Viewer) throws -> LedgerReport? {
        try run {
            let reader = try self.reader(viewer)
            let entries = try store.ledgerEntries(readableBy: reader)
            // Readers of the ledger get it checked even when it is empty (every entry deleted).
            if reader.mayRead(.joint) {
                let report = try checkedLedger(entries: entries).report
                return entries.isEmpty ? nil : report
            }
            return entries.isEmpty ? nil : LedgerVerifier.verify(entries)
        }
    }

    /// The ledger as the viewer may read it (the chain is one `JOINT` record: all of it or none)
    /// and, when it is readable, its verification. A ledger that contradicts a kept signed head
    /// is not served (`unavailable`).
    public func ledger(for viewer: Viewer) throws -> [LedgerEntry] {
        let reader = try run { try self.reader(viewer) }
        let entries = try run { try store.ledgerEntries(readableBy: reader) }
        // Checked even when empty: a ledger with every entry deleted contradicts a kept head too.
        return reader.mayRead(.joint) ? try checkedLedger(entries: entries).entries : entries
    }
}

import Foundation
import IntiqalLedger

/// What a running server remembers of the ledger besides the workspace: every signed head it
/// kept, and the last head it verified and served. Deleting the `signed_head` rows, or
/// truncating the ledger, behind a running server therefore does not make it forget.
final class SignedHeadMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var receipts: Set<LedgerReceipt> = []   // guarded by `lock`
    private var witnessed: (seq: Int, hash: String)?   // guarded by `lock`

    func remember(_ receipt: LedgerReceipt) { _ = lock.withLock { receipts.insert(receipt) } }

    /// Keeps the highest head verified and served so far.
    func witness(seq: Int, hash: String) {
        guard seq > 0 else { return }
        lock.withLock { if (witnessed?.seq ?? 0) <= seq { witnessed = (seq, hash) } }
    }

    var remembered: (receipts: Set<LedgerReceipt>, witnessed: (seq: Int, hash: String)?) { lock.withLock { (receipts, witnessed) } }

    private var lastVerified: (entries: [LedgerEntry], report: LedgerReport)?   // guarded by `lock`

    /// The verification of `entries`, made again only when they differ from the last verified
    /// (compared whole, so an entry changed by hand anywhere is verified afresh): every write
    /// reads the ledger, and checking every signature again for an unchanged ledger was the
    /// largest cost of a rating write.
    func verified(_ entries: [LedgerEntry]) -> LedgerReport {
        if let last = lock.withLock({ lastVerified }), last.entries == entries { return last.report }
        let report = LedgerVerifier.verify(entries)
        lock.withLock { lastVerified = (entries, report) }
        return report
    }
}

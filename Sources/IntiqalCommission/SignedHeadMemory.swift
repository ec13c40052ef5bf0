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
}

import Hummingbird
import IntiqalCommission
import IntiqalLedger

/// Signed heads: the head to sign (`GET /ledger/head`) and a party's signed head shown to the
/// server (`POST /ledger/receipts`), which it keeps and holds the ledger to from then on.
struct LedgerController {
    let commission: Commission

    /// A signed head as `intiqal ledger receipt` writes it, as JSON.
    struct ReceiptInput: Codable {
        var seq: Int
        var head: String
        var at: String
        var party: String
        var publicKey: String
        var signature: String
    }

    struct HeadView: Codable {
        var seq: Int
        var head: String
        /// What a receipt's signature covers besides `at`, `party` and `publicKey` (RFC 8785 of
        /// `{"at","head","party","publicKey","seq","type":"receipt"}`).
        var type = "receipt"
    }

    struct KeptView: Codable {
        var seq: Int
        var head: String
        var party: String
        /// False when the same signed head was kept before.
        var new: Bool
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("ledger/head") { _, context in
            let head = try commission.ledgerHead(for: try context.viewer())
            return try JSONBody.response(HeadView(seq: head.seq, head: head.hash))
        }
        group.post("ledger/receipts") { request, context -> Response in
            let viewer = try context.viewer()
            let i = try await JSONBody.decode(ReceiptInput.self, from: request, context: context)
            let receipt = LedgerReceipt(seq: i.seq, head: i.head, at: i.at, party: i.party, publicKey: i.publicKey, signature: i.signature)
            let (new, contradiction) = try commission.keepReceipt(receipt, by: viewer)
            if let contradiction {
                throw CommissionError.conflict("kept; the ledger contradicts it: \(contradiction); the ledger is not served until this is resolved")
            }
            return try JSONBody.response(KeptView(seq: i.seq, head: i.head, party: i.party, new: new), status: new ? .created : .ok)
        }
    }
}

import Foundation
import GRDB
import IntiqalLedger

extension SQLiteWorkspaceTransaction {
    func keepSignedHead(_ r: LedgerReceipt, actor: String) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO signed_head (seq, head, at, party, public_key, signature, received_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.seq, r.head, r.at, r.party, r.publicKey, r.signature, at, actor])
        guard db.changesCount == 1 else { return false }
        try store.audit(db, at: at, actor: actor, action: "keep", entity: "signed-head", id: String(db.lastInsertedRowID), before: nil,
                        after: #"{"party":"\#(r.party)","seq":\#(r.seq),"head":"\#(r.head)"}"#)
        return true
    }
}

extension SQLiteWorkspaceStore {
    public func signedHeads() throws -> [LedgerReceipt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT seq, head, at, party, public_key, signature FROM signed_head ORDER BY id").map {
                LedgerReceipt(seq: $0["seq"], head: $0["head"], at: $0["at"], party: $0["party"], publicKey: $0["public_key"],
                              signature: $0["signature"])
            }
        }
    }
}

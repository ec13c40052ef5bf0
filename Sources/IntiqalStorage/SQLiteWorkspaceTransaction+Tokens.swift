import Foundation
import GRDB

extension SQLiteWorkspaceTransaction {
    func createToken(_ token: StoredToken, hash: String, actor: String) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO api_token (token_hash, user_name, label, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [hash, token.user, token.label, token.scope.rawValue, token.createdAt, token.expiresAt])
        let id = db.lastInsertedRowID
        try store.audit(db, at: at, actor: actor, action: "create", entity: "api-token", id: String(id), before: nil,
                        after: #"{"user":"\#(token.user)","scope":"\#(token.scope.rawValue)"}"#)
        return id
    }

    func token(id: Int64) throws -> StoredToken? {
        try Row.fetchOne(db, sql: "SELECT \(SQLiteWorkspaceStore.tokenColumns) FROM api_token WHERE id = ?", arguments: [id])
            .map(SQLiteWorkspaceStore.storedToken)
    }

    func revokeToken(id: Int64, at time: Double, actor: String) throws {
        try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [time, id])
        try store.audit(db, at: at, actor: actor, action: "revoke", entity: "api-token", id: String(id), before: nil, after: nil)
    }
}

extension SQLiteWorkspaceStore {
    static let tokenColumns = "id, user_name, label, scope, created_at, expires_at, revoked_at"

    static func storedToken(_ row: Row) -> StoredToken {
        StoredToken(id: row["id"], user: row["user_name"], label: row["label"],
                    scope: StoredToken.Scope(rawValue: row["scope"] ?? "") ?? .read, createdAt: row["created_at"],
                    expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }

    public func token(hash: String) throws -> StoredToken? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.tokenColumns) FROM api_token WHERE token_hash = ?", arguments: [hash]).map(Self.storedToken)
        }
    }

    public func tokens(user: String?) throws -> [StoredToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.tokenColumns) FROM api_token WHERE ? IS NULL OR user_name = ? ORDER BY id",
                             arguments: [user, user]).map(Self.storedToken)
        }
    }
}

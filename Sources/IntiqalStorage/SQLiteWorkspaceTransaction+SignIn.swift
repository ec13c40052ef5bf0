import Foundation
import GRDB

extension SQLiteWorkspaceTransaction {
    func credentials(user: String) throws -> Credentials? {
        try Row.fetchOne(db, sql: "SELECT password_hash, totp_secret FROM user WHERE name = ?", arguments: [user]).map {
            Credentials(passwordHash: $0["password_hash"], totpSecret: $0["totp_secret"])
        }
    }

    func failedSignIns(user: String, address: String, since: Double) throws -> (user: Int, address: Int) {
        let byUser = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sign_in_failure WHERE user_name = ? AND at >= ?", arguments: [user, since]) ?? 0
        let byAddress = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sign_in_failure WHERE address = ? AND at >= ?", arguments: [address, since]) ?? 0
        return (byUser, byAddress)
    }

    func recordFailedSignIn(user: String, address: String, at: Double) throws {
        try db.execute(sql: "INSERT INTO sign_in_failure (user_name, address, at) VALUES (?, ?, ?)", arguments: [user, address, at])
    }

    func createSession(_ session: StoredSession, createdAt: Double) throws {
        try db.execute(sql: "INSERT INTO session (id_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [session.idHash, session.user, session.csrfToken, String(createdAt), String(session.expiresAt)])
    }

    func deleteSession(idHash: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM session WHERE id_hash = ?", arguments: [idHash])
        return db.changesCount > 0
    }
}

extension SQLiteWorkspaceStore {
    public func session(idHash: String) throws -> StoredSession? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id_hash, user_name, csrf_token, expires_at FROM session WHERE id_hash = ?", arguments: [idHash]).map {
                StoredSession(idHash: $0["id_hash"], user: $0["user_name"], csrfToken: $0["csrf_token"],
                              expiresAt: Double(($0["expires_at"] as String?) ?? "") ?? 0)
            }
        }
    }
}

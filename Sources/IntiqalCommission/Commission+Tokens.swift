import Crypto
import Foundation
import IntiqalStorage

extension Commission {
    /// Makes an API token for `user` (themself, or an admin for anyone: `Permission.manageTokens`), `scope` read or
    /// read-write, expiring after `days` (1 to 366). The value is returned once; only its SHA-256
    /// is kept.
    public func newToken(user name: String, label: String, scope: StoredToken.Scope, days: Int, by viewer: Viewer) throws -> (value: String, token: StoredToken) {
        guard (1...366).contains(days) else { throw CommissionError.invalid(field: "days", "1 to 366") }
        guard !label.isEmpty, label.count <= 100, !label.contains(where: \.isNewline) else {
            throw CommissionError.invalid(field: "label", "1 to 100 characters on one line")
        }
        let value = "iqt_" + hex(randomBytes(32))
        let at = now().timeIntervalSince1970
        var token = StoredToken(user: name, label: label, scope: scope, createdAt: at, expiresAt: at + Double(days) * 86_400)
        token.id = try run {
            try store.transaction { tx in
                guard try tx.user(named: name) != nil else { throw CommissionError.notFound("user '\(name)': no such user") }
                if viewer.name != name { try Self.authorize(tx, viewer.name, [.manageTokens]) }
                return try tx.createToken(token, hash: Self.hashSessionID(value), actor: viewer.name)
            }
        }
        return (value, token)
    }

    /// The viewer's own tokens; an administrator's list holds everyone's. Never their values.
    public func tokens(by viewer: Viewer) throws -> [StoredToken] {
        try run {
            let me = try store.users().first { $0.name == viewer.name }
            let all = me.map { Permission.manageTokens.allows($0) } ?? (viewer.party == nil)
            return try store.tokens(user: all ? nil : viewer.name)
        }
    }

    /// Revokes token `id` (its owner or an administrator); one the viewer may not list is not found.
    public func revokeToken(id: Int64, by viewer: Viewer) throws {
        let at = now().timeIntervalSince1970
        try run {
            try store.transaction { tx in
                guard let token = try tx.token(id: id) else { throw CommissionError.notFound("token \(id): no such token") }
                if token.user != viewer.name {
                    do { try Self.authorize(tx, viewer.name, [.manageTokens]) } catch { throw CommissionError.notFound("token \(id): no such token") }
                }
                guard token.revokedAt == nil else { throw CommissionError.conflict("token \(id) is already revoked") }
                try tx.revokeToken(id: id, at: at, actor: viewer.name)
            }
        }
    }

    /// The user and scope of a live token; not authenticated if it is unknown, expired or revoked.
    public func tokenUser(_ value: String) throws -> (user: User, scope: StoredToken.Scope) {
        let hash = Self.hashSessionID(value)
        // The row and its user, read once while the workspace does not change (a revocation is a write).
        let (stored, user) = try cached("token \(hash)", nil) { () throws -> (StoredToken?, User?) in
            let stored = try run { try store.token(hash: hash) }
            return (stored, try stored.flatMap { s in try users().first { $0.name == s.user } })
        }
        guard let stored, let user, stored.revokedAt == nil, stored.expiresAt > now().timeIntervalSince1970 else {
            throw CommissionError.unauthenticated("not a live API token")
        }
        return (user, stored.scope)
    }
}

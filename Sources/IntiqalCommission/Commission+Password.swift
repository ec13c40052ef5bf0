import HummingbirdBcrypt
import IntiqalStorage

extension Commission {
    /// The signed-in user changes their own password: the current one must match (bcrypt), the
    /// new one is 12 to 72 bytes. Audited (the store's password row); never the password itself.
    public func changePassword(current: String, new: String, by viewer: Viewer) throws {
        do { try Self.check(password: new) } catch let e as CommissionError { throw CommissionError.invalid(field: "new", e.detail) }
        let credentials = try run { try store.transaction { tx in try tx.credentials(user: viewer.name) } }
        guard let hash = credentials?.passwordHash, current.utf8.count <= 72, Bcrypt.verify(current, hash: hash) else {
            throw CommissionError.invalid(field: "current", "not the current password")
        }
        let newHash = Bcrypt.hash(new, cost: Self.bcryptCost)
        try run {
            try store.transaction { tx in
                guard try tx.user(named: viewer.name) != nil else { throw CommissionError.unauthenticated("not signed in") }
                try tx.setPasswordHash(user: viewer.name, newHash, actor: viewer.name)
            }
        }
    }
}

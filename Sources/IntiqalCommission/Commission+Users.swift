import HummingbirdBcrypt
import IntiqalStorage

extension Commission {
    /// Adds or changes a user. The first user of a workspace must be an admin (who then adds
    /// the others); after that an admin, or the secretariat of the user's party for roles below
    /// co-chair (both the user as it was and as it becomes: `Permission.manageUser`). With
    /// `password`, its bcrypt hash is kept (never the password).
    public func addUser(_ user: User, password: String? = nil, by viewer: Viewer) throws {
        try Self.check(user)
        if let password { try Self.check(password: password) }
        let hash = password.map { Bcrypt.hash($0, cost: Self.bcryptCost) }
        try run {
            let parties = Set(try store.scenario().parties.map(\.id))
            guard parties.contains(user.party) else { throw CommissionError.invalid(field: "party", "unknown party '\(user.party)'") }
            try store.transaction { tx in
                if try !tx.hasUsers() {
                    guard user.role == .admin else {
                        throw CommissionError.invalid(field: "role", "the first user of a workspace must be an admin (who then adds the others)")
                    }
                } else {
                    var needs: [Permission] = [.manageUser(party: user.party, role: user.role)]
                    if let old = try tx.user(named: user.name) { needs.append(.manageUser(party: old.party, role: old.role)) }
                    try Self.authorize(tx, viewer.name, needs)
                }
                try tx.addUser(user, actor: viewer.name)
                if let hash { try tx.setPasswordHash(user: user.name, hash, actor: viewer.name) }
            }
        }
    }

    /// bcrypt's work factor for stored passwords.
    static let bcryptCost: UInt8 = 10

    static func check(_ user: User) throws {
        if user.name.isEmpty || user.name.count > 100 || user.name.contains(where: { $0.isNewline || $0 == "\u{0}" }) {
            throw CommissionError.invalid(field: "name", "a name of 1 to 100 characters on one line")
        }
        if user.role == .workingGroupMember && user.workingGroup == nil {
            throw CommissionError.invalid(field: "group", "a working-group member needs a working group")
        }
        if let group = user.workingGroup, !["threat", "requirement", "capability"].contains(group) {
            throw CommissionError.invalid(field: "group", "threat, requirement or capability")
        }
    }

    static func check(password: String) throws {
        // bcrypt reads at most 72 bytes: a longer password would be cut silently.
        guard (12...72).contains(password.utf8.count) else {
            throw CommissionError.invalid(field: "password", "12 to 72 bytes")
        }
    }

    /// The registered users (names, parties, roles: not marked; every signed-in user sees the roster).
    public func users() throws -> [User] { try cached("users", nil) { try run { try store.users() } } }
}

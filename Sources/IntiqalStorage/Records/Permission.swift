import IntiqalDomain

/// Who may do what in a workspace (DESIGN §4, §7). A workspace with no users registered is
/// open (the bootstrap state); once any user exists, every write names a registered user
/// whose role allows it. Only a party's co-chair signs for it; an admin may do anything else.
public enum Permission: Sendable, Hashable {
    /// Recording ratings of `party` for a working group.
    case assess(party: String, group: Factor)
    case reviewEvidence
    case ingest
    case propose
    /// Signing for `party` (the key's party).
    case sign(party: String)
    case registerKey(party: String)
    /// Scenario import, users, full imports.
    case administer
    /// Releasing `party`'s rating from `REL party` to `JOINT` (DESIGN §7): only that party's members.
    case release(party: String)
    /// Adding or changing a user of `party` with `role`, setting their password or second
    /// factor: an admin, or the secretariat of that party for roles below co-chair (so no
    /// one makes themself, or another party's people, a user who may act for them).
    case manageUser(party: String, role: User.Role)
    /// Making, listing or revoking another user's API tokens (acting as them): admins only.
    case manageTokens
    /// Showing the workspace a signed head (ledger receipt) of `party`: that party's co-chair,
    /// secretariat or admin.
    case submitReceipt(party: String)

    /// Whether `user` may do this.
    public func allows(_ user: User) -> Bool {
        switch (self, user.role) {
        case (.sign, .admin): return false
        // A party's key is registered by that party's own people (another party countersigns it).
        case (.registerKey(let party), .admin), (.registerKey(let party), .secretariat), (.registerKey(let party), .coChair):
            return user.party == party
        case (.submitReceipt(let party), .admin), (.submitReceipt(let party), .secretariat), (.submitReceipt(let party), .coChair):
            return user.party == party
        case (.manageUser(let party, let role), .secretariat):
            return user.party == party && ![.admin, .coChair].contains(role)
        // A rating is REL its party until released: only that party's people record it.
        case (.assess(let party, _), .admin), (.assess(let party, _), .secretariat): return user.party == party
        case (.release(let party), .coChair), (.release(let party), .workingGroupMember), (.release(let party), .secretariat),
             (.release(let party), .admin):
            return user.party == party
        case (_, .admin): return true
        case (.assess(let party, let group), .workingGroupMember):
            return user.party == party && user.workingGroup == group.rawValue
        case (.reviewEvidence, .workingGroupMember), (.reviewEvidence, .secretariat): return true
        case (.ingest, .secretariat), (.ingest, .liaison), (.ingest, .workingGroupMember): return true
        case (.propose, .secretariat), (.propose, .coChair): return true
        case (.sign(let party), .coChair): return user.party == party
        case (.administer, .secretariat): return true
        default: return false
        }
    }

    public var words: String {
        switch self {
        case .assess(let party, let group): "record \(party)'s \(group.rawValue) ratings"
        case .reviewEvidence: "review evidence"
        case .ingest: "ingest evidence"
        case .propose: "propose decisions"
        case .sign(let party): "sign for \(party)"
        case .registerKey(let party): "register \(party)'s co-chair key"
        case .administer: "administer the workspace"
        case .release(let party): "release \(party)'s ratings"
        case .manageUser(let party, let role): "manage \(party)'s \(role.rawValue) users"
        case .manageTokens: "manage another user's API tokens"
        case .submitReceipt(let party): "submit \(party)'s signed heads"
        }
    }
}

extension WorkspaceStore {
    /// Throws unless `actor` may do every one of `permissions` (always allowed while no users are registered).
    public func authorize(_ actor: String, _ permissions: [Permission]) throws {
        let users = try users()
        guard !users.isEmpty else { return }
        guard let user = users.first(where: { $0.name == actor }) else {
            throw StorageError.invalid("--by: '\(actor)' is not a registered user of this workspace (see `intiqal users list`)")
        }
        for p in permissions where !p.allows(user) {
            throw StorageError.invalid("--by: \(actor) (\(user.role.rawValue) of \(user.party)\(user.workingGroup.map { ", \($0) group" } ?? "")) may not \(p.words)")
        }
    }
}

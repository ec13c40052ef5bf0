import IntiqalStorage

/// A user as the API shows it (never a credential).
struct UserView: Codable, Sendable, Hashable {
    var name: String
    var party: String
    var role: String
    var group: String?

    init(_ u: User) { name = u.name; party = u.party; role = u.role.rawValue; group = u.workingGroup }
}

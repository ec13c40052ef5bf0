/// A member of a delegation and the role they hold.
public struct User: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case coChair = "co-chair"
        case workingGroupMember = "working-group-member"
        case secretariat, liaison, analyst, admin
    }

    public var name: String
    public var party: String
    public var role: Role
    /// The working group (factor) of a working-group member.
    public var workingGroup: String?

    public init(name: String, party: String, role: Role, workingGroup: String? = nil) {
        self.name = name
        self.party = party
        self.role = role
        self.workingGroup = workingGroup
    }
}

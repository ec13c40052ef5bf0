/// An API token as kept in the workspace: never its value, only (elsewhere) its hash.
public struct StoredToken: Sendable, Hashable, Codable {
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        case read
        case readWrite = "read-write"
    }

    public var id: Int64
    public var user: String
    public var label: String
    public var scope: Scope
    /// Seconds since 1970.
    public var createdAt: Double
    public var expiresAt: Double
    public var revokedAt: Double?

    public init(id: Int64 = 0, user: String, label: String, scope: Scope, createdAt: Double, expiresAt: Double, revokedAt: Double? = nil) {
        self.id = id
        self.user = user
        self.label = label
        self.scope = scope
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

/// A signed-in session kept in the workspace: the hash of its id (the id itself is only in the
/// client's cookie), its user, its CSRF token and when it ends.
public struct StoredSession: Sendable, Hashable {
    public var idHash: String
    public var user: String
    public var csrfToken: String
    /// Seconds since 1970.
    public var expiresAt: Double

    public init(idHash: String, user: String, csrfToken: String, expiresAt: Double) {
        self.idHash = idHash
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

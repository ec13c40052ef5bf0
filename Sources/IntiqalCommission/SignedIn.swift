import IntiqalStorage

/// A session begun by `Commission.signIn`: the id for the client's cookie (kept in the
/// workspace only as a hash), the CSRF token writes must carry, and who signed in.
public struct SignedIn: Sendable, Hashable {
    public var sessionID: String
    public var csrfToken: String
    public var user: User
    /// Seconds since 1970.
    public var expiresAt: Double
}

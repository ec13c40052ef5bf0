import IntiqalStorage

/// The user of a live session, re-read at each request, with the session's CSRF token.
public struct SessionUser: Sendable, Hashable {
    public var user: User
    public var csrfToken: String

    public init(user: User, csrfToken: String) {
        self.user = user
        self.csrfToken = csrfToken
    }
    public var viewer: Viewer { .user(user) }
}

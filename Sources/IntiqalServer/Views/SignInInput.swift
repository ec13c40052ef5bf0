/// `POST /api/v1/session`.
struct SignInInput: Codable, Sendable {
    var name: String
    var password: String
    /// The TOTP code (co-chairs and admins).
    var code: String?
}

/// The answer to a sign-in: who, and the CSRF token every write must carry in `X-CSRF-Token`.
struct SignInView: Codable, Sendable {
    var user: UserView
    var csrfToken: String
    var expiresAt: Double
}

/// What a user signs in with, as stored: a bcrypt hash and a TOTP secret (base32), either unset.
public struct Credentials: Sendable, Hashable {
    public var passwordHash: String?
    public var totpSecret: String?

    public init(passwordHash: String?, totpSecret: String?) {
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
    }
}

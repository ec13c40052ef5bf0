import Foundation
import HummingbirdBcrypt
import IntiqalStorage

/// What the first step of a two-step sign-in gave: a session (no second factor needed), or a
/// pending sign-in waiting for the one-time code.
public enum SignInStep: Sendable, Hashable {
    case signedIn(SignedIn)
    /// The password was right; `pendingID` (for the client's cookie, kept server-side only as a
    /// hash) names the sign-in until the code is given or it expires.
    case codeNeeded(pendingID: String, user: String, expiresAt: Double)
}

extension Commission {
    /// How long a pending sign-in waits for its one-time code.
    public static let pendingSignInLifetime: Double = 5 * 60

    /// A pending sign-in is a row of the workspace's session table (so every instance on one
    /// database sees it), told apart twice from a session: its id is hashed with a prefix of its
    /// own (a pending id given as a session cookie finds no row), and its row carries this in
    /// place of a CSRF token, which `session(id:)` refuses.
    static let pendingMarker = "pending-sign-in"

    static func hashPendingID(_ id: String) -> String { hashSessionID("pending:" + id) }

    /// The user of live pending sign-in row `hash`, if any.
    func livePending(_ hash: String, at: Double) throws -> String? {
        guard let row = try run({ try store.session(idHash: hash) }), row.csrfToken == Self.pendingMarker, row.expiresAt > at else {
            return nil
        }
        return row.user
    }

    func endPending(_ hash: String) throws {
        try run { try store.transaction { tx in _ = try tx.deleteSession(idHash: hash) } }
    }

    /// The first step of signing in: the name and password. A wrong one is a failed sign-in
    /// (throttled and audited as `signIn`'s). A right one for a user who needs no second factor
    /// begins a session; for one who does (co-chairs, admins, whoever enrolled a TOTP secret) it
    /// begins a pending sign-in, which is not a session and not a failure. A co-chair or admin
    /// with no secret enrolled cannot sign in (a failure, as in `signIn`).
    public func signInPassword(name: String, password: String, address: String) throws -> SignInStep {
        let at = now().timeIntervalSince1970
        let (user, credentials, passwordRight) = try checkPassword(name: name, password: password, address: address, at: at)
        var failure: String? = passwordRight ? nil : "password"
        var needsCode = false
        if failure == nil, let user, Self.needsCode(user, credentials) {
            if let secret = credentials?.totpSecret, TOTP(base32: secret) != nil { needsCode = true } else { failure = "code" }
        }
        if let failure {
            try recordFailedSignIn(name: name, address: address, at: at, reason: failure, user: user)
            throw CommissionError.unauthenticated(failure == "code" ? "no one-time code enrolled" : "wrong name or password")
        }
        guard let user else { throw CommissionError.unauthenticated("wrong name or password") }
        if !needsCode { return .signedIn(try beginSession(user: user, address: address, at: at)) }
        let id = hex(randomBytes(32))
        let expires = at + Self.pendingSignInLifetime
        let pending = StoredSession(idHash: Self.hashPendingID(id), user: name, csrfToken: Self.pendingMarker, expiresAt: expires)
        try run { try store.transaction { tx in try tx.createSession(pending, createdAt: at) } }
        return .codeNeeded(pendingID: id, user: name, expiresAt: expires)
    }

    /// The user a live pending sign-in `id` waits for, if any.
    public func pendingSignIn(id: String) -> String? {
        try? livePending(Self.hashPendingID(id), at: now().timeIntervalSince1970)
    }

    /// The second step: the one-time code of pending sign-in `pendingID`. A wrong code is a
    /// failed sign-in (throttled and audited); the pending sign-in waits for another try until it
    /// expires or the throttle refuses. A right one ends it and begins a session. An unknown or
    /// expired pending sign-in is not authenticated (start again).
    public func signInCode(pending pendingID: String, code: String, address: String) throws -> SignedIn {
        let at = now().timeIntervalSince1970
        let hash = Self.hashPendingID(pendingID)
        guard let name = try livePending(hash, at: at) else {
            throw CommissionError.unauthenticated("the sign-in expired; sign in again")
        }
        let (user, credentials) = try run { () throws -> (User?, Credentials?) in
            try store.transaction { tx in
                try checkThrottle(tx, name: name, address: address, at: at)
                return (try tx.user(named: name), try tx.credentials(user: name))
            }
        }
        guard let user, let secret = credentials?.totpSecret, let totp = TOTP(base32: secret) else {
            try endPending(hash)
            throw CommissionError.unauthenticated("the sign-in expired; sign in again")
        }
        guard totp.accepts(code, at: now()) else {
            try recordFailedSignIn(name: name, address: address, at: at, reason: "code", user: user)
            throw CommissionError.invalid(field: "code", "wrong one-time code")
        }
        try endPending(hash)
        return try beginSession(user: user, address: address, at: at)
    }

    /// Records and audits one failed sign-in (the throttle checked again first).
    func recordFailedSignIn(name: String, address: String, at: Double, reason: String, user: User?) throws {
        let marking: Marking = user.map { .rel([$0.party]) } ?? .joint
        try run {
            try store.transaction { tx in
                try checkThrottle(tx, name: name, address: address, at: at)
                try tx.recordFailedSignIn(user: name, address: address, at: at)
                try tx.audit(actor: name, action: "sign-in-failed", entity: "session", id: address, before: nil,
                             after: #"{"reason":"\#(reason)"}"#, marking: marking)
            }
        }
    }

    /// Makes and audits a new session for `user`.
    func beginSession(user: User, address: String, at: Double) throws -> SignedIn {
        let id = hex(randomBytes(32)), csrf = hex(randomBytes(32))
        let session = StoredSession(idHash: Self.hashSessionID(id), user: user.name, csrfToken: csrf, expiresAt: at + Self.sessionLifetime)
        try run {
            try store.transaction { tx in
                try tx.createSession(session, createdAt: at)
                try tx.audit(actor: user.name, action: "sign-in", entity: "session", id: address, before: nil, after: nil,
                             marking: .rel([user.party]))
            }
        }
        return SignedIn(sessionID: id, csrfToken: csrf, user: user, expiresAt: session.expiresAt)
    }
}

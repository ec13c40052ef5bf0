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

/// Sign-ins whose password was right, waiting for the one-time code; in memory only (a pending
/// sign-in is not a session and never outlives the process).
final class PendingSignIns: @unchecked Sendable {
    struct Entry { var user: String; var expiresAt: Double }
    /// At most this many wait at once; the oldest are dropped past it.
    static let capacity = 1_000

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]   // by the hash of the id; guarded by `lock`

    func add(_ hash: String, _ entry: Entry, now: Double) {
        lock.withLock {
            entries = entries.filter { $0.value.expiresAt > now }
            if entries.count >= Self.capacity, let oldest = entries.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
                entries[oldest.key] = nil
            }
            entries[hash] = entry
        }
    }

    func live(_ hash: String, now: Double) -> Entry? {
        lock.withLock {
            guard let e = entries[hash] else { return nil }
            if e.expiresAt <= now { entries[hash] = nil; return nil }
            return e
        }
    }

    func remove(_ hash: String) { _ = lock.withLock { entries.removeValue(forKey: hash) } }
}

extension Commission {
    /// How long a pending sign-in waits for its one-time code.
    public static let pendingSignInLifetime: Double = 5 * 60

    /// The first step of signing in: the name and password. A wrong one is a failed sign-in
    /// (throttled and audited as `signIn`'s). A right one for a user who needs no second factor
    /// begins a session; for one who does (co-chairs, admins, whoever enrolled a TOTP secret) it
    /// begins a pending sign-in, which is not a session and not a failure. A co-chair or admin
    /// with no secret enrolled cannot sign in (a failure, as in `signIn`).
    public func signInPassword(name: String, password: String, address: String) throws -> SignInStep {
        let at = now().timeIntervalSince1970
        let (user, credentials) = try run { () throws -> (User?, Credentials?) in
            try store.transaction { tx in
                try checkThrottle(tx, name: name, address: address, at: at)
                return (try tx.user(named: name), try tx.credentials(user: name))
            }
        }
        var failure: String?
        if let hash = credentials?.passwordHash, user != nil, password.utf8.count <= 72 {
            if !Bcrypt.verify(password, hash: hash) { failure = "password" }
        } else {
            _ = Bcrypt.verify(password.prefix(72).description, hash: Self.decoyHash)
            failure = "password"
        }
        var needsCode = false
        if failure == nil, let user, user.role == .coChair || user.role == .admin || credentials?.totpSecret != nil {
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
        pendingSignIns.add(Self.hashSessionID(id), .init(user: name, expiresAt: expires), now: at)
        return .codeNeeded(pendingID: id, user: name, expiresAt: expires)
    }

    /// The user a live pending sign-in `id` waits for, if any.
    public func pendingSignIn(id: String) -> String? {
        pendingSignIns.live(Self.hashSessionID(id), now: now().timeIntervalSince1970)?.user
    }

    /// The second step: the one-time code of pending sign-in `pendingID`. A wrong code is a
    /// failed sign-in (throttled and audited); the pending sign-in waits for another try until it
    /// expires or the throttle refuses. A right one ends it and begins a session. An unknown or
    /// expired pending sign-in is not authenticated (start again).
    public func signInCode(pending pendingID: String, code: String, address: String) throws -> SignedIn {
        let at = now().timeIntervalSince1970
        let hash = Self.hashSessionID(pendingID)
        guard let pending = pendingSignIns.live(hash, now: at) else {
            throw CommissionError.unauthenticated("the sign-in expired; sign in again")
        }
        let name = pending.user
        let (user, credentials) = try run { () throws -> (User?, Credentials?) in
            try store.transaction { tx in
                try checkThrottle(tx, name: name, address: address, at: at)
                return (try tx.user(named: name), try tx.credentials(user: name))
            }
        }
        guard let user, let secret = credentials?.totpSecret, let totp = TOTP(base32: secret) else {
            pendingSignIns.remove(hash)
            throw CommissionError.unauthenticated("the sign-in expired; sign in again")
        }
        guard totp.accepts(code, at: now()) else {
            try recordFailedSignIn(name: name, address: address, at: at, reason: "code", user: user)
            throw CommissionError.invalid(field: "code", "wrong one-time code")
        }
        pendingSignIns.remove(hash)
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

import Crypto
import Foundation
import HummingbirdBcrypt
import IntiqalStorage

extension Commission {
    /// Failed sign-ins allowed per account and per address within `throttleWindow`; the next is refused.
    public static let allowedFailures = 5
    public static let throttleWindow: Double = 15 * 60
    /// How long a session lasts.
    public static let sessionLifetime: Double = 8 * 60 * 60

    /// Signs `name` in with a password and, for co-chairs and admins (and whoever enrolled
    /// one), a TOTP code. After 5 failures within 15 minutes for the account or the address,
    /// the next attempt is refused (`throttled`) without checking anything. Every sign-in and
    /// every failure is audited. A new session id is made each time.
    public func signIn(name: String, password: String, code: String?, address: String) throws -> SignedIn {
        let at = now().timeIntervalSince1970
        let (user, credentials, passwordRight) = try checkPassword(name: name, password: password, address: address, at: at)
        var failure: String? = passwordRight ? nil : "password"
        if failure == nil, let user, Self.needsCode(user, credentials) {
            if let secret = credentials?.totpSecret, let totp = TOTP(base32: secret) {
                if !(code.map { totp.accepts($0, at: now()) } ?? false) { failure = "code" }
            } else {
                failure = "code"   // a co-chair or admin with no second factor enrolled cannot sign in
            }
        }
        guard failure == nil, let user else {
            try recordFailedSignIn(name: name, address: address, at: at, reason: failure ?? "password", user: user)
            throw CommissionError.unauthenticated(failure == "code" ? "wrong or missing one-time code" : "wrong name or password")
        }
        return try beginSession(user: user, address: address, at: at)
    }

    /// The first part of every sign-in: the throttle, then the password. The slow bcrypt check
    /// runs outside any write transaction (the throttle is checked again when a failure is
    /// recorded), and takes the same work for an unknown name.
    func checkPassword(name: String, password: String, address: String, at: Double)
        throws -> (user: User?, credentials: Credentials?, passwordRight: Bool) {
        let (user, credentials) = try run { () throws -> (User?, Credentials?) in
            try store.transaction { tx in
                try checkThrottle(tx, name: name, address: address, at: at)
                return (try tx.user(named: name), try tx.credentials(user: name))
            }
        }
        if let hash = credentials?.passwordHash, user != nil, password.utf8.count <= 72 {
            return (user, credentials, Bcrypt.verify(password, hash: hash))
        }
        _ = Bcrypt.verify(password.prefix(72).description, hash: Self.decoyHash)
        return (user, credentials, false)
    }

    /// Whether `user` must give a one-time code: co-chairs, admins, and whoever enrolled a secret.
    static func needsCode(_ user: User, _ credentials: Credentials?) -> Bool {
        user.role == .coChair || user.role == .admin || credentials?.totpSecret != nil
    }

    func checkThrottle(_ tx: any WorkspaceTransaction, name: String, address: String, at: Double) throws {
        let failures = try tx.failedSignIns(user: name, address: address, since: at - Self.throttleWindow)
        if failures.user >= Self.allowedFailures || failures.address >= Self.allowedFailures {
            throw CommissionError.throttled("too many failed sign-ins; try again later")
        }
    }

    /// The user of live session `id`, re-read now; not authenticated if the session ended,
    /// expired or its user is gone.
    public func session(id: String) throws -> SessionUser {
        let hash = Self.hashSessionID(id)
        // The row and its user, read once while the workspace does not change (a sign-out is a write).
        let (stored, user) = try cached("session \(hash)", nil) { () throws -> (StoredSession?, User?) in
            let stored = try run { try store.session(idHash: hash) }
            return (stored, try stored.flatMap { s in try users().first { $0.name == s.user } })
        }
        // A pending two-step sign-in (a row of the same table) is not a session.
        guard let stored, let user, stored.csrfToken != Self.pendingMarker, stored.expiresAt > now().timeIntervalSince1970 else {
            throw CommissionError.unauthenticated("not signed in")
        }
        return SessionUser(user: user, csrfToken: stored.csrfToken)
    }

    /// Ends session `id` server-side (a later request with it is not signed in).
    public func signOut(id: String, by viewer: Viewer) throws {
        try run {
            try store.transaction { tx in
                if try tx.deleteSession(idHash: Self.hashSessionID(id)) {
                    try tx.audit(actor: viewer.name, action: "sign-out", entity: "session", id: "", before: nil, after: nil,
                                 marking: viewer.party.map { .rel([$0]) } ?? .joint)
                }
            }
        }
    }

    /// Enrols a new TOTP secret for `user` (the user themself, or who may manage that user:
    /// `Permission.manageUser`); returns it.
    public func enrolTOTP(user name: String, by viewer: Viewer) throws -> TOTP {
        let totp = TOTP(secret: randomBytes(20))
        try run {
            try store.transaction { tx in
                guard let user = try tx.user(named: name) else { throw CommissionError.notFound("user '\(name)': no such user") }
                if viewer.name != name || viewer.party == nil {
                    try Self.authorize(tx, viewer.name, [.manageUser(party: user.party, role: user.role)])
                }
                try tx.setTOTPSecret(user: name, totp.base32, actor: viewer.name)
            }
        }
        return totp
    }

    /// Sets `user`'s password (an admin, or the secretariat of the user's party for roles below
    /// co-chair; the holder of the file while no users exist).
    public func setPassword(user name: String, password: String, by viewer: Viewer) throws {
        try Self.check(password: password)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        try run {
            try store.transaction { tx in
                if let user = try tx.user(named: name) {
                    try Self.authorize(tx, viewer.name, [.manageUser(party: user.party, role: user.role)])
                } else {
                    try Self.authorize(tx, viewer.name, [.administer])
                }
                try tx.setPasswordHash(user: name, hash, actor: viewer.name)
            }
        }
    }

    static func hashSessionID(_ id: String) -> String { hex(Array(SHA256.hash(data: Data(id.utf8)))) }

    /// A bcrypt hash no password is known for, checked against when the name is unknown.
    static let decoyHash = Bcrypt.hash("decoy password of no user", cost: bcryptCost)
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

import Foundation
import IntiqalCommission
import IntiqalScenario
import IntiqalStorage

/// `intiqal serve --demo`: an in-memory copy of iraq-2024 with a user of each party and role,
/// each with a new random password (and a TOTP secret for co-chairs and admins).
public struct DemoWorkspace: Sendable {
    public struct Account: Sendable, Hashable {
        public var user: User
        public var password: String
        /// Base32 TOTP secret, for those who need a second factor.
        public var totpSecret: String?
    }

    public let commission: Commission
    public let accounts: [Account]

    /// The demo's users: per party of the commission a co-chair, a member of each working
    /// group, a secretariat member and an analyst; an admin; a partner's liaison officer.
    public static let users: [User] = {
        var users = [User(name: "admin", party: "IRQ", role: .admin)]
        for party in ["IRQ", "USA"] {
            let p = party.lowercased()
            users.append(User(name: "\(p)-cochair", party: party, role: .coChair))
            for group in ["threat", "requirement", "capability"] {
                users.append(User(name: "\(p)-\(group)", party: party, role: .workingGroupMember, workingGroup: group))
            }
            users.append(User(name: "\(p)-secretariat", party: party, role: .secretariat))
            users.append(User(name: "\(p)-analyst", party: party, role: .analyst))
        }
        users.append(User(name: "gbr-liaison", party: "GBR", role: .liaison))
        return users
    }()

    /// `store`: an empty workspace to fill instead of a new in-memory one (tests serve a file).
    public init(store given: (any WorkspaceStore)? = nil, randomBytes: @escaping @Sendable (Int) -> [UInt8] = Commission.systemRandomBytes,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        let store = try given ?? SQLiteWorkspaceStore(inMemory: "demo", now: now)
        try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "demo")
        let commission = Commission(store: store, now: now, randomBytes: randomBytes)
        var accounts: [Account] = []
        let setup = Viewer.fileHolder("admin")
        for user in Self.users {
            let password = randomBytes(12).map { String(format: "%02x", $0) }.joined()
            try commission.addUser(user, password: password, by: setup)
            var secret: String?
            if user.role == .coChair || user.role == .admin {
                secret = try commission.enrolTOTP(user: user.name, by: setup).base32
            }
            accounts.append(Account(user: user, password: password, totpSecret: secret))
        }
        self.commission = commission
        self.accounts = accounts
    }
}

import IntiqalStorage

/// Who is acting or reading. A signed-in user (the server; the CLI's `--by NAME` once users
/// are registered) is re-read inside each write's transaction; the holder of the workspace
/// file (the CLI on a local file) reads every record.
public struct Viewer: Sendable, Hashable {
    /// The acting user's name (for the audit log and the permission check).
    public let name: String
    /// The reading party; `nil` for the holder of the workspace file.
    public let party: String?

    public init(name: String, party: String?) {
        self.name = name
        self.party = party
    }

    /// The holder of the workspace file, acting as `name`: reads everything; writes as the
    /// registered user `name` once any user is registered (a workspace without users is open).
    public static func fileHolder(_ name: String) -> Viewer { Viewer(name: name, party: nil) }

    /// A registered user: reads what their party may read.
    public static func user(_ user: User) -> Viewer { Viewer(name: user.name, party: user.party) }
}

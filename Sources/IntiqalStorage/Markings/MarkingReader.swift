/// Whose eyes a read is for: the viewer's party and the commission's parties, or the holder of
/// the workspace file (the CLI on a local file), who reads every record.
public struct MarkingReader: Sendable, Hashable {
    /// The reading party; `nil` for the holder of the file.
    public let party: String?
    /// The parties a `JOINT` record is released to.
    public let commission: Set<String>

    /// Reads only what every party of the commission may read (the record decisions rest on).
    package let jointOnly: Bool

    public init(party: String?, commission: Set<String>) {
        self.party = party
        self.commission = commission
        jointOnly = false
    }

    private init(jointOf commission: Set<String>) {
        party = ""
        self.commission = commission
        jointOnly = true
    }

    /// The commission as a whole: `PUBLIC`, `JOINT`, and `REL` to every one of its parties.
    public static func joint(_ commission: Set<String>) -> MarkingReader { MarkingReader(jointOf: commission) }

    /// The holder of the workspace file: every marking.
    public static let fileHolder = MarkingReader(party: nil, commission: [])

    public var readsEverything: Bool { party == nil }

    public func mayRead(_ marking: Marking) -> Bool {
        guard let party else { return true }
        guard let readers = marking.readers(commission: commission) else { return true }
        return jointOnly ? readers.isSuperset(of: commission) : readers.contains(party)
    }
}

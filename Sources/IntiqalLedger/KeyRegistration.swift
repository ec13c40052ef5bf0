/// A co-chair's public key registered in the ledger, and who countersigned it.
///
/// A format-1 (legacy) registration is active from its own entry. A format-2 registration is
/// pending until a co-chair of another party whose key is active countersigns it; the very first
/// keys (no key active yet) become active together when two keys of different parties have
/// countersigned each other.
public struct KeyRegistration: Sendable, Hashable {
    public struct Countersignature: Sendable, Hashable {
        public var seq: Int
        public var party: String
        public var publicKey: String
    }

    public var seq: Int
    public var party: String
    /// Base64 of the raw 32-byte Ed25519 public key.
    public var publicKey: String
    public var format: LedgerFormat
    public var countersignatures: [Countersignature] = []
    /// The entry from which the key may sign: its own for a legacy key, else its countersignature's.
    public var activeFrom: Int?

    public var active: Bool { activeFrom != nil }
}

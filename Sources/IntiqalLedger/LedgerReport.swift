/// The outcome of checking a whole ledger: every hash, link, key and signature.
public struct LedgerReport: Sendable, Hashable {
    /// The first entry that failed, and why.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var seq: Int
        public var reason: String
        public var description: String { "entry \(seq): \(reason)" }
    }

    /// A decision and the parties that have validly signed it.
    public struct DecisionState: Sendable, Hashable {
        public var seq: Int
        public var hash: String
        public var decision: Decision
        public var signedBy: [String]
        public var binding: Bool { Set(decision.requiredParties).isSubset(of: Set(signedBy)) }
        public var missing: [String] { decision.requiredParties.filter { !signedBy.contains($0) }.sorted() }
    }

    public var entries: Int
    public var failure: Failure?
    public var decisions: [DecisionState]
    /// Active co-chair keys: party → public keys (base64). Pending registrations are not here.
    public var keys: [String: [String]]
    /// Every key registration up to the first failure, active or pending, in ledger order.
    public var registrations: [KeyRegistration] = []
    /// The last entry's seq and hash (0 and 64 zeros for an empty ledger).
    public var head: (seq: Int, hash: String) { (headSeq, headHash) }

    var headSeq = 0
    var headHash = LedgerEntry.genesisHash

    public var ok: Bool { failure == nil }
}

import IntiqalLedger

/// A decision of the ledger with its state: what a signing client needs.
struct DecisionView: Codable, Sendable {
    var seq: Int
    var hash: String
    var kind: String
    var summary: String
    var requiredParties: [String]
    var signedBy: [String]
    var binding: Bool

    init(_ s: LedgerReport.DecisionState) {
        seq = s.seq; hash = s.hash; kind = s.decision.kind.rawValue; summary = s.decision.summary
        requiredParties = s.decision.requiredParties; signedBy = s.signedBy.sorted(); binding = s.binding
    }
}

/// A co-chair key registration and whether it may sign yet.
struct KeyView: Codable, Sendable {
    var seq: Int
    var party: String
    var publicKey: String
    var active: Bool

    init(_ r: KeyRegistration) { seq = r.seq; party = r.party; publicKey = r.publicKey; active = r.active }
}

/// What the commission decides. Binding only when every required party's co-chair has signed.
public struct Decision: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case adoptPlan = "adopt-plan"
        case gateMet = "gate-met"
        case resolveDispute = "resolve-dispute"
        case phaseComplete = "phase-complete"
        case adoptScale = "adopt-scale"
        case commitmentStatus = "commitment-status"
    }

    public var kind: Kind
    /// One line in words, e.g. "adopt the conditions plan of iraq-2024".
    public var summary: String
    /// Exactly what was decided: the plan's hash, the ratings it rests on, the values fixed.
    public var payload: [String: CanonicalValue]
    public var requiredParties: [String]
    public var proposedBy: String
    /// ISO 8601 UTC.
    public var proposedAt: String

    public init(kind: Kind, summary: String, payload: [String: CanonicalValue], requiredParties: [String],
                proposedBy: String, proposedAt: String) {
        self.kind = kind
        self.summary = summary
        self.payload = payload
        self.requiredParties = requiredParties
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
    }

    /// The entry body (without `seq` and `type`, which `LedgerEntry.make` adds).
    public var body: CanonicalValue {
        .object([
            "decision": .string(kind.rawValue),
            "summary": .string(summary),
            "payload": .object(payload),
            "requiredParties": .array(requiredParties.sorted().map { .string($0) }),
            "by": .string(proposedBy),
            "at": .string(proposedAt),
        ])
    }

    /// Reads a decision entry's body; nil when it is not one.
    public init?(body: CanonicalValue) {
        guard let kindText = body["decision"]?.stringValue, let kind = Kind(rawValue: kindText),
              let summary = body["summary"]?.stringValue, let payload = body["payload"]?.objectValue,
              let parties = body["requiredParties"]?.arrayValue?.compactMap(\.stringValue),
              let by = body["by"]?.stringValue, let at = body["at"]?.stringValue
        else { return nil }
        self.init(kind: kind, summary: summary, payload: payload, requiredParties: parties, proposedBy: by, proposedAt: at)
    }
}

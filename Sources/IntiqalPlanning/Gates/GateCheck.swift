import IntiqalDomain

/// One gate evaluated in one month: the values compared, whether it held, and why not.
public struct GateCheck: Sendable, Hashable, Codable {
    /// A joint rating a gate evaluation rests on, with the parties' ratings and their evidence.
    public struct Basis: Sendable, Hashable, Codable {
        public var factor: Factor
        public var value: Double?
        public var disputed: Bool
        public var projected: Bool
        public var resolution: String?
        public var ratings: [JointRating.PartyRating]
    }

    public var month: YearMonth
    public var met: Bool
    public var capability: Double?
    public var requirement: Double?
    public var threat: Double?
    public var trend: Trend?
    /// Consecutive months, ending with this one, in which the gate held.
    public var heldMonths: Int
    public var requiredMonths: Int
    /// The first month the gate has held for the required months (projected), if within the horizon.
    public var holdsFrom: YearMonth?
    /// Conditions not met this month, in words.
    public var unmet: [String]
    public var basis: [Basis]
    /// A site left open that can re-intervene after the handover, where the policy asks for one.
    public var reinterventionSite: String?
}

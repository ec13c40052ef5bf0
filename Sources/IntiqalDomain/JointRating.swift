/// The commission's view of one subject in one month, built from both delegations' ratings.
public struct JointRating: Sendable, Hashable, Codable {
    /// One party's rating in force, converted to the current scale.
    public struct PartyRating: Sendable, Hashable, Codable {
        public var party: String
        /// The month the rating was made for.
        public var month: YearMonth
        /// The value on the current scale.
        public var value: Double
        /// The value as rated, on the scale named.
        public var ratedValue: Double
        public var scale: ScaleReference
        public var trend: Trend?
        public var confidence: Assessment.Confidence
        public var evidence: [EvidenceReference]
        public var illustrative: Bool
    }

    public var subject: RatingSubject
    /// The joint value on the current scale; nil when disputed and unresolved.
    public var value: Double?
    public var trend: Trend?
    public var disputed: Bool
    /// The resolution that fixed the value, when the commission resolved a dispute.
    public var resolution: Resolution?
    public var byParty: [PartyRating]
    /// The newest month any of the ratings behind this one was made for.
    public var basisMonth: YearMonth
}

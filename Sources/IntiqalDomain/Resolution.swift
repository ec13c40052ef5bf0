/// The commission's resolution of a disputed rating: the joint value from `month` on.
public struct Resolution: Sendable, Hashable, Codable {
    public var subject: RatingSubject
    public var month: YearMonth
    public var value: Double
    public var trend: Trend?
    /// The decision that resolved it (ledger id or minute reference).
    public var decision: String

    public init(subject: RatingSubject, month: YearMonth, value: Double, trend: Trend? = nil, decision: String) {
        self.subject = subject
        self.month = month
        self.value = value
        self.trend = trend
        self.decision = decision
    }
}

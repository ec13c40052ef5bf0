/// A dated, placed, typed event: the threat factor's data.
public struct Incident: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case attack, strike, handover, meeting, other
    }

    public var date: String
    /// Where `count` incidents are known only for a period, its last day (`date` is the first).
    public var until: String?
    public var region: String
    public var kind: Kind
    public var count: Int
    public var source: String?
    public var illustrative: Bool

    public init(date: String, until: String? = nil, region: String, kind: Kind, count: Int = 1, source: String? = nil,
                illustrative: Bool = false) {
        self.date = date
        self.until = until
        self.region = region
        self.kind = kind
        self.count = count
        self.source = source
        self.illustrative = illustrative
    }
}

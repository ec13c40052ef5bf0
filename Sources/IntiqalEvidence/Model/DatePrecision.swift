/// How much of a date the text actually states. A bare year stays a year.
public enum DatePrecision: String, Sendable, Codable, Hashable, Comparable {
    case year, month, day

    var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

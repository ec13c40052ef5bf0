/// Who promised what, in which statement, and how far it has been carried out.
public struct Commitment: Sendable, Hashable, Codable, Identifiable {
    /// Peace Accords Matrix implementation scale.
    public enum Status: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case notInitiated = 0, minimal = 1, intermediate = 2, full = 3

        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
    }

    public struct StatusChange: Sendable, Hashable, Codable {
        public var month: YearMonth
        public var status: Status
        public var note: String?
        public var source: String?

        public init(month: YearMonth, status: Status, note: String? = nil, source: String? = nil) {
            self.month = month
            self.status = status
            self.note = note
            self.source = source
        }
    }

    public var id: String
    public var parties: [String]
    public var text: LocalizedText
    public var source: String
    public var history: [StatusChange]

    public init(id: String, parties: [String], text: LocalizedText, source: String, history: [StatusChange]) {
        self.id = id
        self.parties = parties
        self.text = text
        self.source = source
        self.history = history
    }

    /// The status in force in `month` (the latest change at or before it).
    public func status(in month: YearMonth) -> Status {
        history.filter { $0.month <= month }.max { $0.month < $1.month }?.status ?? .notInitiated
    }
}

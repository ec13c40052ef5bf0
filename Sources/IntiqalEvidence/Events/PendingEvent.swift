/// An event before its date is resolved against the publication date (known only at the end of the document).
struct PendingEvent: Sendable {
    var type: EventType
    var spec: DateSpec?
    var inheritFrom: Int?
    var future: Bool
    var place: String?
    var actors: [String]
    var speaker: String?
    var evidence: EvidenceSpan
    var sentenceHash: UInt64
}

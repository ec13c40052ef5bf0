/// One report of a merged event: the document and the sentence.
public struct EventSource: Sendable, Codable, Hashable {
    public var document: String
    public var evidence: EvidenceSpan

    public init(document: String, evidence: EvidenceSpan) {
        self.document = document
        self.evidence = evidence
    }
}

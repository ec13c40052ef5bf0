import Crypto
import Foundation
import IntiqalDomain
import IntiqalEvidence
import IntiqalStorage

extension Commission {
    /// The evidence pipeline's output for one document as the items to propose: each event and
    /// number as sorted-key JSON. (The one place extracted items are encoded for the workspace.)
    public static func evidenceInput(_ document: DocumentEvidence, file: String, sha256: String, marking: Marking) throws -> EvidenceInput {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var items: [(kind: String, content: String)] = []
        for event in document.events { items.append(("event", String(decoding: try encoder.encode(event), as: UTF8.self))) }
        for number in document.numbers { items.append(("number", String(decoding: try encoder.encode(number), as: UTF8.self))) }
        return EvidenceInput(file: file, sha256: sha256, items: items, marking: marking)
    }

    /// Reads a report (text), proposes the events and numbers found in it for review, marked as
    /// its author chose (default: `REL` the author's party). Returns the document id and the
    /// number of items proposed.
    public func ingestReport(text: String, name: String, published: String?, marking: Marking?, by viewer: Viewer) throws -> (document: Int64, items: Int) {
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isNewline) else {
            throw CommissionError.invalid(field: "name", "1 to 200 characters on one line")
        }
        var date: CivilDate?
        if let published {
            do { date = try CivilDate.parse(published) } catch { throw CommissionError.invalid(field: "published", error.description) }
        }
        let chosen = marking ?? viewer.party.map { .rel([$0]) } ?? .joint
        let document = Self.extractor.extract(text: text, document: name, published: date)
        let sha = Array(SHA256.hash(data: Data(text.utf8))).map { String(format: "%02x", $0) }.joined()
        let input = try run { try Self.evidenceInput(document, file: name, sha256: sha, marking: chosen) }
        let id = try ingest([input], by: viewer)[0]
        return (id, input.items.count)
    }

    static let extractor = Extractor()
}

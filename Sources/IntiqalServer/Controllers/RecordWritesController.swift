import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalRisk
import IntiqalStorage

/// Writes on incidents, commitments and sites, by the use cases `intiqal` calls: a dataset
/// import (all or nothing), a split, a commitment's status change, and re-marking a site or a
/// commitment. A record the caller may not read is not found (404), one it may read but not
/// change is forbidden (403).
struct RecordWritesController {
    let commission: Commission

    struct SplitInput: Codable { var source: Int64 }

    struct StatusInput: Codable {
        var status: Int
        var month: String
        var note: String?
        var marking: String?
    }

    struct MarkingInput: Codable { var marking: String }

    struct MarkingView: Codable {
        var entity: String
        var id: String
        var marking: String
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.post("incidents/import") { request, context -> Response in
            let viewer = try context.viewer()
            guard let f = request.query("format"), let format = IncidentDataset(rawValue: f) else {
                throw CommissionError.invalid(field: "format", "acled or ucdp-ged")
            }
            let marking = try Self.marking(request.query("marking")) ?? .joint
            let name = request.query("name") ?? "body.csv"
            guard !name.isEmpty, name.unicodeScalars.count <= 200, !name.contains(where: \.isNewline) else {
                throw CommissionError.invalid(field: "name", "1 to 200 characters on one line")
            }
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: context.maxUploadSize) } catch {
                throw HTTPError(.contentTooLarge, message: "the body is over \(context.maxUploadSize) bytes")
            }
            guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
                throw CommissionError.invalid(field: "body", "the CSV file is not UTF-8")
            }
            // A bad file is refused before anything is written, naming its line and column.
            do { _ = try ConflictEventCSV.rows(text, file: name) } catch let e as RiskError {
                throw CommissionError.invalid(field: e.field ?? e.line.map { "line \($0)" } ?? "body", e.description)
            }
            return try JSONBody.response(try commission.importIncidents(text, file: name, format: format, marking: marking, by: viewer))
        }
        group.post("incidents/{id}/split") { request, context -> Response in
            let viewer = try context.viewer()
            let id = try AssessmentController.id(context)
            let input = try await JSONBody.decode(SplitInput.self, from: request, context: context)
            // The source must be one of this incident's (an incident the viewer may not read is not found).
            guard try commission.incident(id: id, for: viewer).sources.contains(where: { $0.id == input.source }) else {
                throw CommissionError.notFound("incident \(id) has no source \(input.source)")
            }
            return try JSONBody.response(try commission.splitIncident(source: input.source, by: viewer), status: .created)
        }
        group.post("commitments/{id}/status") { request, context -> Response in
            let viewer = try context.viewer()
            let id = try RecordsController.text(context)
            let input = try await JSONBody.decode(StatusInput.self, from: request, context: context)
            guard let status = Commitment.Status(rawValue: input.status) else { throw CommissionError.invalid(field: "status", "0, 1, 2 or 3") }
            guard let month = YearMonth(input.month) else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
            if let note = input.note, note.unicodeScalars.count > 4_000 { throw CommissionError.invalid(field: "note", "at most 4000 characters") }
            let marking = try Self.marking(input.marking) ?? .joint
            try commission.recordCommitmentStatus(commitment: id, change: .init(month: month, status: status, note: input.note),
                                                  marking: marking, by: viewer)
            return try JSONBody.response(try commission.commitment(id: id, for: viewer), status: .created)
        }
        for entity in ["site", "commitment"] {
            group.put("\(entity)s/{id}/marking") { request, context -> Response in
                let viewer = try context.viewer()
                let id = try RecordsController.text(context)
                let input = try await JSONBody.decode(MarkingInput.self, from: request, context: context)
                guard let marking = try Self.marking(input.marking) else { throw CommissionError.invalid(field: "marking", "required") }
                try commission.setMarking(entity: entity, id: id, marking, by: viewer)
                return try JSONBody.response(MarkingView(entity: entity, id: id, marking: marking.description))
            }
        }
    }

    static func marking(_ text: String?) throws -> Marking? {
        guard let text else { return nil }
        guard let m = Marking(text) else { throw CommissionError.invalid(field: "marking", "PUBLIC, JOINT, or REL and party ids") }
        return m
    }
}

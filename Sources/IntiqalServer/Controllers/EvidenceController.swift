import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// Evidence items: the list a viewer may read, and review.
struct EvidenceController {
    let commission: Commission

    struct ReviewInput: Codable { var status: EvidenceItemRecord.Status }

    /// A report to read: its name, its text, its publication date, who may read it.
    struct ReportInput: Codable {
        var name: String
        var text: String
        var published: String?
        var marking: String?
    }

    struct IngestedView: Codable {
        var document: Int64
        var items: Int
        var marking: String
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.post("evidence/documents") { request, context -> Response in
            let viewer = try context.viewer()
            let input = try await JSONBody.decode(ReportInput.self, from: request, context: context)
            var marking: Marking?
            if let text = input.marking {
                guard let m = Marking(text) else { throw CommissionError.invalid(field: "marking", "PUBLIC, JOINT, or REL and party ids") }
                marking = m
            }
            let chosen = marking ?? viewer.party.map { .rel([$0]) } ?? .joint
            let (document, items) = try commission.ingestReport(text: input.text, name: input.name, published: input.published,
                                                                marking: chosen, by: viewer)
            return try JSONBody.response(IngestedView(document: document, items: items, marking: chosen.description), status: .created)
        }
        group.get("evidence/items") { _, context in
            try JSONBody.response(Page(try commission.evidenceItems(for: try context.viewer())))
        }
        group.post("evidence/items/{id}/review") { request, context -> Response in
            let viewer = try context.viewer()
            let id = try AssessmentController.id(context)
            let input = try await JSONBody.decode(ReviewInput.self, from: request, context: context)
            try commission.review(item: id, status: input.status, by: viewer)
            guard let item = try commission.evidenceItems(for: viewer).first(where: { $0.id == id }) else {
                throw CommissionError.notFound("evidence item \(id): no such item")
            }
            return try JSONBody.response(item)
        }
    }
}

import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// Evidence items: the list a viewer may read, and review.
struct EvidenceController {
    let commission: Commission

    struct ReviewInput: Codable { var status: EvidenceItemRecord.Status }

    func addRoutes(to group: RouterGroup<ServerContext>) {
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

import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalStorage

/// Commitments, the scenario, risk, the export, evidence documents, notes and saved plans, each
/// as the viewer may read it; derived products carry the combined marking of their inputs.
struct RecordsController {
    let commission: Commission

    struct NoteInput: Codable {
        var entity: String
        var id: String
        var text: String
        var marking: String?
    }

    struct SavePlanInput: Codable {
        var name: String
        var mode: PlanMode?
    }

    /// A saved plan with the planner's JSON as an object.
    struct SavedPlanView: Codable, Sendable {
        var id: Int64
        var name: String
        var mode: String
        var savedAt: String
        var savedBy: String
        var marking: Marking
        var plan: Plan?

        init(_ r: SavedPlanRecord, withPlan: Bool) throws {
            id = r.id
            name = r.name
            mode = r.mode
            savedAt = r.savedAt
            savedBy = r.savedBy
            marking = r.marking
            plan = withPlan ? try JSONDecoder().decode(Plan.self, from: Data(r.plan.utf8)) : nil
        }
    }

    struct DocumentView: Codable, Sendable {
        var id: Int64
        var file: String
        var sha256: String
        var ingestedAt: String
        var ingestedBy: String
        var marking: Marking
        var items: [EvidenceItemRecord]?

        init(_ d: EvidenceDocumentRecord, items: [EvidenceItemRecord]?) {
            id = d.id
            file = d.file
            sha256 = d.sha256
            ingestedAt = d.ingestedAt
            ingestedBy = d.ingestedBy
            marking = d.marking
            self.items = items
        }
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("commitments") { _, context in
            try JSONBody.response(Page(try commission.commitments(for: try context.viewer())))
        }
        group.get("commitments/{id}") { _, context in
            try JSONBody.response(try commission.commitment(id: try Self.text(context), for: try context.viewer()))
        }
        group.get("commitments/{id}/status") { _, context in
            try JSONBody.response(Page(try commission.commitment(id: try Self.text(context), for: try context.viewer()).history))
        }
        group.get("scenario") { _, context in
            let (scenario, marking) = try commission.scenarioView(for: try context.viewer())
            return try JSONBody.response(scenario, marking: marking)
        }
        group.get("risk") { request, context in
            var r = RiskRequest()
            if let m = request.query("mode") {
                guard let mode = PlanMode(rawValue: m) else { throw CommissionError.invalid(field: "mode", "conditions or deadlines") }
                r.mode = mode
            }
            r.runs = try Self.integer(request, "runs") ?? r.runs
            r.seed = try Self.integer(request, "seed") ?? r.seed
            r.threshold = try Self.integer(request, "threshold") ?? r.threshold
            r.consecutive = try Self.integer(request, "consecutive") ?? r.consecutive
            let (comparison, marking) = try await commission.risk(r, runLimit: InputLimits.riskRunsPerRequest, for: try context.viewer())
            return try JSONBody.response(comparison, marking: marking)
        }
        group.get("export") { _, context in
            try JSONBody.response(try commission.export(for: try context.viewer()))
        }
        group.get("evidence/documents") { _, context in
            try JSONBody.response(Page(try commission.evidenceDocuments(for: try context.viewer()).map { DocumentView($0, items: nil) }))
        }
        group.get("evidence/documents/{id}") { _, context in
            let (document, items) = try commission.evidenceDocument(id: try AssessmentController.id(context), for: try context.viewer())
            return try JSONBody.response(DocumentView(document, items: items))
        }
        group.get("notes") { request, context in
            try JSONBody.response(Page(try commission.notes(entity: request.query("entity"), id: request.query("id"), for: try context.viewer())))
        }
        group.get("notes/{id}") { _, context in
            try JSONBody.response(try commission.note(id: try AssessmentController.id(context), for: try context.viewer()))
        }
        group.post("notes") { request, context -> Response in
            let viewer = try context.viewer()
            let input = try await JSONBody.decode(NoteInput.self, from: request, context: context)
            var marking: Marking?
            if let text = input.marking {
                guard let m = Marking(text) else { throw CommissionError.invalid(field: "marking", "PUBLIC, JOINT, or REL and party ids") }
                marking = m
            }
            return try JSONBody.response(try commission.addNote(entity: input.entity, id: input.id, text: input.text, marking: marking, by: viewer),
                                         status: .created)
        }
        group.get("plans") { request, context in
            try JSONBody.response(Page(try commission.savedPlans(name: request.query("name"), for: try context.viewer())
                .map { try SavedPlanView($0, withPlan: false) }))
        }
        group.get("plans/{id}") { _, context in
            try JSONBody.response(try SavedPlanView(try commission.savedPlan(id: try AssessmentController.id(context), for: try context.viewer()),
                                                    withPlan: true))
        }
        group.post("plans") { request, context -> Response in
            let viewer = try context.viewer()
            let input = try await JSONBody.decode(SavePlanInput.self, from: request, context: context)
            let saved = try commission.savePlan(name: input.name, mode: input.mode ?? .conditions, by: viewer)
            return try JSONBody.response(try SavedPlanView(saved, withPlan: true), status: .created)
        }
    }

    static func text(_ context: ServerContext) throws -> String {
        guard let text = context.parameters.get("id"), !text.isEmpty else { throw CommissionError.invalid(field: "id", "required") }
        return text
    }

    static func integer(_ request: Request, _ name: String) throws -> Int? {
        guard let text = request.query(name) else { return nil }
        guard let value = Int(text) else { throw CommissionError.invalid(field: name, "an integer") }
        return value
    }
}

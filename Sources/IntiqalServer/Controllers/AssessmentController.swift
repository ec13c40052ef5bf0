import Hummingbird
import IntiqalCommission
import IntiqalDomain

/// Ratings: list (filters), read one, record, release to JOINT.
struct AssessmentController {
    let commission: Commission

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("assessments") { request, context in
            let filter = try Self.filter(request)
            let window = try PageWindow(request)
            let viewer = try context.viewer()
            // The page as answered, kept per party and query while the workspace does not change.
            return JSONBody.response(encoded: try commission.kept("assessments \(request.uri.query ?? "")", for: viewer) {
                let records = try commission.assessments(filter, for: viewer)
                return try JSONBody.encode(Page(records[window.range(records.count)].map(AssessmentView.init), total: records.count))
            })
        }
        group.get("assessments/{id}") { _, context in
            let id = try Self.id(context)
            return try JSONBody.response(AssessmentView(try commission.assessment(id: id, for: try context.viewer())))
        }
        group.post("assessments") { request, context -> Response in
            let viewer = try context.viewer()
            let input = try await JSONBody.decode(AssessmentInput.self, from: request, context: context)
            let scale = try input.scale ?? commission.currentScaleVersion(for: input.group, viewer: viewer)
            let rating = try input.assessment { _ in scale }
            let id: Int64
            do { id = try commission.recordAssessments([rating], by: viewer)[0] } catch let e as CommissionError {
                throw e.relative(to: "assessments[0].")   // one rating: its fields are the body's
            }
            return try JSONBody.response(AssessmentView(try commission.assessment(id: id, for: viewer)), status: .created)
        }
        group.post("assessments/{id}/release") { _, context in
            let id = try Self.id(context)
            return try JSONBody.response(AssessmentView(try commission.release(assessment: id, by: try context.viewer())))
        }
    }

    static func id(_ context: ServerContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            throw CommissionError.invalid(field: "id", "an integer")
        }
        return id
    }

    static func filter(_ request: Request) throws -> AssessmentFilter {
        var f = AssessmentFilter(party: request.query("party"), region: request.query("region"), capability: request.query("capability"))
        if let g = request.query("group") {
            guard let factor = Factor(rawValue: g) else { throw CommissionError.invalid(field: "group", "threat, requirement or capability") }
            f.group = factor
        }
        if let m = request.query("month") {
            guard let month = YearMonth(m) else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
            f.month = month
        }
        if let c = request.query("current") {
            guard let current = Bool(c) else { throw CommissionError.invalid(field: "current", "true or false") }
            f.current = current
        }
        return f
    }
}

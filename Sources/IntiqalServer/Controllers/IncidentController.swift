import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

/// Incidents the viewer may read, per region and month, with their sources.
struct IncidentController {
    let commission: Commission

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("incidents") { request, context in
            var month: YearMonth?
            if let m = request.query("month") {
                guard let parsed = YearMonth(m) else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
                month = parsed
            }
            return try JSONBody.response(Page(try commission.incidents(for: try context.viewer(), region: request.query("region"), month: month)))
        }
        group.get("incidents/{id}") { _, context in
            try JSONBody.response(try commission.incident(id: try AssessmentController.id(context), for: try context.viewer()))
        }
    }
}

import HTTPTypes
import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning

/// Gate status and plans, computed from only what the viewer may read.
struct StatusController {
    static let markingHeader = HTTPField.Name("Intiqal-Marking")!

    let commission: Commission

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("status") { request, context in
            var month: YearMonth?
            if let m = request.query("month") {
                guard let parsed = YearMonth(m) else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
                month = parsed
            }
            let viewer = try context.viewer()
            return JSONBody.response(encoded: try commission.kept("status \(month?.description ?? "")", for: viewer) {
                try JSONBody.encode(try commission.status(month: month, for: viewer))
            })
        }
        group.get("plan") { request, context in
            let text = request.query("mode") ?? "conditions"
            guard let mode = PlanMode(rawValue: text) else { throw CommissionError.invalid(field: "mode", "conditions or deadlines") }
            // The planner's JSON (as `intiqal plan --format json`) with its combined marking added
            // (`marking`, and the `Intiqal-Marking` header); the encoded body kept while the workspace does not change.
            let viewer = try context.viewer()
            let (body, marking) = try commission.kept("plan body \(mode.rawValue)", for: viewer) {
                let (plan, marking) = try commission.markedPlan(mode: mode, for: viewer)
                return (try JSONBody.encode(marked: plan, marking: marking), marking)
            }
            var response = JSONBody.response(encoded: body)
            response.headers[StatusController.markingHeader] = marking.description
            return response
        }
    }
}

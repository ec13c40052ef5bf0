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
            let viewer = try context.viewer()
            var response = JSONBody.response(encoded: try commission.kept("plan \(mode.rawValue)", for: viewer) {
                try JSONBody.encode(try commission.plan(mode: mode, for: viewer))
            })
            // The plan's JSON is the planner's (as `intiqal plan --format json`); its marking rides in a header.
            response.headers[StatusController.markingHeader] = try commission.derivedMarking(for: viewer).description
            return response
        }
    }
}

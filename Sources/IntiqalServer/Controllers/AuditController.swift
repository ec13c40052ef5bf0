import Hummingbird
import IntiqalCommission

/// The audit log and the roster, as the viewer may read them.
struct AuditController {
    let commission: Commission

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("audit") { _, context in
            try JSONBody.response(Page(try commission.auditLog(for: try context.viewer())))
        }
        group.get("users") { _, context in
            _ = try context.viewer()
            return try JSONBody.response(Page(try commission.users().map(UserView.init)))
        }
    }
}

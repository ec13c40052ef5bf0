import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// The audit log and the roster, as the viewer may read them; adding users.
struct AuditController {
    let commission: Commission

    struct UserInput: Codable {
        var name: String
        var party: String
        var role: User.Role
        var group: String?
        var password: String?
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("audit") { _, context in
            try JSONBody.response(Page(try commission.auditLog(for: try context.viewer())))
        }
        group.get("users") { _, context in
            _ = try context.viewer()
            return try JSONBody.response(Page(try commission.users().map(UserView.init)))
        }
        group.post("users") { request, context -> Response in
            let viewer = try context.viewer()
            let i = try await JSONBody.decode(UserInput.self, from: request, context: context)
            let user = User(name: i.name, party: i.party, role: i.role, workingGroup: i.group)
            try commission.addUser(user, password: i.password, by: viewer)
            return try JSONBody.response(UserView(user), status: .created)
        }
    }
}

import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// API tokens over HTTP, by the rules of `intiqal tokens` (`Commission.newToken`, `tokens`,
/// `revokeToken`): one's own, or anyone's for an administrator; the value shown once.
struct TokenController {
    let commission: Commission

    struct NewTokenInput: Codable {
        var label: String
        var scope: StoredToken.Scope?
        var days: Int?
        /// Whose token (default: the caller; another user's needs `manageTokens`).
        var user: String?
    }

    /// A token as listed: never its value.
    struct TokenView: Codable, Sendable {
        var id: Int64
        var user: String
        var label: String
        var scope: String
        var createdAt: String
        var expiresAt: String
        var revokedAt: String?

        init(_ t: StoredToken) {
            id = t.id
            user = t.user
            label = t.label
            scope = t.scope.rawValue
            createdAt = Self.time(t.createdAt)
            expiresAt = Self.time(t.expiresAt)
            revokedAt = t.revokedAt.map(Self.time)
        }

        static func time(_ seconds: Double) -> String { Date(timeIntervalSince1970: seconds).ISO8601Format() }
    }

    /// A new token with its value, which is never shown again.
    struct NewTokenView: Codable {
        var token: TokenView
        var value: String
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("tokens") { request, context in
            let viewer = try context.viewer()
            var tokens = try commission.tokens(by: viewer)
            // `user` narrows the list; one the caller may not list is simply absent.
            if let user = request.query("user") { tokens = tokens.filter { $0.user == user } }
            return try JSONBody.response(Page(tokens.map(TokenView.init)))
        }
        group.post("tokens") { request, context -> Response in
            let viewer = try context.viewer()
            // A token may not mint tokens: a short-lived or leaked token would otherwise outlive itself.
            guard context.sessionID != nil else {
                throw CommissionError.forbidden("API tokens are made from a signed-in session, not with another token")
            }
            let input = try await JSONBody.decode(NewTokenInput.self, from: request, context: context)
            // The document's maxLength counts code points; the use case counts characters (never more).
            if input.label.unicodeScalars.count > 100 { throw CommissionError.invalid(field: "label", "1 to 100 characters on one line") }
            let made = try commission.newToken(user: input.user ?? viewer.name, label: input.label, scope: input.scope ?? .read,
                                               days: input.days ?? 30, by: viewer)
            return try JSONBody.response(NewTokenView(token: TokenView(made.token), value: made.value), status: .created)
        }
        group.delete("tokens/{id}") { _, context -> Response in
            let viewer = try context.viewer()
            try commission.revokeToken(id: try AssessmentController.id(context), by: viewer)
            return Response(status: .noContent)
        }
    }
}

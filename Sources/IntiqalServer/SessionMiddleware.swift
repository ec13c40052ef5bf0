import HTTPTypes
import Hummingbird
import IntiqalCommission

/// Reads the session cookie (or an API token in `Authorization: Bearer …`) and loads its user
/// for this request; refuses a cookie-authenticated write (any method but GET, HEAD, OPTIONS)
/// without the session's CSRF token in `X-CSRF-Token`, and any write with a read-only token.
struct SessionMiddleware: RouterMiddleware {
    static let cookieName = "intiqal_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let commission: Commission

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        let write = ![.get, .head, .options].contains(request.method)
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            // A token is sent on purpose by a script, never by a browser on its own: no CSRF token needed.
            let (user, scope) = try commission.tokenUser(String(authorization.dropFirst("Bearer ".count)))
            if write && scope == .read { throw CommissionError.forbidden("a read-only API token cannot write") }
            context.session = SessionUser(user: user, csrfToken: "")
            return try await next(request, context)
        }
        if let id = request.cookies[Self.cookieName]?.value, !id.isEmpty {
            // An ended or unknown session reads as not signed in; the handler decides whether that matters.
            if let session = try? commission.session(id: id) {
                context.session = session
                context.sessionID = id
                if write {
                    guard let token = request.headers[Self.csrfHeader], constantTimeEqual(token, session.csrfToken) else {
                        throw CommissionError.forbidden("a write with a session cookie must carry the session's CSRF token in X-CSRF-Token")
                    }
                }
            }
        }
        return try await next(request, context)
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for (p, q) in zip(x, y) { diff |= p ^ q }
    return diff == 0
}

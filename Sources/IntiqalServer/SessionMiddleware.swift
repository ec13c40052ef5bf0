import HTTPTypes
import Hummingbird
import IntiqalCommission

/// Reads the session cookie and loads its user for this request; refuses a cookie-authenticated
/// write (any method but GET, HEAD, OPTIONS) without the session's CSRF token in `X-CSRF-Token`.
struct SessionMiddleware: RouterMiddleware {
    static let cookieName = "intiqal_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let commission: Commission

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookieName]?.value, !id.isEmpty {
            // An ended or unknown session reads as not signed in; the handler decides whether that matters.
            if let session = try? commission.session(id: id) {
                context.session = session
                context.sessionID = id
                if ![.get, .head, .options].contains(request.method) {
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

import HTTPTypes
import Hummingbird

/// Under TLS, every response tells browsers to use HTTPS only for this host (RFC 6797), so a
/// later plain-HTTP request (and a cookie sent with it) never happens.
struct StrictTransportSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("Strict-Transport-Security")! }
    static var value: String { "max-age=31536000" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = Self.value
        return response
    }
}

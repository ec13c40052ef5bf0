import Hummingbird
import IntiqalCommission

/// The one place errors become HTTP: the library's kinds map to statuses, everything else a
/// handler throws becomes a problem document; a request can never see a 5xx for bad input,
/// because bad input is always a `CommissionError.invalid` or an `HTTPError` 4xx.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as CommissionError {
            return Self.problem(error).response()
        } catch let error as HTTPError {
            return Problem(type: "about:blank", title: Self.title(error.status.code), status: error.status.code,
                           detail: error.body ?? Self.title(error.status.code), field: nil).response()
        } catch {
            context.logger.error("unhandled error: \(String(reflecting: error))")
            return Problem(type: "about:blank", title: "Internal Server Error", status: 500, detail: "internal error", field: nil).response()
        }
    }

    static func problem(_ e: CommissionError) -> Problem {
        let (status, kind): (Int, String) =
            e.isNotFound ? (404, "not-found") : e.isForbidden ? (403, "forbidden") : e.isConflict ? (409, "conflict")
            : e.isInvalid ? (422, "invalid") : e.isBusy ? (503, "busy") : e.isUnauthenticated ? (401, "unauthenticated")
            : e.isThrottled ? (429, "throttled") : (503, "unavailable")
        return Problem(type: "urn:intiqal:problem:\(kind)", title: title(status), status: status, detail: e.detail, field: e.field)
    }

    static func title(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 503: "Service Unavailable"
        default: HTTPResponse.Status(code: status).reasonPhrase
        }
    }
}

import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// The web application under `/`: server-rendered pages in Arabic and English that call the
/// commission's use cases with the signed-in viewer (never the JSON API over HTTP). Every
/// write is a form carrying the session's CSRF token; every asset is in the binary.
public struct WebApplication: Sendable {
    static let sessionCookie = "intiqal_session"
    static let languageCookie = "intiqal_lang"
    static let digitsCookie = "intiqal_digits"
    static let preSessionCookie = "intiqal_presession"
    /// Names a sign-in whose password was right and that waits for its one-time code.
    static let pendingCookie = "intiqal_pending"
    static let maxBody = 1024 * 1024

    let commission: Commission
    let secureCookies: Bool

    public init(commission: Commission, secureCookies: Bool = false) {
        self.commission = commission
        self.secureCookies = secureCookies
    }

    public func addRoutes<Context: WebRequestContext>(to router: Router<Context>) {
        router.get("assets/{name}") { _, context -> Response in
            guard let name = context.parameters.get("name"), let asset = Assets.shared.files[name] else {
                return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: asset.data)))
        }
        router.get("lang") { request, _ -> Response in
            let q = Form(request.uri.query ?? "")
            var back = q["back"] ?? "/"
            if !back.hasPrefix("/") || back.hasPrefix("//") { back = "/" }
            var response = Response(status: .seeOther, headers: [.location: back])
            if let to = q["to"], to == "ar" || to == "en" {
                response.setCookie(Cookie(name: Self.languageCookie, value: to, maxAge: 365 * 86_400, path: "/", secure: secureCookies,
                                          httpOnly: true, sameSite: .lax))
            }
            if let d = q["digits"], d == "arab" || d == "latn" {
                response.setCookie(Cookie(name: Self.digitsCookie, value: d, maxAge: 365 * 86_400, path: "/", secure: secureCookies,
                                          httpOnly: true, sameSite: .lax))
            }
            return response
        }
        let pages = Pages(commission: commission, secureCookies: secureCookies)
        for (path, handler) in pages.gets {
            router.get(RouterPath(path)) { request, context in try await serve(request, context, write: false, handler) }
        }
        for (path, handler) in pages.posts {
            router.post(RouterPath(path)) { request, context in try await serve(request, context, write: true, handler) }
        }
    }

    typealias Handler = @Sendable (inout WebRequest, PathParameters) async throws -> WebResponse

    struct PathParameters: Sendable {
        var values: [String: String]
        func int(_ name: String) -> Int64? { values[name].flatMap { Int64($0) } }
    }

    /// Reads the session, the locale and the form; checks the form token of a write; renders the
    /// page or an error page (never JSON).
    func serve<Context: WebRequestContext>(_ request: Request, _ context: Context, write: Bool, _ handler: Handler) async throws -> Response {
        var web = WebRequest(locale: .from(request), session: nil, sessionID: nil, form: Form(""), query: Form(request.uri.query ?? ""),
                             path: request.uri.path, address: context.clientAddress,
                             preSession: request.cookies[Self.preSessionCookie]?.value,
                             pendingSignIn: request.cookies[Self.pendingCookie]?.value)
        if let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty, let s = try? commission.session(id: id) {
            web.session = s
            web.sessionID = id
        }
        var parameters: [String: String] = [:]
        for name in ["id"] { if let v = context.parameters.get(name) { parameters[name] = v } }
        do {
            if write {
                let buffer = try await request.body.collect(upTo: Self.maxBody)
                web.form = Form(String(buffer: buffer))
                // A signed-in write carries the session's CSRF token; the sign-in form its double-submitted one.
                if let s = web.session {
                    guard let token = web.form["csrf"], constantTimeEqual(token, s.csrfToken) else { throw WebForbidden() }
                } else if web.path != "/signin" && web.path != "/signin/code" {
                    throw WebRedirect(to: "/signin")
                }
            }
            let started = ContinuousClock.now
            var response = try await handler(&web, PathParameters(values: parameters)).response(web, secureCookies: secureCookies)
            let elapsed = ContinuousClock.now - started
            response.headers[.init("Server-Timing")!] = "page;dur=\(String(format: "%.1f", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000))"
            return response
        } catch let r as WebRedirect {
            return Response(status: .seeOther, headers: [.location: r.to])
        } catch is WebForbidden {
            return ErrorPage.render(web, status: .forbidden, message: web.l["error.csrf"]).response(web, secureCookies: secureCookies)
        } catch let e as CommissionError {
            return ErrorPage.render(web, error: e).response(web, secureCookies: secureCookies)
        } catch {
            return ErrorPage.render(web, status: .contentTooLarge, message: web.l["error.body"]).response(web, secureCookies: secureCookies)
        }
    }
}

/// What a page answers: HTML with a status, or a redirect, with cookies to set.
struct WebResponse {
    var status: HTTPResponse.Status = .ok
    var html: HTML?
    var redirect: String?
    var cookies: [Cookie] = []

    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> WebResponse { WebResponse(status: status, html: html) }
    static func redirect(_ to: String) -> WebResponse { WebResponse(redirect: to) }

    func response(_ web: WebRequest, secureCookies: Bool) -> Response {
        var response: Response
        if let redirect {
            response = Response(status: .seeOther, headers: [.location: redirect])
        } else {
            response = Response(status: status,
                                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                          .init("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
                                          .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "same-origin"],
                                body: .init(byteBuffer: ByteBuffer(string: html?.text ?? "")))
        }
        for c in cookies { response.setCookie(c) }
        return response
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for (p, q) in zip(x, y) { diff |= p ^ q }
    return diff == 0
}

import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// Sign-in (`POST /session`), sign-out (`DELETE /session`), and who is signed in (`GET /session`).
struct SessionController {
    let commission: Commission
    /// Whether cookies get `Secure` (under TLS).
    let secureCookies: Bool

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.post("session") { request, context -> Response in
            // Login CSRF: a page elsewhere can make a browser post a form (even one whose text/plain
            // body reads as JSON), never JSON without a preflight this server does not answer. And
            // with a live session cookie the request is a cookie write: `SessionMiddleware` has
            // required that session's CSRF token already.
            guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
                throw HTTPError(.unsupportedMediaType, message: "sign-in takes Content-Type: application/json")
            }
            let input = try await JSONBody.decode(SignInInput.self, from: request, context: context)
            let signedIn = try commission.signIn(name: input.name, password: input.password, code: input.code, address: context.address)
            // Always a new session id; the session this browser had (if live) ends here.
            if let old = context.sessionID, let viewer = try? context.viewer() { try? commission.signOut(id: old, by: viewer) }
            var response = try JSONBody.response(SignInView(user: UserView(signedIn.user), csrfToken: signedIn.csrfToken,
                                                            expiresAt: signedIn.expiresAt))
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: signedIn.sessionID,
                                      maxAge: Int(Commission.sessionLifetime), path: "/", secure: secureCookies, httpOnly: true,
                                      sameSite: .strict))
            return response
        }
        group.get("session") { _, context in
            try JSONBody.response(UserView(try context.viewerUser()))
        }
        group.delete("session") { _, context -> Response in
            let viewer = try context.viewer()
            if let id = context.sessionID { try commission.signOut(id: id, by: viewer) }
            var response = Response(status: .noContent)
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
    }
}

extension ServerContext {
    func viewerUser() throws -> IntiqalStorage.User {
        guard let session else { throw CommissionError.unauthenticated("not signed in") }
        return session.user
    }
}

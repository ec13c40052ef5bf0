import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalStorage

extension Pages {
    // MARK: sign in, sign out

    func signInForm(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        if web.session != nil { return .redirect("/") }
        return signInPage(&web, name: web.query["name"], error: nil,
                          notice: web.query["expired"] != nil ? web.l["signin.expired"] : nil)
    }

    /// The sign-in form's double-submitted token: the cookie's, or a new one (with its cookie).
    func preSessionToken(_ web: WebRequest, _ cookies: inout [Cookie]) -> String {
        if let t = web.preSession, t.count == 64 { return t }
        let token = Commission.systemRandomBytes(32).map { String(format: "%02x", $0) }.joined()
        cookies.append(cookie(WebApplication.preSessionCookie, token, maxAge: 3600))
        return token
    }

    /// Step one: name and password.
    func signInPage(_ web: inout WebRequest, name: String?, error: CommissionError?, notice: String? = nil) -> WebResponse {
        let l = web.l
        var cookies: [Cookie] = []
        let token = preSessionToken(web, &cookies)
        let body: HTML = """
        \(Layout.problem(web, error))
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        <form method="post" action="/signin" class="card narrow">
        <input type="hidden" name="presession" value="\(token)">
        \(Self.field(l, "name", label: l["field.name"], value: name, error: error, required: true, extra: " autocomplete=\"username\" dir=\"auto\""))
        \(Self.field(l, "password", label: l["field.password"], type: "password", error: error, required: true, extra: " autocomplete=\"current-password\""))
        <p><button type="submit">\(l["signin"])</button></p>
        </form>
        """
        var r = WebResponse.page(Layout.page(web, title: l["signin"], body), status: error == nil ? .ok : .unauthorized)
        r.cookies = cookies
        return r
    }

    func signIn(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        guard let token = f["presession"], let cookie = web.preSession, constantTimeEqual(token, cookie) else { throw WebForbidden() }
        let name = f["name"] ?? ""
        do {
            switch try commission.signInPassword(name: name, password: f["password"] ?? "", address: web.address) {
            case .signedIn(let signedIn):
                return signedInResponse(signedIn)
            case .codeNeeded(let pendingID, _, let expiresAt):
                var r = WebResponse.redirect("/signin/code")
                r.cookies = [self.cookie(WebApplication.pendingCookie, pendingID,
                                         maxAge: max(1, Int(expiresAt - Date().timeIntervalSince1970)))]
                return r
            }
        } catch let e as CommissionError {
            return signInPage(&web, name: name, error: e)
        }
    }

    func signedInResponse(_ signedIn: SignedIn) -> WebResponse {
        var r = WebResponse.redirect("/")
        r.cookies = [cookie(WebApplication.sessionCookie, signedIn.sessionID, maxAge: Int(Commission.sessionLifetime)),
                     cookie(WebApplication.preSessionCookie, "", maxAge: 0), cookie(WebApplication.pendingCookie, "", maxAge: 0)]
        return r
    }

    /// Step two (co-chairs, administrators, whoever enrolled a secret): the one-time code of a
    /// pending sign-in; without a live one, back to step one.
    func codeForm(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        if web.session != nil { return .redirect("/") }
        guard let id = web.pendingSignIn, commission.pendingSignIn(id: id) != nil else { return .redirect("/signin?expired=1") }
        return codePage(&web, error: nil)
    }

    func codePage(_ web: inout WebRequest, error: CommissionError?) -> WebResponse {
        let l = web.l
        var cookies: [Cookie] = []
        let token = preSessionToken(web, &cookies)
        let body: HTML = """
        \(Layout.problem(web, error))
        <form method="post" action="/signin/code" class="card narrow">
        <p>\(l["signin.codeneeded"])</p>
        <input type="hidden" name="presession" value="\(token)">
        \(Self.field(l, "code", label: l["field.code"], error: error, required: true, extra: " inputmode=\"numeric\" autocomplete=\"one-time-code\" pattern=\"[0-9]{6}\" maxlength=\"6\" dir=\"ltr\" autofocus", hint: l["signin.codehint"]))
        <p><button type="submit">\(l["signin.verify"])</button></p>
        </form>
        """
        var r = WebResponse.page(Layout.page(web, title: l["signin.code"], body), status: error == nil ? .ok : .unauthorized)
        r.cookies = cookies
        return r
    }

    func signInCode(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        guard let token = f["presession"], let cookie = web.preSession, constantTimeEqual(token, cookie) else { throw WebForbidden() }
        guard let id = web.pendingSignIn, commission.pendingSignIn(id: id) != nil else {
            var r = WebResponse.redirect("/signin?expired=1")
            r.cookies = [self.cookie(WebApplication.pendingCookie, "", maxAge: 0)]
            return r
        }
        do {
            return signedInResponse(try commission.signInCode(pending: id, code: f.trimmed("code") ?? "", address: web.address))
        } catch let e as CommissionError {
            return codePage(&web, error: e)
        }
    }

    func signOut(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        if let id = web.sessionID { try commission.signOut(id: id, by: try web.viewer()) }
        var r = WebResponse.redirect("/signin")
        r.cookies = [cookie(WebApplication.sessionCookie, "", maxAge: 0)]
        return r
    }

    // MARK: account: password and API tokens

    func account(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try accountPage(&web, passwordError: nil, tokenError: nil, newToken: nil, notice: web.query["done"].map { web.l["done." + $0] })
    }

    func accountPage(_ web: inout WebRequest, passwordError: CommissionError?, tokenError: CommissionError?, newToken: String?,
                     notice: String?) throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let tokens = try commission.tokens(by: viewer).filter { $0.user == viewer.name }
        let now = Date().timeIntervalSince1970
        let f = web.form
        let tokenRows = HTML.each(tokens) { t in
            let state = t.revokedAt != nil ? l["token.revoked"] : t.expiresAt <= now ? l["token.expired"] : l["token.live"]
            let revoke: HTML = t.revokedAt == nil && t.expiresAt > now
                ? "<form method=\"post\" action=\"/account/tokens/\(t.id)/revoke\" class=\"inline\">\(Layout.csrf(web))<button type=\"submit\" aria-label=\"\(l["token.revoke"]) \(t.label)\">\(l["token.revoke"])</button></form>"
                : .empty
            return "<tr><td>\(bdi: l.digits(String(t.id)))</td><td><bdi>\(t.label)</bdi></td><td>\(l["scope." + t.scope.rawValue])</td><td>\(bdi: Self.date(l, t.expiresAt))</td><td>\(state)</td><td>\(revoke)</td></tr>"
        }
        let body: HTML = """
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        <section aria-labelledby="h-password" class="card">
        <h2 id="h-password">\(l["account.password"])</h2>
        \(Layout.problem(web, passwordError))
        <form method="post" action="/account/password">
        \(Layout.csrf(web))
        <input type="text" name="username" value="\(viewer.name)" autocomplete="username" hidden>
        \(Self.field(l, "current", label: l["field.current"], type: "password", error: passwordError, required: true, extra: " autocomplete=\"current-password\""))
        \(Self.field(l, "new", label: l["field.new"], type: "password", error: passwordError, required: true, extra: " autocomplete=\"new-password\" minlength=\"12\" maxlength=\"72\"", hint: l["password.hint"]))
        <p><button type="submit">\(l["account.change"])</button></p>
        </form>
        </section>
        <section aria-labelledby="h-tokens" class="card">
        <h2 id="h-tokens">\(l["account.tokens"])</h2>
        \(HTML(raw: newToken.map { "<div class=\"notice\" role=\"status\"><p>" + HTML.escape(l["token.once"]) + "</p><p><code dir=\"ltr\" id=\"new-token\">" + HTML.escape($0) + "</code></p></div>" } ?? ""))
        <table><caption>\(l["account.tokens"])</caption>
        <thead><tr><th scope="col">\(l["col.id"])</th><th scope="col">\(l["field.label"])</th><th scope="col">\(l["field.scope"])</th><th scope="col">\(l["col.expires"])</th><th scope="col">\(l["col.state"])</th><th scope="col"><span class="sr">\(l["col.actions"])</span></th></tr></thead>
        <tbody>\(tokens.isEmpty ? "<tr><td colspan=\"6\">\(l["none"])</td></tr>" : tokenRows)</tbody></table>
        \(Layout.problem(web, tokenError))
        <form method="post" action="/account/tokens">
        \(Layout.csrf(web))
        \(Self.field(l, "label", label: l["field.label"], value: tokenError != nil ? f["label"] : nil, error: tokenError, required: true))
        \(Self.select("scope", label: l["field.scope"], options: StoredToken.Scope.allCases.map { ($0.rawValue, l["scope." + $0.rawValue]) }, selected: tokenError != nil ? f["scope"] : "read", error: tokenError))
        \(Self.field(l, "days", label: l["field.days"], value: tokenError != nil ? f["days"] : "30", type: "number", error: tokenError, required: true, extra: " min=\"1\" max=\"366\""))
        <p><button type="submit">\(l["token.new"])</button></p>
        </form>
        </section>
        """
        return .page(Layout.page(web, title: l["nav.account"], body), status: passwordError != nil || tokenError != nil ? .unprocessableContent : .ok)
    }

    static func date(_ l: WebLocale, _ seconds: Double) -> String {
        let d = Date(timeIntervalSince1970: seconds)
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let parts = c.dateComponents([.year, .month, .day], from: d)
        let month = (l.isRTL ? WebLocale.monthsAr : WebLocale.monthsEn)[(parts.month ?? 1) - 1]
        return l.digits(String(parts.day ?? 1)) + " " + month + " " + l.digits(String(parts.year ?? 1970))
    }

    func changePassword(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        do {
            try commission.changePassword(current: f["current"] ?? "", new: f["new"] ?? "", by: try web.viewer())
            return .redirect("/account?done=password")
        } catch let e as CommissionError {
            return try accountPage(&web, passwordError: e, tokenError: nil, newToken: nil, notice: nil)
        }
    }

    func newToken(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        let viewer = try web.viewer()
        do {
            guard let scope = StoredToken.Scope(rawValue: f["scope"] ?? "") else { throw CommissionError.invalid(field: "scope", "read or read-write") }
            guard let days = Int(f["days"] ?? "") else { throw CommissionError.invalid(field: "days", "1 to 366") }
            let made = try commission.newToken(user: viewer.name, label: f["label"] ?? "", scope: scope, days: days, by: viewer)
            web.form = Form("")
            return try accountPage(&web, passwordError: nil, tokenError: nil, newToken: made.value, notice: nil)
        } catch let e as CommissionError {
            return try accountPage(&web, passwordError: nil, tokenError: e, newToken: nil, notice: nil)
        }
    }

    func revokeToken(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try commission.revokeToken(id: try id(p), by: try web.viewer())
        return .redirect("/account?done=revoked")
    }
}

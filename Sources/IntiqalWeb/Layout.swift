import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// The frame of every page: language and direction, the navigation, the language switch, who
/// is signed in, the page's marking.
enum Layout {
    static func page(_ web: WebRequest, title: String, marking: String? = nil, scripts: [String] = [], _ body: HTML) -> HTML {
        let l = web.l
        let other: (code: String, name: String) = l.language == .ar ? ("en", "English") : ("ar", "العربية")
        let back = Form.encode(web.path + (web.query.pairs.isEmpty ? "" : "?" + web.query.pairs.map { "\(Form.encode($0.0))=\(Form.encode($0.1))" }.joined(separator: "&")))
        var nav = HTML.empty
        if let s = web.session {
            var links: [(String, String)] = [("/", "nav.dashboard"), ("/assessments", "nav.assessments"), ("/evidence", "nav.evidence"),
                                             ("/plans", "nav.plans"), ("/saved-plans", "nav.saved"), ("/incidents", "nav.incidents"),
                                             ("/notes", "nav.notes"), ("/decisions", "nav.decisions"), ("/commitments", "nav.commitments")]
            if s.user.role == .admin || s.user.role == .secretariat {
                links += [("/users", "nav.users"), ("/audit", "nav.audit")]
            }
            links.append(("/account", "nav.account"))
            nav = """
            <nav aria-label="\(l["nav.label"])"><ul>\(HTML.each(links) { link in
                let current = web.path == link.0
                return "<li><a href=\"\(link.0)\"\(HTML(raw: current ? " aria-current=\"page\"" : ""))>\(l[link.1])</a></li>"
            })</ul></nav>
            <div class="who"><span>\(bdi: s.user.name) · \(bdi: s.user.party) · \(l["role." + s.user.role.rawValue])\(HTML(raw: s.user.workingGroup.map { " · " + HTML.escape(l["group." + $0]) } ?? ""))</span>
            <form method="post" action="/signout" class="inline">\(csrf(web))<button type="submit">\(l["signout"])</button></form></div>
            """
        }
        let digits: HTML = l.language == .ar
            ? " · <a href=\"/lang?digits=\(l.arabicDigits ? "latn" : "arab")&amp;back=\(back)\">\(l[l.arabicDigits ? "digits.latin" : "digits.arabic"])</a>"
            : .empty
        return """
        <!DOCTYPE html>
        <html lang="\(l.language.rawValue)" dir="\(l.dir)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — \(l["app.name"])</title>
        <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
        <a class="skip" href="#main">\(l["skip"])</a>
        <header class="top">
        <a class="brand" href="/">\(l["app.name"])</a>
        \(nav)
        <div class="lang"><a href="/lang?to=\(other.code)&amp;back=\(back)" lang="\(other.code)" hreflang="\(other.code)">\(other.name)</a>\(digits)</div>
        </header>
        <main id="main" tabindex="-1">
        <h1>\(title)</h1>
        \(HTML(raw: marking.map { "<p class=\"marking\">" + HTML.escape(l["marking"]) + ": <bdi>" + HTML.escape($0) + "</bdi></p>" } ?? ""))
        \(body)
        </main>
        <script src="/assets/app.js" defer></script>
        \(HTML.each(scripts) { "<script src=\"/assets/\($0)\" defer></script>" })
        </body>
        </html>
        """
    }

    /// The hidden field carrying the session's CSRF token.
    static func csrf(_ web: WebRequest) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(web.session?.csrfToken ?? "")\">"
    }

    /// A message at the top of a form: what was refused and which field, in the reader's language.
    static func problem(_ web: WebRequest, _ error: CommissionError?) -> HTML {
        guard let error else { return .empty }
        let l = web.l
        let kind = error.isInvalid ? "error.invalid" : error.isForbidden ? "error.forbidden" : error.isConflict ? "error.conflict"
            : error.isNotFound ? "error.notfound" : error.isUnauthenticated ? "error.unauthenticated" : error.isThrottled ? "error.throttled" : "error.unavailable"
        var text: HTML = "<strong>\(l[kind])</strong>"
        if let field = error.field {
            text += " \(l["error.field"]): <a href=\"#f-\(fieldID(field))\">\(fieldLabel(l, field))</a>."
        }
        if !error.isUnauthenticated && !error.isThrottled {
            text += " <span lang=\"en\" dir=\"ltr\">\(error.detail)</span>"
        }
        return "<div class=\"problem\" role=\"alert\" id=\"problem\" tabindex=\"-1\">\(text)</div>"
    }

    static func fieldID(_ field: String) -> String { field.filter { $0.isLetter || $0.isNumber || $0 == "-" } }

    static func fieldLabel(_ l: WebLocale, _ field: String) -> String {
        let key = "field." + fieldID(field)
        let text = l[key]
        return text.hasPrefix("⟦") ? field : text
    }
}

enum ErrorPage {
    static func render(_ web: WebRequest, status: HTTPStatusCode, message: String) -> WebResponse {
        .page(Layout.page(web, title: web.l["error.title"], "<p>\(message)</p><p><a href=\"/\">\(web.l["nav.dashboard"])</a></p>"),
              status: .init(code: status.rawValue))
    }

    static func render(_ web: WebRequest, error: CommissionError) -> WebResponse {
        let status: HTTPStatusCode = error.isNotFound ? .notFound : error.isForbidden ? .forbidden : error.isConflict ? .conflict
            : error.isInvalid ? .unprocessable : error.isUnauthenticated ? .unauthorized : error.isThrottled ? .tooMany : .unavailable
        return .page(Layout.page(web, title: web.l["error.title"], Layout.problem(web, error) + "<p><a href=\"/\">\(web.l["nav.dashboard"])</a></p>"),
                     status: .init(code: status.rawValue))
    }
}

enum HTTPStatusCode: Int {
    case forbidden = 403, notFound = 404, conflict = 409, contentTooLarge = 413, unprocessable = 422, unauthorized = 401, tooMany = 429,
         unavailable = 503
}

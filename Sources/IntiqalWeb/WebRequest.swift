import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

/// One page request as the pages see it: the reader's locale, the signed-in user (re-read for
/// this request), the form of a POST, the path (for the language switch's way back).
struct WebRequest: Sendable {
    var locale: WebLocale
    var session: SessionUser?
    var sessionID: String?
    var form: Form
    var query: Form
    var path: String
    var address: String
    /// A value for the sign-in form's double-submitted token (before any session exists).
    var preSession: String?
    /// The pending sign-in cookie (a right password waiting for its one-time code).
    var pendingSignIn: String? = nil

    var l: WebLocale { locale }

    /// The signed-in user, or a redirect to the sign-in page.
    func user() throws -> SessionUser {
        guard let session else { throw WebRedirect(to: "/signin") }
        return session
    }

    func viewer() throws -> Viewer { try user().viewer }
}

/// A page that answers with a redirect instead (not signed in, after a write).
struct WebRedirect: Error {
    var to: String
}

/// A write refused before any use case ran: a missing or wrong form token.
struct WebForbidden: Error {}

extension WebLocale {
    /// The reader's locale: the language cookie, else the browser's first choice; the digits cookie.
    static func from(_ request: Request) -> WebLocale {
        var language: Language = .en
        if let c = request.cookies[WebApplication.languageCookie]?.value, let l = Language(rawValue: c) {
            language = l
        } else if let accept = request.headers[.acceptLanguage], accept.lowercased().hasPrefix("ar") {
            language = .ar
        }
        let arabic = request.cookies[WebApplication.digitsCookie]?.value == "arab"
        return WebLocale(language: language, arabicDigits: arabic)
    }
}

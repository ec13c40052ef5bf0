import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

/// Every page of the application: its GET and POST handlers by path.
struct Pages: Sendable {
    let commission: Commission
    let secureCookies: Bool

    var gets: [(String, WebApplication.Handler)] {
        [
            ("/", dashboard), ("/signin", signInForm), ("/signin/code", codeForm), ("/account", account), ("/assessments", assessments),
            ("/evidence", evidence), ("/decisions", decisions), ("/plans", plans), ("/commitments", commitments),
            ("/users", users), ("/audit", audit), ("/incidents", incidents), ("/notes", notes), ("/saved-plans", savedPlans),
            ("/saved-plans/{id}", savedPlan),
        ]
    }

    var posts: [(String, WebApplication.Handler)] {
        [
            ("/signin", signIn), ("/signin/code", signInCode), ("/signout", signOut), ("/account/password", changePassword), ("/account/tokens", newToken),
            ("/account/tokens/{id}/revoke", revokeToken), ("/assessments", recordRating), ("/assessments/{id}/release", release),
            ("/evidence", upload), ("/evidence/items/{id}/review", review), ("/decisions", propose),
            ("/decisions/{id}/signatures", addSignature), ("/users", addUser),
            ("/notes", addNote), ("/saved-plans", savePlan),
        ]
    }

    func cookie(_ name: String, _ value: String, maxAge: Int, sameSite: Cookie.SameSite = .strict) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: sameSite)
    }

    /// An id from the path, or not found.
    func id(_ p: WebApplication.PathParameters) throws -> Int64 {
        guard let id = p.int("id") else { throw CommissionError.notFound("no such record") }
        return id
    }

    /// A labelled control with its id, the field's value kept, and the error's mark when it names it.
    static func field(_ l: WebLocale, _ name: String, label: String, value: String? = nil, type: String = "text", error: CommissionError?,
                      required: Bool = false, extra: String = "", hint: String? = nil) -> HTML {
        let id = "f-" + Layout.fieldID(name)
        let invalid = error?.field.map(Layout.fieldID) == Layout.fieldID(name)
        let hintHTML: HTML = hint.map { "<small id=\"\(id)-hint\">\($0)</small>" } ?? .empty
        return """
        <p class="field\(HTML(raw: invalid ? " invalid" : ""))"><label for="\(id)">\(label)</label>
        <input id="\(id)" name="\(name)" type="\(type)" value="\(value ?? "")"\(HTML(raw: required ? " required" : ""))\(HTML(raw: invalid ? " aria-invalid=\"true\"" : ""))\(HTML(raw: hint != nil ? " aria-describedby=\"\(id)-hint\"" : ""))\(HTML(raw: extra))>\(hintHTML)</p>
        """
    }

    /// A labelled select; `options` are value → shown text.
    static func select(_ name: String, label: String, options: [(String, String)], selected: String?, error: CommissionError?) -> HTML {
        let id = "f-" + Layout.fieldID(name)
        let invalid = error?.field.map(Layout.fieldID) == Layout.fieldID(name)
        return """
        <p class="field\(HTML(raw: invalid ? " invalid" : ""))"><label for="\(id)">\(label)</label>
        <select id="\(id)" name="\(name)"\(HTML(raw: invalid ? " aria-invalid=\"true\"" : ""))>\(HTML.each(options) { o in
            "<option value=\"\(o.0)\"\(HTML(raw: o.0 == selected ? " selected" : ""))>\(o.1)</option>"
        })</select></p>
        """
    }

    /// The reader's party's counterpart in the commission (IRQ ↔ USA), if any.
    static func otherParty(_ scenario: Scenario, of party: String) -> String? {
        scenario.policy.ratingParties.first { $0 != party }
    }

    static func partyName(_ l: WebLocale, _ scenario: Scenario, _ id: String) -> HTML {
        if let p = scenario.parties.first(where: { $0.id == id }) { return "\(l.name(p.name))" }
        return "\(bdi: id)"
    }

    static func regionName(_ l: WebLocale, _ scenario: Scenario, _ id: String) -> HTML {
        if let r = scenario.region(id) { return "\(l.name(r.name))" }
        return "\(bdi: id)"
    }

    static func capabilityName(_ l: WebLocale, _ scenario: Scenario, _ id: String?) -> HTML {
        guard let id else { return "\(l["threat.region"])" }
        if let c = scenario.capability(id) { return "\(l.name(c.name))" }
        return "\(bdi: id)"
    }

    static func month(_ l: WebLocale, _ m: YearMonth?) -> HTML {
        guard let m else { return "–" }
        return "<time datetime=\"\(m.description)\">\(bdi: l.month(m))</time>"
    }

    static func markingText(_ l: WebLocale, _ m: Marking) -> HTML {
        "<span class=\"mk\">\(bdi: m.description)</span>"
    }
}

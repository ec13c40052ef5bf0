import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning
import IntiqalStorage

extension Pages {
    /// Both modes side by side: the planner's own HTML report of each (SVG Gantt and headcount
    /// charts, phases, handovers with their reasons, risk debt, plan against actual), made from
    /// only the ratings the viewer may read.
    func plans(_ web: inout WebRequest, _ p: WebApplication.PathParameters) async throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let scenario = try commission.scenario(for: viewer).scenario
        let risk = try await commission.keptRisk(for: viewer)
        let marking = try commission.derivedMarking(for: viewer)   // what the plans and the risk rest on
        let plans = try keptPlans(viewer, scenario)
        if plans.isEmpty { return .page(Layout.page(web, title: l["nav.plans"], "<p class=\"late\">\(l["plan.failed"])</p>")) }
        // The planner's reports, rendered once per language while the workspace does not change.
        let language = l.language
        let reports = try commission.kept("web plan reports \(language.rawValue)", for: viewer) {
            let renderer = PlanHTMLRenderer(scenario: scenario, language: language)
            return plans.map { Self.body(of: renderer.render($0)) }
        }
        let risks: HTML = """
        <section aria-labelledby="h-risk" class="card"><h2 id="h-risk">\(l["risk.headline"])</h2>\(Self.riskTable(l, risk.summary))</section>
        """
        let columns = HTML.each(zip(plans, reports)) { plan, report in
            let mode = plan.mode
            let debt = plan.riskDebt.reduce(0) { $0 + $1.adviserMonths }
            return """
            <section class="plan" aria-labelledby="h-\(mode.rawValue)"><h2 id="h-\(mode.rawValue)">\(l["mode." + mode.rawValue])</h2>
            <p>\(l.format("risk.debt", l.number(debt), l.number(Set(plan.riskDebt.map { $0.region + "/" + $0.capability }).count)))</p>
            <div class="plan-report">\(report)</div></section>
            """
        }
        return .page(Layout.page(web, title: l["nav.plans"], marking: marking.description, "\(risks)<div class=\"plans\">\(columns)</div>"))
    }

    /// The contents of a whole page's body, its headings moved down two levels (the page has its own h1 and h2).
    static func body(of page: String) -> HTML {
        guard let open = page.range(of: "<body>"), let close = page.range(of: "</body>", options: .backwards) else { return .empty }
        var inner = String(page[open.upperBound..<close.lowerBound])
        if let h1 = inner.range(of: "<h1>"), let end = inner.range(of: "</h1>", range: h1.upperBound..<inner.endIndex) {
            inner.removeSubrange(h1.lowerBound..<end.upperBound)
        }
        inner = inner.replacingOccurrences(of: "<h2>", with: "<h3>").replacingOccurrences(of: "</h2>", with: "</h3>")
        return HTML(raw: inner)
    }

    /// Each commitment's status on the 0–3 scale over time, with the statement it came from.
    func commitments(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let scenario = try commission.scenario(for: viewer).scenario
        let list = HTML.each(scenario.commitments) { c in
            """
            <article class="card" id="commitment-\(c.id)"><h2>\(bdi: c.id)</h2>
            <p>\(l.name(c.text))</p>
            <p class="meta">\(l["parties"]): \(HTML.each(c.parties) { Self.partyName(l, scenario, $0) + " " }) · \(l["source"]): <bdi>\(c.source)</bdi></p>
            <table><caption>\(l["commitment.history"])</caption><thead><tr><th scope="col">\(l["col.month"])</th><th scope="col">\(l["field.status"])</th><th scope="col">\(l["col.note"])</th></tr></thead>
            <tbody>\(HTML.each(c.history.sorted { $0.month < $1.month }) { h in
                "<tr><td>\(Self.month(l, h.month))</td><td><span class=\"pam s\(h.status.rawValue)\">\(bdi: l.digits(String(h.status.rawValue)))</span> \(l["commitment." + String(h.status.rawValue)])</td><td><span dir=\"auto\">\(h.note ?? "")</span>\(HTML(raw: h.source.map { " <bdi>[" + HTML.escape($0) + "]</bdi>" } ?? ""))</td></tr>"
            })</tbody></table></article>
            """
        }
        return .page(Layout.page(web, title: l["nav.commitments"], scenario.commitments.isEmpty ? "<p>\(l["none"])</p>" : list))
    }

    /// The roster (administrators and the secretariat); administrators add a user with a password.
    func users(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try usersPage(&web, error: nil, notice: web.query["done"].map { web.l["done." + $0] })
    }

    func usersPage(_ web: inout WebRequest, error: CommissionError?, notice: String?) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        guard user.user.role == .admin || user.user.role == .secretariat else { throw CommissionError.notFound("no such page") }
        let scenario = try commission.scenario(for: user.viewer).scenario
        let rows = HTML.each(try commission.users()) { u in
            "<tr><td>\(bdi: u.name)</td><td>\(Self.partyName(l, scenario, u.party))</td><td>\(l["role." + u.role.rawValue])</td><td>\(u.workingGroup.map { l["group." + $0] } ?? "–")</td></tr>"
        }
        let f = web.form
        let add: HTML = !Permission.administer.allows(user.user) ? .empty : """
        <section aria-labelledby="h-add" class="card"><h2 id="h-add">\(l["users.add"])</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/users">\(Layout.csrf(web))
        <div class="row">
        \(Self.field(l, "name", label: l["field.name"], value: f["name"], error: error, required: true, extra: " dir=\"ltr\" autocomplete=\"off\""))
        \(Self.select("party", label: l["field.party"], options: scenario.parties.map { ($0.id, l.name($0.name)) }, selected: f["party"], error: error))
        \(Self.select("role", label: l["col.role"], options: User.Role.allCases.map { ($0.rawValue, l["role." + $0.rawValue]) }, selected: f["role"], error: error))
        \(Self.select("group", label: l["field.group"], options: [("", l["none.choice"])] + Factor.allCases.map { ($0.rawValue, l["group." + $0.rawValue]) }, selected: f["group"], error: error))
        \(Self.field(l, "password", label: l["field.password"], type: "password", error: error, required: true, extra: " autocomplete=\"new-password\" minlength=\"12\" maxlength=\"72\"", hint: l["password.hint"]))
        </div>
        <p><button type="submit">\(l["users.add"])</button></p>
        </form></section>
        """
        return .page(Layout.page(web, title: l["nav.users"], """
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        \(add)
        <table><caption>\(l["nav.users"])</caption><thead><tr><th scope="col">\(l["field.name"])</th><th scope="col">\(l["col.party"])</th><th scope="col">\(l["col.role"])</th><th scope="col">\(l["field.group"])</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """), status: error == nil ? .ok : .unprocessableContent)
    }

    func addUser(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        do {
            guard let role = User.Role(rawValue: f["role"] ?? "") else { throw CommissionError.invalid(field: "role", "a role") }
            let user = User(name: f.trimmed("name") ?? "", party: f["party"] ?? "", role: role,
                            workingGroup: role == .workingGroupMember ? f.trimmed("group") : nil)
            try commission.addUser(user, password: f["password"] ?? "", by: try web.viewer())
            return .redirect("/users?done=useradded")
        } catch let e as CommissionError {
            return try usersPage(&web, error: e, notice: nil)
        }
    }

    /// The audit rows the viewer may read, newest first (administrators and the secretariat).
    func audit(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        guard user.user.role == .admin || user.user.role == .secretariat else { throw CommissionError.notFound("no such page") }
        let rows = try commission.auditLog(for: user.viewer).reversed().prefix(500)
        let body = HTML.each(rows) { r in
            "<tr><td>\(bdi: l.digits(String(r.id)))</td><td><bdi>\(l.digits(r.at))</bdi></td><td>\(bdi: r.actor)</td><td>\(bdi: r.action)</td><td>\(bdi: r.entity + " " + r.entityID)</td><td>\(Self.markingText(l, r.marking))</td></tr>"
        }
        return .page(Layout.page(web, title: l["nav.audit"], """
        <p>\(l["audit.newest"])</p>
        <table><caption>\(l["nav.audit"])</caption><thead><tr><th scope="col">\(l["col.id"])</th><th scope="col">\(l["col.at"])</th><th scope="col">\(l["col.actor"])</th><th scope="col">\(l["col.action"])</th><th scope="col">\(l["col.record"])</th><th scope="col">\(l["marking"])</th></tr></thead>
        <tbody>\(body)</tbody></table>
        """))
    }
}

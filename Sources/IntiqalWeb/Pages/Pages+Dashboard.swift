import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

extension Pages {
    /// The gates of the month (regions × capability areas), phases against deadlines in both
    /// modes, the risk headline, and the viewer's own to-do list.
    func dashboard(_ web: inout WebRequest, _ p: WebApplication.PathParameters) async throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        let viewer = user.viewer
        let status = try commission.status(for: viewer)
        let scenario = try commission.scenario(for: viewer).scenario
        let month = status.gates.first?.month ?? scenario.start
        let plans = try keptPlans(viewer, scenario)
        let risk = try await commission.keptRisk(for: viewer)

        // The gates grid.
        var byKey: [String: GateStatus] = [:]
        for g in status.gates { byKey[g.region + "/" + g.capability] = g }
        var counts: [GateStatus.State: Int] = [:]
        for g in status.gates { counts[g.state, default: 0] += 1 }
        var n = 0
        func gateCell(_ region: Region, _ cap: CapabilityArea) -> HTML {
            guard let g = byKey[region.id + "/" + cap.id] else { return "<td>–</td>" }
            n += 1
            let reasons = g.state == .met ? [l.format("gate.held", l.digits(String(g.heldMonths)), l.digits(String(g.requiredMonths)))] : g.unmet
            return """
            <td class="gate \(g.state.rawValue)" data-gate="\(region.id)/\(cap.id)"><span class="gs" tabindex="0" aria-describedby="gr-\(n)">\(Self.gateSymbol(g.state)) \(l["gate." + g.state.rawValue])</span><span class="tip" role="tooltip" id="gr-\(n)"><span lang="en" dir="ltr">\(reasons.joined(separator: "; "))</span></span></td>
            """
        }
        let gridRows = HTML.each(scenario.regions) { region -> HTML in
            "<tr><th scope=\"row\">\(l.name(region.name))</th>\(HTML.each(scenario.capabilities) { gateCell(region, $0) })</tr>"
        }
        let legend = HTML.each([GateStatus.State.met, .unmet, .disputed, .notNeeded]) { s -> HTML in
            "<span class=\"gate \(s.rawValue)\">\(Self.gateSymbol(s)) \(l["gate." + s.rawValue]): \(bdi: l.number(counts[s] ?? 0))</span> "
        }
        let grid: HTML = """
        <table class="gates" data-month="\(month.description)"><caption>\(l.format("gates.caption", l.month(month)))</caption>
        <thead><tr><th scope="col">\(l["col.region"])</th>\(HTML.each(scenario.capabilities) { "<th scope=\"col\">\(l.name($0.name))</th>" })</tr></thead>
        <tbody>\(gridRows)</tbody></table>
        <p class="legend">\(legend)</p>
        """

        // Phases against deadlines: agreed, projected in each mode, actual.
        func projected(_ plan: Plan, _ phase: Phase) -> HTML {
            let outcome = plan.phases.first { $0.id == phase.id }
            let late = outcome?.meetsDeadline == false || outcome?.completes == nil
            return "<td class=\"\(late ? "late" : "ok")\">\(Self.month(l, outcome?.completes))\(HTML(raw: late ? " <span class=\"tag\">" + HTML.escape(l["late"]) + "</span>" : ""))</td>"
        }
        let phaseRows = HTML.each(scenario.phases) { phase -> HTML in
            "<tr><th scope=\"row\">\(l.name(phase.name))</th><td>\(Self.month(l, phase.deadline))</td>\(HTML.each(plans) { projected($0, phase) })<td>\(Self.month(l, phase.completed))</td></tr>"
        }
        let phases: HTML = """
        <table><caption>\(l["phases.caption"])</caption>
        <thead><tr><th scope="col">\(l["col.phase"])</th><th scope="col">\(l["col.deadline"])</th>\(HTML.each(plans) { "<th scope=\"col\">\(l["projected." + $0.mode.rawValue])</th>" })<th scope="col">\(l["col.actual"])</th></tr></thead>
        <tbody>\(phaseRows)</tbody></table>
        """

        // The risk headline: the Monte Carlo risk of resurgence of each mode and of no change, and the risk debt each mode carries.
        let debts: HTML = HTML.each(plans) { plan in
            let debt = plan.riskDebt.reduce(0) { $0 + $1.adviserMonths }
            let gates = Set(plan.riskDebt.map { $0.region + "/" + $0.capability }).count
            return "<li>\(l["mode." + plan.mode.rawValue]): \(l.format("risk.debt", l.number(debt), l.number(gates)))</li>"
        }
        // The risk rests on the same scenario as the gates (`risk.marking` is the scenario's marking too).
        let marking = risk.marking == status.marking ? status.marking : try commission.derivedMarking(for: viewer)

        let todoList = try todo(web, user, scenario, month)
        return .page(Layout.page(web, title: l["nav.dashboard"], marking: marking.description, """
        <div class="grid2">
        <section aria-labelledby="h-todo" class="card"><h2 id="h-todo">\(l["todo"])</h2>\(todoList)</section>
        <section aria-labelledby="h-risk" class="card"><h2 id="h-risk">\(l["risk.headline"])</h2>\(Self.riskTable(l, risk.summary))<ul>\(debts)</ul>
        <p><a href="/plans">\(l["risk.more"])</a></p></section>
        </div>
        <section aria-labelledby="h-gates"><h2 id="h-gates">\(l["gates"])</h2>\(grid)</section>
        <section aria-labelledby="h-phases"><h2 id="h-phases">\(l["phases"])</h2>\(phases)</section>
        """))
    }

    /// Both modes' plans of the scenario the viewer may see (one planning context for both);
    /// none when the planner refuses the scenario.
    static func plans(_ scenario: Scenario) throws -> [Plan] {
        guard let planner = try? Planner(scenario: scenario) else { return [] }
        return PlanMode.allCases.map { planner.plan(mode: $0) }
    }

    /// Both modes' plans of the viewer's scenario, kept for the viewer's party while the workspace does not change.
    func keptPlans(_ viewer: Viewer, _ scenario: Scenario) throws -> [Plan] {
        try commission.kept("web plans", for: viewer) { try Self.plans(scenario) }
    }

    /// The risk of resurgence of each mode and of no change (`intiqal risk`'s comparison), or why it was not estimated.
    static func riskTable(_ l: WebLocale, _ s: RiskSummary) -> HTML {
        if let reason = s.notEstimated {
            return "<p class=\"risk-none\">\(l["risk.none"]) <span lang=\"en\" dir=\"ltr\">\(l.language == .ar ? (s.notEstimatedAr ?? reason) : reason)</span></p>"
        }
        let rows = HTML.each(s.rows) { r -> HTML in
            let name = r.plan == "baseline" ? l["risk.baseline"] : l["mode." + r.plan]
            let ci = r.ci95.count == 2 ? l.format("risk.ci", l.percent(r.ci95[0]), l.percent(r.ci95[1])) : ""
            return "<tr data-risk=\"\(r.plan)\"><th scope=\"row\">\(name)</th><td><bdi>\(l.percent(r.pResurgence))</bdi> <small><bdi>\(ci)</bdi></small></td><td><bdi>\(l.digits(String(format: "%.1f", r.expectedIncidents)))</bdi></td></tr>"
        }
        return """
        <table class="risk"><caption>\(l.format("risk.caption", l.number(s.runs), l.number(s.incidentsPerMonth), l.number(s.consecutiveMonths)))</caption>
        <thead><tr><th scope="col">\(l["risk.plan"])</th><th scope="col">\(l["risk.p"])</th><th scope="col">\(l["risk.expected"])</th></tr></thead>
        <tbody>\(rows)</tbody></table>\(HTML(raw: s.illustrative ? "<p class=\"meta\">" + HTML.escape(l["risk.illustrative"]) + "</p>" : ""))
        """
    }

    static func gateSymbol(_ s: GateStatus.State) -> String {
        switch s {
        case .met: "✓"
        case .unmet: "✗"
        case .disputed: "⚠"
        case .notNeeded: "–"
        }
    }

    /// Ratings due this month (a working-group member's slots of their party not yet rated),
    /// evidence waiting for review, decisions waiting for the viewer's party's signature.
    func todo(_ web: WebRequest, _ user: SessionUser, _ scenario: Scenario, _ month: YearMonth) throws -> HTML {
        let l = web.l
        let viewer = user.viewer
        var items: [HTML] = []
        if user.user.role == .workingGroupMember, let g = user.user.workingGroup, let factor = Factor(rawValue: g) {
            let rated = Set(try commission.assessments(AssessmentFilter(party: user.user.party, group: factor, month: month, current: true), for: viewer)
                .map { $0.assessment.subject })
            let slots = scenario.regions.flatMap { r in factor.isPerCapability
                ? scenario.capabilities.map { RatingSubject(factor: factor, region: r.id, capability: $0.id) }
                : [RatingSubject(factor: factor, region: r.id, capability: nil)] }
            let due = slots.filter { !rated.contains($0) }.count
            items.append("<li><a href=\"/assessments?month=\(month.description)\">\(l.format("todo.ratings", l.number(due), l.month(month)))</a></li>")
        }
        if [.workingGroupMember, .secretariat, .admin].contains(user.user.role) {
            let proposed = try commission.evidenceItems(for: viewer).filter { $0.status == .proposed }.count
            items.append("<li><a href=\"/evidence\">\(l.format("todo.evidence", l.number(proposed)))</a></li>")
        }
        if user.user.role == .coChair, let report = try commission.ledgerReport(for: viewer) {
            let waiting = report.decisions.filter { $0.decision.requiredParties.contains(user.user.party) && !$0.signedBy.contains(user.user.party) }.count
            items.append("<li><a href=\"/decisions\">\(l.format("todo.sign", l.number(waiting)))</a></li>")
        }
        if items.isEmpty { return "<p>\(l["todo.none"])</p>" }
        return "<ul>\(HTML.each(items) { $0 })</ul>"
    }
}

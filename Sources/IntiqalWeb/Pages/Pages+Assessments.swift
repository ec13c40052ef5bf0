import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

extension Pages {
    func assessments(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try assessmentsPage(&web, error: nil, notice: web.query["done"].map { web.l["done." + $0] })
    }

    /// The rating grid of one working group and month: the viewer's party's ratings (with their
    /// marking and a release button), the other party's that the viewer may read, disputes
    /// highlighted; and the form to rate a slot.
    func assessmentsPage(_ web: inout WebRequest, error: CommissionError?, notice: String?) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        let viewer = user.viewer
        let scenario = try commission.scenario(for: viewer).scenario
        let source = error != nil ? web.form : web.query
        let factor: Factor = user.user.workingGroup.flatMap(Factor.init(rawValue:))
            ?? Factor(rawValue: source["group"] ?? web.query["group"] ?? "") ?? .capability
        let latest = scenario.assessments.filter { $0.factor == factor }.map(\.month).max() ?? scenario.start
        let month = YearMonth(web.query["month"] ?? "").map { min(max($0, scenario.start), scenario.end) } ?? min(latest, scenario.end)
        let records = try commission.assessments(AssessmentFilter(group: factor, month: month, current: true), for: viewer)
        struct Slot: Hashable { var party: String; var subject: RatingSubject }
        var bySlot: [Slot: AssessmentRecord] = [:]
        for r in records { bySlot[Slot(party: r.assessment.party, subject: r.assessment.subject)] = r }
        let book = JointRatingBook(scenario: scenario)
        let parties = scenario.policy.ratingParties.contains(user.user.party)
            ? [user.user.party] + scenario.policy.ratingParties.filter { $0 != user.user.party }
            : scenario.policy.ratingParties
        let subjects = scenario.regions.flatMap { r in factor.isPerCapability
            ? scenario.capabilities.map { RatingSubject(factor: factor, region: r.id, capability: $0.id) }
            : [RatingSubject(factor: factor, region: r.id, capability: nil)] }
        let mayRate = Permission.assess(party: user.user.party, group: factor).allows(user.user)
        let mayRelease = Permission.release(party: user.user.party).allows(user.user)
        let back = "/assessments?group=\(factor.rawValue)&month=\(month.description)"

        func cell(_ party: String, _ subject: RatingSubject) -> HTML {
            if let r = bySlot[Slot(party: party, subject: subject)] {
                let a = r.assessment
                let release: HTML = party == user.user.party && mayRelease && r.marking != .joint && r.marking != .public
                    ? " <form method=\"post\" action=\"/assessments/\(r.id)/release\" class=\"inline\">\(Layout.csrf(web))<input type=\"hidden\" name=\"back\" value=\"\(back)\"><button type=\"submit\" class=\"small\">\(l["release"])</button></form>"
                    : .empty
                let evidence: HTML = a.evidence.isEmpty ? .empty
                    : " <span class=\"ev\">\(l["evidence"]): \(HTML.each(a.evidence) { e in "<bdi>\(e.source)</bdi> " })</span>"
                return """
                <td data-rating="\(r.id)"><strong>\(bdi: l.value(a.value))</strong> <span class="meta">\(l["confidence." + a.confidence.rawValue])\(HTML(raw: a.trend.map { " · " + HTML.escape(l["trend." + $0.rawValue]) } ?? ""))</span> \(Self.markingText(l, r.marking))\(evidence)\(release)</td>
                """
            }
            // Nothing this month: the latest rating carried forward, if the viewer may read one.
            if let carried = book.rating(subject, asOf: month)?.byParty.first(where: { $0.party == party }) {
                return "<td class=\"carried\">\(bdi: l.value(carried.ratedValue)) <span class=\"meta\">\(l.format("carried.from", l.month(carried.month)))</span></td>"
            }
            return "<td class=\"empty\">\(l["not.rated"])</td>"
        }

        let rows = HTML.each(subjects) { s in
            let joint = book.rating(s, asOf: month)
            let disputed = joint?.disputed == true
            let jointCell: HTML = disputed ? "<span class=\"tag dispute\">⚠ \(l["gate.disputed"])</span>"
                : joint?.value.map { v -> HTML in "\(bdi: l.value(v))" } ?? "–"
            return """
            <tr class="\(disputed ? "disputed" : "")"><th scope="row">\(Self.regionName(l, scenario, s.region))\(HTML(raw: s.capability != nil ? " · " : ""))\(s.capability != nil ? Self.capabilityName(l, scenario, s.capability) : .empty)</th>\(HTML.each(parties) { cell($0, s) })<td>\(jointCell)</td></tr>
            """
        }
        let f = error != nil ? web.form : web.query
        let scale = scenario.currentScale(for: factor)
        let form: HTML = !mayRate ? .empty : """
        <section aria-labelledby="h-rate" class="card" id="rate">
        <h2 id="h-rate">\(l.format("rate.title", l["group." + factor.rawValue]))</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/assessments">
        \(Layout.csrf(web))
        <input type="hidden" name="group" value="\(factor.rawValue)">
        <div class="row">
        \(Self.select("region", label: l["col.region"], options: scenario.regions.map { ($0.id, l.name($0.name)) }, selected: f["region"], error: error))
        \(factor.isPerCapability ? Self.select("capability", label: l["col.capability"], options: scenario.capabilities.map { ($0.id, l.name($0.name)) }, selected: f["capability"], error: error) : .empty)
        \(Self.field(l, "month", label: l["col.month"], value: f["month"] ?? month.description, error: error, required: true, extra: " pattern=\"[0-9]{4}-[0-9]{2}\" dir=\"ltr\"", hint: l["month.hint"]))
        </div><div class="row">
        \(Self.select("value", label: l.format("field.value.scale", l.digits(String(scale.minimum)), l.digits(String(scale.maximum))), options: (scale.minimum...scale.maximum).map { v in (String(v), l.digits(String(v)) + (scale.labels[v].map { " — " + l.name($0) } ?? "")) }, selected: f["value"], error: error))
        \(Self.select("confidence", label: l["field.confidence"], options: Assessment.Confidence.allCases.map { ($0.rawValue, l["confidence." + $0.rawValue]) }, selected: f["confidence"] ?? "medium", error: error))
        \(Self.select("trend", label: l["field.trend"], options: [("", l["trend.none"])] + Trend.allCases.map { ($0.rawValue, l["trend." + $0.rawValue]) }, selected: f["trend"], error: error))
        </div>
        <p class="field"><label for="f-evidence">\(l["field.evidence"])</label>
        <textarea id="f-evidence" name="evidence" rows="2" dir="auto" aria-describedby="f-evidence-hint">\(f["evidence"] ?? "")</textarea><small id="f-evidence-hint">\(l["evidence.hint"])</small></p>
        <p><button type="submit">\(l["rate.save"])</button></p>
        </form>
        </section>
        """
        let groups: HTML = user.user.workingGroup != nil ? .empty : """
        <form method="get" action="/assessments" class="inline-form">
        \(Self.select("group", label: l["field.group"], options: Factor.allCases.map { ($0.rawValue, l["group." + $0.rawValue]) }, selected: factor.rawValue, error: nil))
        <input type="hidden" name="month" value="\(month.description)"><button type="submit">\(l["show"])</button></form>
        """
        let prev = month.adding(months: -1), next = month.adding(months: 1)
        let body: HTML = """
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        \(groups)
        <p class="pager">\(month > scenario.start ? "<a href=\"/assessments?group=\(factor.rawValue)&amp;month=\(prev.description)\">\(l["month.prev"])</a> · " : .empty)<strong>\(Self.month(l, month))</strong>\(month < scenario.end ? " · <a href=\"/assessments?group=\(factor.rawValue)&amp;month=\(next.description)\">\(l["month.next"])</a>" : .empty)</p>
        \(form)
        <table class="ratings"><caption>\(l.format("ratings.caption", l["group." + factor.rawValue], l.month(month)))</caption>
        <thead><tr><th scope="col">\(l["col.subject"])</th>\(HTML.each(parties) { "<th scope=\"col\">\(Self.partyName(l, scenario, $0))</th>" })<th scope="col">\(l["col.joint"])</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        return .page(Layout.page(web, title: l["nav.assessments"], body), status: error == nil ? .ok : .unprocessableContent)
    }

    func recordRating(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        let user = try web.user()
        do {
            guard let factor = Factor(rawValue: f["group"] ?? "") else { throw CommissionError.invalid(field: "group", "threat, requirement or capability") }
            guard let month = YearMonth(f["month"] ?? "") else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
            guard let value = Double(f["value"] ?? "") else { throw CommissionError.invalid(field: "value", "a number on the scale") }
            guard let confidence = Assessment.Confidence(rawValue: f["confidence"] ?? "medium") else {
                throw CommissionError.invalid(field: "confidence", "low, medium or high")
            }
            var trend: Trend?
            if let t = f.trimmed("trend") {
                guard let parsed = Trend(rawValue: t) else { throw CommissionError.invalid(field: "trend", "falling, steady or rising") }
                trend = parsed
            }
            let evidence = (f["evidence"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard evidence.count <= 20, evidence.allSatisfy({ $0.count <= 300 }) else {
                throw CommissionError.invalid(field: "evidence", "at most 20 lines of 300 characters")
            }
            let scenario = try commission.scenario(for: user.viewer).scenario
            let rating = Assessment(party: user.user.party, factor: factor, region: f["region"] ?? "",
                                    capability: factor.isPerCapability ? f["capability"] : nil, month: month, value: value, trend: trend,
                                    scale: ScaleReference(factor: factor, version: scenario.currentScale(for: factor).version),
                                    confidence: confidence, evidence: evidence.map { EvidenceReference(source: $0) })
            do { _ = try commission.recordAssessments([rating], by: user.viewer) } catch let e as CommissionError {
                throw e.relative(to: "assessments[0].")
            }
            return .redirect("/assessments?group=\(factor.rawValue)&month=\(month.description)&done=rated")
        } catch let e as CommissionError {
            return try assessmentsPage(&web, error: e, notice: nil)
        }
    }

    func release(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        _ = try commission.release(assessment: try id(p), by: try web.viewer())
        var back = web.form["back"] ?? "/assessments"
        if !back.hasPrefix("/") || back.hasPrefix("//") { back = "/assessments" }
        return .redirect(back + (back.contains("?") ? "&" : "?") + "done=released")
    }
}

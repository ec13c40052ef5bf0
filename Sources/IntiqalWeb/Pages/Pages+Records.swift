import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning
import IntiqalStorage

extension Pages {
    // MARK: incidents

    /// Incidents the viewer may read: counts per region per month, and, for the region and month
    /// chosen (default: the latest month), each incident with its sources.
    func incidents(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let scenario = try commission.scenario(for: viewer).scenario
        let all = try commission.incidents(for: viewer)
        let region = web.query["region"].flatMap { $0.isEmpty ? nil : $0 }
        let months = Array(Set(all.map(\.month))).sorted(by: >)
        let month = web.query["month"].flatMap { YearMonth($0) }?.description ?? months.first

        // Counts per region per month (newest months first; at most 24 columns).
        var totals: [String: Int] = [:]
        for r in all { totals[r.incident.region + "/" + r.month, default: 0] += r.incident.count }
        let shown = Array(months.prefix(24))
        let gridRows = HTML.each(scenario.regions) { rg -> HTML in
            "<tr><th scope=\"row\">\(l.name(rg.name))</th>\(HTML.each(shown) { m -> HTML in let n = totals[rg.id + "/" + m] ?? 0; return n == 0 ? "<td>–</td>" : "<td><a href=\"/incidents?region=\(rg.id)&amp;month=\(m)\">\(bdi: l.number(n))</a></td>" })</tr>"
        }
        let grid: HTML = all.isEmpty ? "<p>\(l["none"])</p>" : """
        <div class="scroll"><table class="incidents-grid"><caption>\(l["incidents.grid"])</caption>
        <thead><tr><th scope="col">\(l["col.region"])</th>\(HTML.each(shown) { m -> HTML in "<th scope=\"col\">\(YearMonth(m).map { Self.month(l, $0) } ?? "\(bdi: m)")</th>" })</tr></thead>
        <tbody>\(gridRows)</tbody></table></div>
        """

        // The chosen month's incidents, with their sources.
        let chosen = all.filter { (month == nil || $0.month == month) && (region == nil || $0.incident.region == region) }
        let rows = HTML.each(chosen.prefix(500)) { r -> HTML in
            let sources = HTML.each(r.sources) { s -> HTML in
                let what: HTML
                switch s.kind {
                case .evidence: what = s.evidenceItem.map { id -> HTML in "<a href=\"/evidence#item-\(id)\">\(bdi: "#" + l.digits(String(id)))</a>" } ?? .empty
                case .dataset: what = "<bdi>\(s.dataset ?? "") \(s.key ?? "")\(s.file.map { " " + $0 + (s.line.map { ":" + String($0) } ?? "") } ?? "")</bdi>"
                case .scenario: what = "<bdi>\(s.reference ?? "")</bdi>"
                }
                return "<li>\(l["source." + s.kind.rawValue]) \(what) \(Self.markingText(l, s.marking))\(HTML(raw: s.merge != nil ? " <span class=\"tag\">" + HTML.escape(l["incident.merged"]) + "</span>" : ""))</li>"
            }
            return """
            <tr id="incident-\(r.id)" data-incident="\(r.id)"><td><bdi>\(l.digits(r.incident.date))\(r.incident.until.map { "–" + l.digits($0) } ?? "")</bdi></td><td>\(Self.regionName(l, scenario, r.incident.region))</td><td>\(l["incident." + r.incident.kind.rawValue])</td><td>\(bdi: l.number(r.incident.count))</td><td>\(bdi: r.place ?? "–")</td><td>\(Self.markingText(l, r.marking))</td><td><ul class="sources">\(sources)</ul></td></tr>
            """
        }
        let filter: HTML = """
        <form method="get" action="/incidents" class="row">
        \(Self.select("region", label: l["field.region"], options: [("", l["all"])] + scenario.regions.map { ($0.id, l.name($0.name)) }, selected: region ?? "", error: nil))
        \(Self.field(l, "month", label: l["field.month"], value: month, type: "month", error: nil))
        <p><button type="submit">\(l["show"])</button></p>
        </form>
        """
        let caption = l.format("incidents.of", month.flatMap { YearMonth($0) }.map { l.month($0) } ?? "–")
        return .page(Layout.page(web, title: l["nav.incidents"], """
        <section aria-labelledby="h-grid"><h2 id="h-grid">\(l["incidents.grid"])</h2>\(grid)</section>
        <section aria-labelledby="h-list"><h2 id="h-list">\(caption)</h2>
        \(filter)
        <table><caption>\(caption)</caption>
        <thead><tr><th scope="col">\(l["col.date"])</th><th scope="col">\(l["col.region"])</th><th scope="col">\(l["col.kind"])</th><th scope="col">\(l["col.count"])</th><th scope="col">\(l["col.place"])</th><th scope="col">\(l["marking"])</th><th scope="col">\(l["col.sources"])</th></tr></thead>
        <tbody>\(chosen.isEmpty ? "<tr><td colspan=\"7\">\(l["none"])</td></tr>" : rows)</tbody></table></section>
        """))
    }

    // MARK: notes

    /// Notes the viewer may read (of one record when `entity` and `id` are given), and the form to add one.
    func notes(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try notesPage(&web, error: nil)
    }

    func notesPage(_ web: inout WebRequest, error: CommissionError?) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        let q = web.query, f = web.form
        let entity = (q["entity"]).flatMap { NoteRecord.entities.contains($0) ? $0 : nil }
        let id = q["id"].flatMap { $0.isEmpty ? nil : $0 }
        let list = try commission.notes(entity: entity, id: id, for: user.viewer).reversed()
        let rows = HTML.each(list) { n -> HTML in
            "<li id=\"note-\(n.id)\" data-note=\"\(n.id)\"><p class=\"meta\">\(l["entity." + n.entity]) \(bdi: n.entityID) · \(bdi: n.writtenBy) · <bdi>\(l.digits(n.writtenAt))</bdi> · \(Self.markingText(l, n.marking))</p><p dir=\"auto\">\(n.text)</p></li>"
        }
        let form: HTML = """
        <section aria-labelledby="h-add" class="card"><h2 id="h-add">\(l["notes.add"])</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/notes">\(Layout.csrf(web))
        <div class="row">
        \(Self.select("entity", label: l["field.entity"], options: NoteRecord.entities.sorted().map { ($0, l["entity." + $0]) }, selected: error != nil ? f["entity"] : entity, error: error))
        \(Self.field(l, "id", label: l["field.record"], value: error != nil ? f["id"] : id, error: error, required: true, extra: " dir=\"ltr\""))
        \(Self.select("marking", label: l["field.marking"], options: [("REL " + user.user.party, l.format("marking.rel", user.user.party)), ("JOINT", l["marking.joint"]), ("PUBLIC", l["marking.public"])], selected: error != nil ? f["marking"] : nil, error: error))
        </div>
        <p class="field\(HTML(raw: error?.field == "text" ? " invalid" : ""))"><label for="f-text">\(l["notes.text"])</label>
        <textarea id="f-text" name="text" rows="4" dir="auto" required maxlength="4000" aria-describedby="f-text-hint">\(error != nil ? f["text"] : nil)</textarea><small id="f-text-hint">\(l["notes.hint"])</small></p>
        <p><button type="submit">\(l["notes.add"])</button></p>
        </form></section>
        """
        let heading = entity.map { e in l.format("notes.of", l["entity." + e], id ?? "") } ?? l["nav.notes"]
        return .page(Layout.page(web, title: l["nav.notes"], """
        \(form)
        <section aria-labelledby="h-notes"><h2 id="h-notes">\(heading)</h2>
        \(list.isEmpty ? "<p>\(l["none"])</p>" as HTML : "<ul class=\"notes\">\(rows)</ul>")</section>
        """), status: error == nil ? .ok : .unprocessableContent)
    }

    func addNote(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        do {
            guard let marking = Marking(f["marking"] ?? "") else { throw CommissionError.invalid(field: "marking", "PUBLIC, JOINT, or REL and party ids") }
            let entity = f["entity"] ?? "", id = f.trimmed("id") ?? ""
            let note = try commission.addNote(entity: entity, id: id, text: f["text"] ?? "", marking: marking, by: try web.viewer())
            return .redirect("/notes?entity=\(Form.encode(note.entity))&id=\(Form.encode(note.entityID))#note-\(note.id)")
        } catch let e as CommissionError {
            return try notesPage(&web, error: e)
        }
    }

    // MARK: saved plans

    /// Saved plans the viewer may read, and the form to save the current plan of a mode.
    func savedPlans(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try savedPlansPage(&web, error: nil)
    }

    func savedPlansPage(_ web: inout WebRequest, error: CommissionError?) throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let f = web.form
        let list = try commission.savedPlans(for: viewer).reversed()
        let rows = HTML.each(list) { s -> HTML in
            "<tr data-saved-plan=\"\(s.id)\"><td><a href=\"/saved-plans/\(s.id)\"><bdi>\(s.name)</bdi></a></td><td>\(l["mode." + s.mode])</td><td><bdi>\(l.digits(s.savedAt))</bdi></td><td>\(bdi: s.savedBy)</td><td>\(Self.markingText(l, s.marking))</td></tr>"
        }
        return .page(Layout.page(web, title: l["nav.saved"], """
        <section aria-labelledby="h-save" class="card"><h2 id="h-save">\(l["saved.save"])</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/saved-plans">\(Layout.csrf(web))
        <div class="row">
        \(Self.field(l, "name", label: l["field.name"], value: error != nil ? f["name"] : nil, error: error, required: true, extra: " dir=\"auto\" maxlength=\"200\""))
        \(Self.select("mode", label: l["field.mode"], options: PlanMode.allCases.map { ($0.rawValue, l["mode." + $0.rawValue]) }, selected: error != nil ? f["mode"] : nil, error: error))
        </div>
        <p class="meta">\(l["saved.hint"])</p>
        <p><button type="submit">\(l["saved.save"])</button></p>
        </form></section>
        <table><caption>\(l["nav.saved"])</caption>
        <thead><tr><th scope="col">\(l["field.name"])</th><th scope="col">\(l["field.mode"])</th><th scope="col">\(l["col.at"])</th><th scope="col">\(l["col.actor"])</th><th scope="col">\(l["marking"])</th></tr></thead>
        <tbody>\(list.isEmpty ? "<tr><td colspan=\"5\">\(l["none"])</td></tr>" : rows)</tbody></table>
        """), status: error == nil ? .ok : .unprocessableContent)
    }

    /// One saved plan as the planner's report, with its notes; one the viewer may not read is not found.
    func savedPlan(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let l = web.l
        let viewer = try web.viewer()
        let saved = try commission.savedPlan(id: try id(p), for: viewer)
        let scenario = try commission.scenario(for: viewer).scenario
        let report: HTML
        if let plan = try? JSONDecoder().decode(Plan.self, from: Data(saved.plan.utf8)) {
            report = Self.body(of: PlanHTMLRenderer(scenario: scenario, language: l.language).render(plan))
        } else {
            report = "<p class=\"late\">\(l["saved.unreadable"])</p>"
        }
        let notes = try commission.notes(entity: "saved-plan", id: String(saved.id), for: viewer)
        return .page(Layout.page(web, title: saved.name, marking: saved.marking.description, """
        <p class="meta">\(l["mode." + saved.mode]) · \(bdi: saved.savedBy) · <bdi>\(l.digits(saved.savedAt))</bdi></p>
        <div class="plan-report">\(report)</div>
        <section aria-labelledby="h-notes"><h2 id="h-notes">\(l["nav.notes"])</h2>
        \(notes.isEmpty ? "<p>\(l["none"])</p>" as HTML : "<ul class=\"notes\">\(HTML.each(notes) { n -> HTML in "<li data-note=\"\(n.id)\"><p class=\"meta\">\(bdi: n.writtenBy) · \(Self.markingText(l, n.marking))</p><p dir=\"auto\">\(n.text)</p></li>" })</ul>")
        <p><a href="/notes?entity=saved-plan&amp;id=\(saved.id)">\(l["notes.add"])</a></p></section>
        """))
    }

    func savePlan(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        do {
            guard let mode = PlanMode(rawValue: f["mode"] ?? "") else { throw CommissionError.invalid(field: "mode", "conditions or deadlines") }
            let saved = try commission.savePlan(name: f.trimmed("name") ?? "", mode: mode, by: try web.viewer())
            return .redirect("/saved-plans/\(saved.id)")
        } catch let e as CommissionError {
            return try savedPlansPage(&web, error: e)
        }
    }
}

import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

extension Pages {
    /// An extracted item's JSON, as much of it as the page shows.
    struct ItemContent: Decodable {
        struct Span: Decodable { var sentence: String; var start: Int; var end: Int }
        var type: String?
        var date: String?
        var place: String?
        var actors: [String]?
        var value: Double?
        var unit: String?
        var qualifier: String?
        var evidence: Span?

        static func read(_ json: String) -> ItemContent? { try? JSONDecoder().decode(ItemContent.self, from: Data(json.utf8)) }
    }

    func evidence(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try evidencePage(&web, error: nil, uploaded: nil, notice: web.query["done"].map { web.l["done." + $0] })
    }

    /// The upload form, and every item the viewer may read with its sentence, its status and
    /// (for reviewers) accept and reject; after an upload, the report with its sentences marked.
    func evidencePage(_ web: inout WebRequest, error: CommissionError?, uploaded: (document: Int64, text: String)?, notice: String?) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        let items = try commission.evidenceItems(for: user.viewer)
        let mayIngest = Permission.ingest.allows(user.user)
        let mayReview = Permission.reviewEvidence.allows(user.user)
        let f = web.form
        let upload: HTML = !mayIngest ? .empty : """
        <section aria-labelledby="h-upload" class="card">
        <h2 id="h-upload">\(l["evidence.upload"])</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/evidence" id="upload-form">
        \(Layout.csrf(web))
        <div class="row">
        \(Self.field(l, "name", label: l["field.docname"], value: error != nil ? f["name"] : nil, error: error, required: true, extra: " dir=\"auto\" maxlength=\"200\""))
        \(Self.field(l, "published", label: l["field.published"], value: error != nil ? f["published"] : nil, error: error, extra: " pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" dir=\"ltr\"", hint: l["date.hint"]))
        \(Self.select("marking", label: l["field.marking"], options: [("REL " + user.user.party, l.format("marking.rel", user.user.party)), ("JOINT", l["marking.joint"]), ("PUBLIC", l["marking.public"])], selected: error != nil ? f["marking"] : nil, error: error))
        </div>
        <p class="field js-only"><label for="f-file">\(l["field.file"])</label><input id="f-file" type="file" accept=".txt,text/plain" data-into="f-text"></p>
        <p class="field"><label for="f-text">\(l["field.text"])</label>
        <textarea id="f-text" name="text" rows="8" dir="auto" required>\(error != nil ? f["text"] : nil)</textarea></p>
        <p><button type="submit">\(l["evidence.read"])</button></p>
        </form>
        </section>
        """
        var report: HTML = .empty
        if let uploaded {
            let spans = items.filter { $0.documentID == uploaded.document }.compactMap { ItemContent.read($0.content)?.evidence }
            report = """
            <section aria-labelledby="h-report" class="card"><h2 id="h-report">\(l.format("evidence.report", l.digits(String(uploaded.document))))</h2>
            <div class="report" lang="\(Self.language(of: uploaded.text))" dir="auto">\(Self.highlight(uploaded.text, spans.map { ($0.start, $0.end) }))</div></section>
            """
        }
        let byDocument = Dictionary(grouping: items, by: \.documentID)
        let list = HTML.each(byDocument.keys.sorted(by: >)) { doc in
            """
            <section aria-labelledby="h-doc-\(doc)"><h2 id="h-doc-\(doc)">\(l.format("evidence.document", l.digits(String(doc))))</h2>
            <ul class="items">\(HTML.each(byDocument[doc]!) { item in itemHTML(web, item, mayReview: mayReview) })</ul></section>
            """
        }
        let counts = Dictionary(grouping: items, by: \.status).mapValues(\.count)
        let body: HTML = """
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        \(upload)
        \(report)
        <p>\(HTML.each(EvidenceItemRecord.Status.allCases) { s in "\(l["status." + s.rawValue]): \(bdi: l.number(counts[s] ?? 0)) · " })</p>
        \(items.isEmpty ? "<p>\(l["none"])</p>" : list)
        """
        return .page(Layout.page(web, title: l["nav.evidence"], body), status: error == nil ? .ok : .unprocessableContent)
    }

    func itemHTML(_ web: WebRequest, _ item: EvidenceItemRecord, mayReview: Bool) -> HTML {
        let l = web.l
        let c = ItemContent.read(item.content)
        var what: HTML
        if item.kind == "number", let c {
            what = "\(l["kind.number"]): \(bdi: (c.qualifier.map { $0 + " " } ?? "") + l.value(c.value ?? 0) + " " + (c.unit ?? ""))"
        } else {
            what = "\(l["kind.event"]): \(l["event." + (c?.type ?? "other")])"
            if let d = c?.date { what += " · \(bdi: l.digits(d))" }
            if let p = c?.place { what += " · \(bdi: p)" }
        }
        let review: HTML = mayReview && item.status == .proposed ? """
        <form method="post" action="/evidence/items/\(item.id)/review" class="inline">\(Layout.csrf(web))<button type="submit" name="status" value="accepted" aria-label="\(l["accept"]) \(l.digits(String(item.id)))">\(l["accept"])</button> <button type="submit" name="status" value="rejected" class="secondary" aria-label="\(l["reject"]) \(l.digits(String(item.id)))">\(l["reject"])</button></form>
        """ : .empty
        let link: HTML = item.status == .accepted
            ? " <a href=\"/assessments?evidence=evidence-item-\(item.id)#rate\">\(l["evidence.link"])</a>" : .empty
        let sentence: HTML = c?.evidence.map { e -> HTML in "<blockquote lang=\"\(Self.language(of: e.sentence))\" dir=\"auto\"><mark>\(e.sentence)</mark></blockquote>" } ?? .empty
        return """
        <li id="item-\(item.id)" data-item="\(item.id)" class="\(item.status.rawValue)"><p><span class="tag">\(bdi: "#" + l.digits(String(item.id)))</span> \(what) · <span class="st">\(l["status." + item.status.rawValue])</span> \(Self.markingText(l, item.marking))\(link)</p>
        \(sentence)
        \(review)</li>
        """
    }

    /// `ar` when the text has Arabic letters, else `en`: the language of a report's text, for its `lang`.
    static func language(of text: String) -> String {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } ? "ar" : "en"
    }

    /// The text with the spans (Unicode-scalar offsets, overlapping ones merged) marked.
    static func highlight(_ text: String, _ spans: [(Int, Int)]) -> HTML {
        let scalars = Array(text.unicodeScalars)
        var merged: [(Int, Int)] = []
        for s in spans.filter({ $0.0 >= 0 && $0.1 <= scalars.count && $0.0 < $0.1 }).sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, s.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, s.1) } else { merged.append(s) }
        }
        func piece(_ a: Int, _ b: Int) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[a..<b])
            return String(v)
        }
        var out = HTML.empty, at = 0
        for (a, b) in merged {
            out += "\(piece(at, a))<mark>\(piece(a, b))</mark>"
            at = b
        }
        out += "\(piece(at, scalars.count))"
        return out
    }

    func upload(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        let viewer = try web.viewer()
        do {
            guard let marking = Marking(f["marking"] ?? "") else { throw CommissionError.invalid(field: "marking", "PUBLIC, JOINT, or REL and party ids") }
            let text = (f["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CommissionError.invalid(field: "text", "the report's text") }
            let (document, _) = try commission.ingestReport(text: text, name: f.trimmed("name") ?? "", published: f.trimmed("published"),
                                                            marking: marking, by: viewer)
            web.form = Form("")
            return try evidencePage(&web, error: nil, uploaded: (document, text), notice: web.l["done.uploaded"])
        } catch let e as CommissionError {
            return try evidencePage(&web, error: e, uploaded: nil, notice: nil)
        }
    }

    func review(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        guard let status = EvidenceItemRecord.Status(rawValue: web.form["status"] ?? "") else {
            throw CommissionError.invalid(field: "status", "accepted or rejected")
        }
        let id = try id(p)
        try commission.review(item: id, status: status, by: try web.viewer())
        return .redirect("/evidence?done=reviewed#item-\(id)")
    }
}

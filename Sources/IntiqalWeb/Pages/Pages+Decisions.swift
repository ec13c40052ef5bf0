import Hummingbird
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

extension Pages {
    func decisions(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        try decisionsPage(&web, error: nil, signError: nil, notice: web.query["done"].map { web.l["done." + $0] })
    }

    static let proposalKinds: [Decision.Kind] = [.adoptPlan, .gateMet, .phaseComplete, .commitmentStatus, .resolveDispute]

    /// The ledger's decisions with each party's signature and whether they bind, the ledger's
    /// verification, the proposal form (secretariat, co-chairs) and, for a co-chair, signing in
    /// the page (WebCrypto Ed25519: the key file is read in the browser, the private key never sent)
    /// or a signature made elsewhere pasted in.
    func decisionsPage(_ web: inout WebRequest, error: CommissionError?, signError: (Int, CommissionError)?, notice: String?) throws -> WebResponse {
        let l = web.l
        let user = try web.user()
        let viewer = user.viewer
        let report = try commission.ledgerReport(for: viewer)
        let scenario = try commission.scenario(for: viewer).scenario
        let f = web.form
        let at = Self.isoNow()

        let verification: HTML
        if let report {
            verification = report.ok
                ? "<p class=\"ok\" id=\"ledger-state\" data-ok=\"true\">✓ \(l.format("ledger.ok", l.number(report.entries)))</p>"
                : "<p class=\"late\" id=\"ledger-state\" data-ok=\"false\">✗ \(l["ledger.bad"]) <span lang=\"en\" dir=\"ltr\">\(report.failure?.description ?? "")</span></p>"
        } else {
            verification = "<p id=\"ledger-state\">\(l["ledger.empty"])</p>"
        }
        let decisions = (report?.decisions ?? []).sorted { $0.seq > $1.seq }
        let signs = user.user.role == .coChair
        let rows = HTML.each(decisions) { d in
            let parties = HTML.each(d.decision.requiredParties.sorted()) { party in
                d.signedBy.contains(party)
                    ? "<li class=\"ok\">✓ \(Self.partyName(l, scenario, party)): \(l["signed"])</li>"
                    : "<li class=\"late\">… \(Self.partyName(l, scenario, party)): \(l["unsigned"])</li>"
            }
            var sign: HTML = .empty
            if signs, let report, d.decision.requiredParties.contains(user.user.party), !d.signedBy.contains(user.user.party) {
                sign = signForm(web, d, report: report, at: at, error: signError?.0 == d.seq ? signError?.1 : nil)
            }
            return """
            <article class="card decision" id="decision-\(d.seq)" data-decision="\(d.seq)" data-binding="\(d.binding ? "true" : "false")">
            <h3>\(bdi: "#" + l.digits(String(d.seq))) \(l["kind." + d.decision.kind.rawValue])</h3>
            <p><span lang="en" dir="ltr">\(d.decision.summary)</span></p>
            <p class="meta">\(l["proposed.by"]) \(bdi: d.decision.proposedBy) · <bdi>\(l.digits(d.decision.proposedAt))</bdi> · \(l["hash"]) <code dir="ltr">\(String(d.hash.prefix(16)))…</code></p>
            <ul class="sigs">\(parties)</ul>
            <p class="binding \(d.binding ? "ok" : "late")">\(d.binding ? l["binding"] : l["not.binding"])</p>
            \(sign)
            </article>
            """
        }
        let mayPropose = Permission.propose.allows(user.user)
        let propose: HTML = !mayPropose ? .empty : """
        <section aria-labelledby="h-propose" class="card noprint">
        <h2 id="h-propose">\(l["propose"])</h2>
        \(Layout.problem(web, error))
        <form method="post" action="/decisions">
        \(Layout.csrf(web))
        \(Self.select("kind", label: l["field.kind"], options: Self.proposalKinds.map { ($0.rawValue, l["kind." + $0.rawValue]) }, selected: f["kind"], error: error))
        <div class="row">
        \(Self.select("mode", label: l["field.mode"], options: PlanMode.allCases.map { ($0.rawValue, l["mode." + $0.rawValue]) }, selected: f["mode"], error: error))
        \(Self.select("region", label: l["col.region"], options: scenario.regions.map { ($0.id, l.name($0.name)) }, selected: f["region"], error: error))
        \(Self.select("capability", label: l["col.capability"], options: [("", l["none.choice"])] + scenario.capabilities.map { ($0.id, l.name($0.name)) }, selected: f["capability"], error: error))
        \(Self.field(l, "month", label: l["col.month"], value: f["month"], error: error, extra: " pattern=\"[0-9]{4}-[0-9]{2}\" dir=\"ltr\"", hint: l["month.hint"]))
        </div><div class="row">
        \(Self.select("phase", label: l["col.phase"], options: scenario.phases.map { ($0.id, l.name($0.name)) }, selected: f["phase"], error: error))
        \(Self.select("commitment", label: l["field.commitment"], options: scenario.commitments.map { ($0.id, $0.id) }, selected: f["commitment"], error: error))
        \(Self.select("status", label: l["field.status"], options: Commitment.Status.allCases.map { (String($0.rawValue), l.digits(String($0.rawValue)) + " — " + l["commitment." + String($0.rawValue)]) }, selected: f["status"], error: error))
        \(Self.select("factor", label: l["field.group"], options: Factor.allCases.map { ($0.rawValue, l["group." + $0.rawValue]) }, selected: f["factor"], error: error))
        \(Self.field(l, "value", label: l["field.value"], value: f["value"], type: "number", error: error, extra: " step=\"0.5\""))
        </div>
        <p class="hint">\(l["propose.hint"])</p>
        <p><button type="submit">\(l["propose.submit"])</button></p>
        </form></section>
        """
        let keys = HTML.each(report?.registrations ?? []) { k in
            "<li>\(Self.partyName(l, scenario, k.party)): <code dir=\"ltr\">\(String(k.publicKey.prefix(12)))…</code> \(k.active ? l["key.active"] : l["key.pending"])</li>"
        }
        let body: HTML = """
        \(HTML(raw: notice.map { "<p class=\"notice\" role=\"status\">" + HTML.escape($0) + "</p>" } ?? ""))
        <section aria-labelledby="h-ledger" class="card"><h2 id="h-ledger">\(l["ledger"])</h2>\(verification)
        <h3>\(l["keys"])</h3><ul>\(report?.registrations.isEmpty ?? true ? "<li>\(l["none"])</li>" : keys)</ul></section>
        \(propose)
        <section aria-labelledby="h-decisions"><h2 id="h-decisions">\(l["nav.decisions"])</h2>
        \(decisions.isEmpty ? "<p>\(l["none"])</p>" : rows)</section>
        """
        let status: HTTPResponse.Status = error != nil || signError != nil ? .unprocessableContent : .ok
        return .page(Layout.page(web, title: l["nav.decisions"], marking: report == nil ? nil : Marking.joint.description, scripts: signs ? ["sign.js"] : [], body), status: status)
    }

    /// The co-chair's signing form for decision `d`: the exact bytes to sign for each active key
    /// of their party (RFC 8785 of the signature entry to be), read by sign.js; or a signature pasted.
    func signForm(_ web: WebRequest, _ d: LedgerReport.DecisionState, report: LedgerReport, at: String, error: CommissionError?) -> HTML {
        let l = web.l
        let party = web.session!.user.party
        let head = report.head
        let keys = report.registrations.filter { $0.party == party && $0.active }
        if keys.isEmpty { return "<p class=\"late\">\(l["sign.nokey"])</p>" }
        let messages = HTML.each(keys) { k in
            let message = LedgerEntry.signatureMessage(seq: head.seq + 1, prevHash: head.hash, target: d.seq, targetHash: d.hash, party: party,
                                                       publicKey: k.publicKey, by: web.session!.user.name, at: at)
            return "<input type=\"hidden\" class=\"msg\" data-key=\"\(k.publicKey)\" value=\"\(Data(message).base64EncodedString())\">"
        }
        let n = d.seq
        return """
        <form method="post" action="/decisions/\(n)/signatures" class="sign" data-sign data-done="\(l["sign.done"])" data-badkey="\(l["sign.badkey"])">
        \(Layout.csrf(web))
        \(Layout.problem(web, error))
        <input type="hidden" name="party" value="\(party)"><input type="hidden" name="seq" value="\(head.seq + 1)">
        <input type="hidden" name="head" value="\(head.hash)"><input type="hidden" name="at" value="\(at)">
        \(messages)
        <p class="field js-only"><label for="key-\(n)">\(l["sign.keyfile"])</label><input id="key-\(n)" type="file" class="keyfile" accept=".key,.json,application/json" aria-describedby="key-\(n)-hint"><small id="key-\(n)-hint">\(l["sign.keyhint"])</small></p>
        \(Self.select("publicKey", label: l["sign.publickey"], options: keys.map { ($0.publicKey, String($0.publicKey.prefix(16)) + "…") }, selected: nil, error: error).replacing("f-publicKey", "pk-\(n)"))
        <p class="field"><label for="sig-\(n)">\(l["sign.signature"])</label><textarea id="sig-\(n)" name="signature" rows="2" dir="ltr" class="sig" aria-describedby="sig-\(n)-hint"></textarea>
        <small id="sig-\(n)-hint">\(l["sign.sighint"])</small></p>
        <details><summary>\(l["sign.message"])</summary><p><code dir="ltr" class="wrap">\(keys.count == 1 ? Data(LedgerEntry.signatureMessage(seq: head.seq + 1, prevHash: head.hash, target: d.seq, targetHash: d.hash, party: party, publicKey: keys[0].publicKey, by: web.session!.user.name, at: at)).base64EncodedString() : "")</code></p></details>
        <p class="sign-state" role="status" aria-live="polite"></p>
        <p><button type="submit">\(l.format("sign.submit", party))</button></p>
        </form>
        """
    }

    static func isoNow() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    func propose(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        do {
            guard let kind = Decision.Kind(rawValue: f["kind"] ?? "") else { throw CommissionError.invalid(field: "kind", "a decision kind") }
            var r = DecisionRequest(kind: kind)
            let month = f.trimmed("month")
            switch kind {
            case .adoptPlan: r.mode = PlanMode(rawValue: f["mode"] ?? "")
            case .gateMet: r.region = f.trimmed("region"); r.capability = f.trimmed("capability"); r.month = month
            case .phaseComplete: r.phase = f.trimmed("phase"); r.month = month
            case .commitmentStatus: r.commitment = f.trimmed("commitment"); r.status = f.trimmed("status").flatMap { Int($0) }; r.month = month
            case .resolveDispute:
                r.factor = Factor(rawValue: f["factor"] ?? ""); r.region = f.trimmed("region"); r.month = month
                r.capability = r.factor == .threat ? nil : f.trimmed("capability")
                guard let v = f.trimmed("value").flatMap({ Double($0) }) else { throw CommissionError.invalid(field: "value", "a number") }
                r.value = v
            case .adoptScale: throw CommissionError.invalid(field: "kind", "a scale is adopted from the command line")
            }
            let entry = try commission.propose(r, by: try web.viewer())
            return .redirect("/decisions?done=proposed#decision-\(entry.seq)")
        } catch let e as CommissionError {
            return try decisionsPage(&web, error: e, signError: nil, notice: nil)
        }
    }

    func addSignature(_ web: inout WebRequest, _ p: WebApplication.PathParameters) throws -> WebResponse {
        let f = web.form
        let target = Int(try id(p))
        do {
            guard let seq = f["seq"].flatMap({ Int($0) }) else { throw CommissionError.invalid(field: "seq", "an integer") }
            let signature = (f["signature"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !signature.isEmpty else { throw CommissionError.invalid(field: "signature", "the signature, base64") }
            let state = try commission.addSignature(decision: target, party: f["party"] ?? "", publicKey: f["publicKey"] ?? "", entrySeq: seq,
                                                    head: f["head"] ?? "", at: f["at"] ?? "", signature: signature, by: try web.viewer())
            return .redirect("/decisions?done=\(state.binding ? "binding" : "signed")#decision-\(target)")
        } catch let e as CommissionError {
            return try decisionsPage(&web, error: nil, signError: (target, e), notice: nil)
        }
    }
}

extension HTML {
    func replacing(_ a: String, _ b: String) -> HTML { HTML(raw: text.replacingOccurrences(of: a, with: b)) }
}

import IntiqalDomain

/// One self-contained HTML page (no network): an SVG Gantt of phases and handovers, an SVG
/// chart of personnel per site over time, and the tables, in English or Arabic (right-to-left).
public struct PlanHTMLRenderer: Sendable {
    public let scenario: Scenario
    public let language: Language

    public init(scenario: Scenario, language: Language = .en) {
        self.scenario = scenario
        self.language = language
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]

    public func render(_ plan: Plan) -> String {
        let l = Labels(language: language)
        let names = Names(scenario: scenario, language: language)
        let rtl = language == .ar
        var h = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" dir="\(rtl ? "rtl" : "ltr")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(l["plan"])) — \(esc(scenario.name.text(language)))</title>
        <style>
        body{font-family:"Noto Naskh Arabic","Noto Sans","DejaVu Sans",system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .6em;text-align:start;vertical-align:top}
        th{background:#f4f4f4}td:first-child{white-space:nowrap}td.num{text-align:end;font-variant-numeric:tabular-nums}
        .late{color:#b00;font-weight:bold}.ok{color:#060}.forced{color:#b00}
        .bad{background:#fee;border:1px solid #b00;padding:.5em}
        svg text{font-size:11px;fill:#333}svg .axis{stroke:#999;stroke-width:1}
        </style>
        </head>
        <body>
        <h1>\(esc(l["plan"])): \(esc(scenario.name.text(language)))</h1>
        <p>\(esc(l.modeName(plan.mode))) · \(esc(l["period"])): \(Self.period(plan.start, plan.end, rtl: rtl)) ·
        \(plan.verification.ok ? "<span class=\"ok\">✓ \(esc(l["verified"]))</span>" : "<span class=\"late\">✗ \(esc(l["violations"]))</span>")</p>

        """
        if !plan.verification.ok {
            h += "<div class=\"bad\"><ul>" + plan.verification.violations.map { "<li>\(esc($0))</li>" }.joined() + "</ul></div>\n"
        }
        h += "<h2>\(esc(l["gantt"]))</h2>\n" + gantt(plan, names: names, rtl: rtl)
        h += "<h2>\(esc(l["chart"]))</h2>\n" + chart(plan, names: names, rtl: rtl)

        h += "<h2>\(esc(l["phases"]))</h2>\n<table><tr><th>\(esc(l["phase"]))</th><th>\(esc(l["deadline"]))</th><th>\(esc(l["completes"]))</th><th>\(esc(l["slack"]))</th><th>\(esc(l["actual"]))</th><th>\(esc(l["status"]))</th></tr>\n"
        for p in plan.phases {
            let status = p.completes == nil ? l["open"] : (p.meetsDeadline == false ? l["late"] : l["met"])
            let cls = p.meetsDeadline == false || p.completes == nil ? "late" : "ok"
            h += "<tr><td>\(esc(rtl ? (p.nameAr ?? p.name) : p.name))</td><td><bdi>\(p.deadline?.description ?? "–")</bdi></td><td><bdi>\(p.completes?.description ?? "–")</bdi></td><td class=\"num\">\(p.slackMonths.map(String.init) ?? "–")</td><td><bdi>\(p.actual?.description ?? "–")</bdi></td><td class=\"\(cls)\">\(esc(status))</td></tr>\n"
        }
        h += "</table>\n"
        for p in plan.phases {
            if let e = rtl ? (p.explanationAr ?? p.explanation) : p.explanation { h += "<p class=\"late\">\(esc(e))</p>\n" }
        }

        h += "<h2>\(esc(l["handovers"]))</h2>\n<table><tr><th>\(esc(l["month"]))</th><th>\(esc(l["gate"]))</th><th>\(esc(l["capability"]))</th><th>\(esc(l["requirement"]))</th><th>\(esc(l["threat"]))</th><th>\(esc(l["held"]))</th><th>\(esc(l["status"]))</th></tr>\n"
        for x in plan.handovers {
            h += "<tr><td><bdi>\(x.month)</bdi></td><td>\(esc(names.capability(x.capability))) / \(esc(names.region(x.region)))</td><td class=\"num\">\(fmt(x.gate.capability))</td><td class=\"num\">\(fmt(x.gate.requirement))</td><td class=\"num\">\(fmt(x.gate.threat)) \(x.gate.trend.map { esc(l["trend.\($0.rawValue)"]) } ?? "")</td><td class=\"num\">\(x.gate.heldMonths)/\(x.gate.requiredMonths)</td><td class=\"\(x.forced ? "forced" : "ok")\">\(esc(x.forced ? l["forced"] : l["conditionsMet"]))</td></tr>\n"
        }
        h += "</table>\n"
        if !plan.riskDebt.isEmpty {
            h += "<h2>\(esc(l["riskDebt"]))</h2>\n<table><tr><th>\(esc(l["month"]))</th><th>\(esc(l["gate"]))</th><th>\(esc(l["holdsFrom"]))</th><th>\(esc(l["months"]))</th><th>\(esc(l["unmet"]))</th></tr>\n"
            for d in plan.riskDebt {
                h += "<tr><td><bdi>\(d.month)</bdi></td><td>\(esc(names.capability(d.capability))) / \(esc(names.region(d.region)))</td><td><bdi>\(d.gateHoldsFrom?.description ?? "–")</bdi></td><td class=\"num\">\(d.months)</td><td>\(esc(d.unmet.joined(separator: "; ")))</td></tr>\n"
            }
            h += "</table>\n"
        }
        if let risk = plan.risk, let reason = risk.notEstimated {
            let why = language == .ar ? (risk.notEstimatedAr ?? reason) : reason
            h += "<h2>\(esc(l["risk"]))</h2>\n<p>\(esc(l["riskNotEstimated"])): <bdi>\(esc(why))</bdi></p>\n"
        } else if let risk = plan.risk {
            h += "<h2>\(esc(l["risk"]))</h2>\n<p>\(esc(l.riskSetting(risk)))</p>\n<table><tr><th>\(esc(l["plan"]))</th><th>P</th><th>95%</th><th>\(esc(l["expected"]))</th></tr>\n"
            for row in risk.rows {
                let name = row.plan == "baseline" ? l["baseline"] : l["mode.\(row.plan)"]
                let ci = row.ci95.count == 2 ? "\(PlanTableRenderer.percent(row.ci95[0]))–\(PlanTableRenderer.percent(row.ci95[1]))" : "–"
                h += "<tr><td>\(esc(name))</td><td class=\"num\">\(PlanTableRenderer.percent(row.pResurgence))</td><td class=\"num\"><bdi>\(ci)</bdi></td><td class=\"num\">\(Int(row.expectedIncidents.rounded()))</td></tr>\n"
            }
            h += "</table>\n"
            if risk.illustrative { h += "<p>\(esc(l["illustrativeRisk"]))</p>\n" }
        }
        h += "<h2>\(esc(l["moves"]))</h2>\n<table><tr><th>\(esc(l["month"]))</th><th>\(esc(l["site"]))</th><th>\(esc(l["team"]))</th><th>\(esc(l["personnel"]))</th><th>\(esc(l["reason"]))</th></tr>\n"
        for m in plan.moves {
            let what = m.kind == .relocate ? "\(m.team ?? "") → \(names.site(m.to ?? ""))" : (m.team ?? l["close"])
            h += "<tr><td><bdi>\(m.month)</bdi></td><td>\(esc(names.site(m.site)))</td><td><bdi>\(esc(what))</bdi></td><td class=\"num\">\(m.personnel)</td><td><bdi>\(esc(rtl ? (m.reasonAr ?? m.reason) : m.reason))</bdi></td></tr>\n"
        }
        h += "</table>\n"
        if !plan.findings.isEmpty {
            h += "<h2>\(esc(l["findings"]))</h2>\n<ul>" + plan.findings.map { "<li><bdi>\(esc(rtl ? ($0.messageAr ?? $0.message) : $0.message))</bdi></li>" }.joined() + "</ul>\n"
        }
        h += "<p>\(esc(l["totals"])): \(plan.totals.personnelMonths) \(esc(l["personnelMonths"])); \(plan.totals.remainingAtEnd) \(esc(l["remaining"]))</p>\n"
        h += "</body>\n</html>\n"
        return h
    }

    /// "start → end", the arrow pointing the way the text reads: in a right-to-left paragraph the
    /// start stands on the right and the arrow points left to the end.
    static func period(_ start: YearMonth, _ end: YearMonth, rtl: Bool) -> String {
        "<bdi>\(start)</bdi> \(rtl ? "←" : "→") <bdi>\(end)</bdi>"
    }

    /// Width of the label column of the phase chart: the longest label at 7.5 px a character
    /// (11 px bold text is about 7), so that no label runs into its bar; 320 px at least, 640 at most (longer
    /// labels are cut with an ellipsis).
    static let labelCharacterWidth = 7.5
    static func labelColumn(_ labels: [String]) -> (width: Double, characters: Int) {
        let longest = labels.map(\.count).max() ?? 0
        let width = min(640, max(320, Double(longest) * labelCharacterWidth + 16))
        return (width, Int((width - 16) / labelCharacterWidth))
    }

    static func fit(_ label: String, characters: Int) -> String {
        label.count <= characters ? label : String(label.prefix(max(1, characters - 1))) + "…"
    }

    // MARK: - Charts

    private func x(_ i: Double, months: Int, left: Double, width: Double, rtl: Bool) -> Double {
        let fraction = i / Double(max(1, months))
        return rtl ? left + width - fraction * width : left + fraction * width
    }

    func gantt(_ plan: Plan, names: Names, rtl: Bool) -> String {
        let months = plan.end.months(since: plan.start) + 1
        let labels = plan.phases.map { rtl ? ($0.nameAr ?? $0.name) : $0.name }
            + plan.handovers.map { "\(names.capability($0.capability)) / \(names.region($0.region))" }
        let (label, characters) = Self.labelColumn(labels)
        let width = 820.0, rowH = 22.0
        let rows = plan.phases.count + plan.handovers.count
        let height = Double(rows) * rowH + 50
        let left = rtl ? 10.0 : label
        let total = label + width + 20
        // Coordinates stay left-to-right; in Arabic the time axis runs right to left and the labels
        // sit on the right, anchored at their end.
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" direction=\"ltr\" width=\"\(Int(total))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(total)) \(Int(height))\">\n"
        s += axis(plan, months: months, left: left, width: width, top: 20, bottom: height - 20, rtl: rtl)
        let textX = rtl ? total - 4 : 4.0
        let anchor = rtl ? "end" : "start"
        var y = 30.0
        for (n, p) in plan.phases.enumerated() {
            let color = Self.palette[n % Self.palette.count]
            let end = p.completes.map { Double($0.months(since: plan.start) + 1) } ?? Double(months)
            let x0 = x(0, months: months, left: left, width: width, rtl: rtl), x1 = x(end, months: months, left: left, width: width, rtl: rtl)
            s += "<text x=\"\(f(textX))\" y=\"\(f(y + 14))\" text-anchor=\"\(anchor)\" font-weight=\"bold\">\(esc(Self.fit(rtl ? (p.nameAr ?? p.name) : p.name, characters: characters)))</text>\n"
            s += "<rect x=\"\(f(min(x0, x1)))\" y=\"\(f(y + 3))\" width=\"\(f(abs(x1 - x0)))\" height=\"\(f(rowH - 6))\" fill=\"\(color)\" opacity=\"0.75\"><title>\(esc(p.name)): \(p.completes?.description ?? "–")</title></rect>\n"
            if let d = p.deadline {
                let xd = x(Double(d.months(since: plan.start) + 1), months: months, left: left, width: width, rtl: rtl)
                s += "<line x1=\"\(f(xd))\" x2=\"\(f(xd))\" y1=\"\(f(y))\" y2=\"\(f(y + rowH))\" stroke=\"#b00\" stroke-width=\"3\"><title>deadline \(d)</title></line>\n"
            }
            y += rowH
        }
        for handover in plan.handovers {
            let i = Double(handover.month.months(since: plan.start)) + 0.5
            let cx = x(i, months: months, left: left, width: width, rtl: rtl)
            s += "<text x=\"\(f(textX))\" y=\"\(f(y + 14))\" text-anchor=\"\(anchor)\">\(esc(Self.fit("\(names.capability(handover.capability)) / \(names.region(handover.region))", characters: characters)))</text>\n"
            let fill = handover.forced ? "#d62728" : "#2ca02c"
            s += "<path d=\"M\(f(cx)) \(f(y + 4)) l7 7 l-7 7 l-7 -7 z\" fill=\"\(fill)\"><title>\(handover.month)\(handover.forced ? " (forced)" : "")</title></path>\n"
            y += rowH
        }
        s += "</svg>\n"
        return s
    }

    func chart(_ plan: Plan, names: Names, rtl: Bool) -> String {
        let months = plan.end.months(since: plan.start) + 1
        let width = 820.0, height = 300.0, left = rtl ? 20.0 : 60.0, top = 20.0, bottom = 260.0
        // Round ticks (1, 2, 2.5, 5 × 10^k); the axis runs to the tick at or above the peak.
        let ticks = AxisTicks(peak: plan.sites.flatMap { $0.headcount.map(\.personnel) }.max() ?? 1)
        let peak = ticks.top
        let total = width + 120
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" direction=\"ltr\" width=\"\(Int(total))\" height=\"\(Int(height + 20 * Double(plan.sites.count)))\">\n"
        s += axis(plan, months: months, left: left, width: width, top: top, bottom: bottom, rtl: rtl)
        for tick in ticks.values {
            let y = bottom - Double(tick) / Double(peak) * (bottom - top)
            let tx = rtl ? left + width + 6 : left - 6
            s += "<text x=\"\(f(tx))\" y=\"\(f(y + 4))\" text-anchor=\"\(rtl ? "start" : "end")\">\(tick)</text><line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + width))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke-dasharray=\"2 4\"/>\n"
        }
        for (n, site) in plan.sites.enumerated() {
            let color = Self.palette[n % Self.palette.count]
            var points: [String] = []
            for (i, c) in site.headcount.enumerated() {
                let y = bottom - Double(c.personnel) / Double(peak) * (bottom - top)
                points.append("\(f(x(Double(i), months: months, left: left, width: width, rtl: rtl))),\(f(y))")
                points.append("\(f(x(Double(i + 1), months: months, left: left, width: width, rtl: rtl))),\(f(y))")
            }
            s += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"><title>\(esc(names.site(site.id)))</title></polyline>\n"
            let ly = height + 20 * Double(n) - 10
            let box = rtl ? left + width - 12 : left
            let lx = rtl ? box - 6 : left + 18
            s += "<rect x=\"\(f(box))\" y=\"\(f(ly - 9))\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(f(lx))\" y=\"\(f(ly + 1))\" text-anchor=\"\(rtl ? "end" : "start")\">\(esc(names.site(site.id)))\(site.closes.map { " — \u{2066}\($0)\u{2069}" } ?? "")</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    private func axis(_ plan: Plan, months: Int, left: Double, width: Double, top: Double, bottom: Double, rtl: Bool) -> String {
        var s = "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + width))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\"/>\n"
        for i in 0..<months {
            let m = plan.start.adding(months: i)
            guard m.month == 1 || m.month == 7 || i == 0 else { continue }
            let px = x(Double(i), months: months, left: left, width: width, rtl: rtl)
            s += "<line class=\"axis\" x1=\"\(f(px))\" x2=\"\(f(px))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" stroke-dasharray=\"1 3\"/><text x=\"\(f(px))\" y=\"\(f(bottom + 14))\" text-anchor=\"middle\" direction=\"ltr\">\(m)</text>\n"
        }
        return s
    }

    private func f(_ v: Double) -> String { String(Double(Int((v * 10).rounded())) / 10) }
    private func fmt(_ v: Double?) -> String { v.map(GateEvaluator.format) ?? "–" }

    func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

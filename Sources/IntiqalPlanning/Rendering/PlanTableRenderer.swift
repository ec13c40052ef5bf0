import IntiqalDomain

/// A readable terminal summary of a plan: phases with deadline, completion and slack;
/// personnel per site by quarter; handovers with their reasons; risk debt; findings.
public struct PlanTableRenderer: Sendable {
    public let scenario: Scenario
    public let language: Language

    public init(scenario: Scenario, language: Language = .en) {
        self.scenario = scenario
        self.language = language
    }

    public func render(_ plan: Plan) -> String {
        let l = Labels(language: language)
        let names = Names(scenario: scenario, language: language)
        var out = ""
        out += "\(l["plan"]): \(TextTable.isolate(scenario.name.text(language))) — \(l.modeName(plan.mode))\n"
        out += "\(l["period"]): \(plan.start) → \(plan.end)   "
        out += plan.verification.ok ? "✓ \(l["verified"])\n" : "✗ \(l["violations"])\n"
        for violation in plan.verification.violations { out += "  ! \(violation)\n" }

        out += "\n\(l["phases"])\n"
        var phases = TextTable([l["phase"], l["deadline"], l["completes"], l["slack"], l["actual"], l["status"]], numeric: [3])
        for p in plan.phases {
            let status = p.completes == nil ? l["open"] : (p.meetsDeadline == false ? l["late"] : l["met"])
            phases.add([language == .ar ? (p.nameAr ?? p.name) : p.name, p.deadline?.description ?? "–",
                        p.completes?.description ?? "–", p.slackMonths.map(String.init) ?? "–",
                        p.actual?.description ?? "–", status])
        }
        out += phases.render()
        for p in plan.phases {
            if let e = language == .ar ? (p.explanationAr ?? p.explanation) : p.explanation { out += "  • \(TextTable.isolate(e))\n" }
        }

        out += "\n\(l["headcount"])\n"
        let quarters = quarterEnds(plan)
        var sites = TextTable([l["site"]] + quarters.map { quarterName(plan.start.adding(months: $0)) } + [l["closes"]],
                              numeric: Set(1...max(1, quarters.count)))
        var totals = Array(repeating: 0, count: quarters.count)
        for s in plan.sites {
            let row = quarters.map { s.headcount[safe: $0]?.personnel ?? 0 }
            for (i, v) in row.enumerated() { totals[i] += v }
            sites.add([names.site(s.id)] + row.map(String.init) + [s.closes?.description ?? "–"])
        }
        sites.add(["Σ"] + totals.map(String.init) + [""])
        out += sites.render()

        out += "\n\(l["handovers"])\n"
        var handovers = TextTable([l["month"], l["gate"], l["capability"], l["requirement"], l["threat"], l["held"], l["status"]],
                                  numeric: [2, 3, 4, 5])
        for h in plan.handovers {
            handovers.add([h.month.description, "\(names.capability(h.capability)) / \(names.region(h.region))",
                           fmt(h.gate.capability), fmt(h.gate.requirement),
                           "\(fmt(h.gate.threat)) \(h.gate.trend.map { arrow($0) } ?? "")",
                           "\(h.gate.heldMonths)/\(h.gate.requiredMonths)",
                           h.forced ? l["forced"] : l["conditionsMet"]])
        }
        out += plan.handovers.isEmpty ? "  \(l["none"])\n" : handovers.render()

        for (title, lines) in [("disputes", disputes(plan, labels: l, names: names)), ("scales", scaleRevisions(labels: l)),
                               ("relocations", relocations(plan, labels: l, names: names))] where !lines.isEmpty {
            out += "\n\(l[title])\n"
            for line in lines { out += "  • \(TextTable.isolate(line))\n" }
        }

        if !plan.riskDebt.isEmpty {
            out += "\n\(l["riskDebt"])\n"
            var debt = TextTable([l["month"], l["gate"], l["holdsFrom"], l["months"], l["unmet"]], numeric: [3])
            for d in plan.riskDebt {
                debt.add([d.month.description, "\(names.capability(d.capability)) / \(names.region(d.region))",
                          d.gateHoldsFrom?.description ?? "–", String(d.months), d.unmet.joined(separator: "; ")])
            }
            out += debt.render()
        }
        if let risk = plan.risk, let reason = risk.notEstimated {
            let why = language == .ar ? (risk.notEstimatedAr ?? reason) : reason
            out += "\n\(l["risk"]): \(l["riskNotEstimated"])\n  • \(TextTable.isolate(why))\n"
        } else if let risk = plan.risk {
            out += "\n\(l["risk"]) (\(l.riskSetting(risk)))\n"
            var table = TextTable([l["plan"], "P", "95%", l["expected"]], numeric: [1, 3])
            for row in risk.rows {
                let name = row.plan == "baseline" ? l["baseline"] : l["mode.\(row.plan)"]
                table.add([name, Self.percent(row.pResurgence),
                           row.ci95.count == 2 ? "\(Self.percent(row.ci95[0]))–\(Self.percent(row.ci95[1]))" : "–",
                           String(Int(row.expectedIncidents.rounded()))])
            }
            out += table.render()
            if risk.illustrative { out += "  • \(l["illustrativeRisk"])\n" }
        }
        if !plan.findings.isEmpty {
            out += "\n\(l["findings"])\n"
            for f in plan.findings where f.phase == nil {
                out += "  • \(TextTable.isolate(language == .ar ? (f.messageAr ?? f.message) : f.message))\n"
            }
        }
        out += "\n\(l["totals"]): \(plan.totals.personnelMonths) \(l["personnelMonths"]); "
        out += "\(plan.totals.remainingAtEnd) \(l["remaining"])"
        if plan.totals.riskDebtMonths > 0 { out += "; \(l["riskDebt"].split(separator: " ").prefix(2).joined(separator: " ")): \(plan.totals.riskDebtMonths)" }
        out += "\n"
        return out
    }

    public static func percent(_ p: Double) -> String {
        let tenths = Int((p * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func quarterEnds(_ plan: Plan) -> [Int] {
        let count = plan.end.months(since: plan.start) + 1
        var result: [Int] = []
        for i in 0..<count where plan.start.adding(months: i).month % 3 == 0 || i == count - 1 { result.append(i) }
        return result
    }

    func quarterName(_ m: YearMonth) -> String { "\(m.year)-Q\((m.month - 1) / 3 + 1)" }

    private func fmt(_ v: Double?) -> String { v.map(GateEvaluator.format) ?? "–" }

    private func arrow(_ t: Trend) -> String {
        switch t {
        case .falling: "↓"
        case .steady: "→"
        case .rising: "↑"
        }
    }
}

/// Display names of a scenario's entities in one language.
struct Names {
    let scenario: Scenario
    let language: Language

    func site(_ id: String) -> String { scenario.site(id)?.name.text(language) ?? id }
    func region(_ id: String) -> String { scenario.region(id)?.name.text(language) ?? id }
    func capability(_ id: String) -> String { scenario.capability(id)?.name.text(language) ?? id }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

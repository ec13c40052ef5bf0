import IntiqalDomain

/// Turns a schedule into a plan whose every line carries its reason.
struct PlanReport {
    let context: PlanningContext
    let mode: PlanMode
    let schedule: Scheduler.Schedule
    let gateRelease: [Int?]

    private var c: PlanningContext { context }
    private func month(_ i: Int) -> YearMonth { c.month(i) }

    func build() -> Plan {
        var findings: [Plan.Finding] = []
        let handovers = buildHandovers()
        let debt = buildRiskDebt()
        let phases = buildPhases(findings: &findings)
        for (s, i) in schedule.heldForCover.sorted(by: { $0.key < $1.key }) where schedule.closedAt[s] != nil {
            findings.append(.init(severity: .info, phase: nil, arabicMonthsIsolated(
                en: "site \(c.sites[s].site.id) stays open from \(month(i)) to \(month(schedule.closedAt[s]!)) so that it can re-intervene after the last handover in the regions it supports",
                ar: "يبقى الموقع «\(siteAr(s))» مفتوحاً من \(month(i)) إلى \(month(schedule.closedAt[s]!)) ليتمكن من التدخل مجدداً بعد آخر تسليم في المناطق التي يدعمها")))
        }
        for (r, i) in schedule.coverWaived.sorted(by: { $0.key < $1.key }) {
            findings.append(.init(severity: .warning, phase: nil, arabicMonthsIsolated(
                en: "no open site can re-intervene in \(c.regionIDs[r]) from \(month(i)): cover given up to meet a deadline (policy asks \(c.scenario.policy.reinterventionMonths) months after the last handover)",
                ar: "لا يوجد موقع مفتوح يمكنه التدخل مجدداً في «\(regionAr(c.regionIDs[r]))» ابتداءً من \(month(i)): تم التخلي عن التغطية للوفاء بموعد متفق عليه (تطلب السياسة \(c.scenario.policy.reinterventionMonths) أشهر بعد آخر تسليم)")))
        }
        let illustrative = c.scenario.assessments.filter(\.illustrative).count
        if illustrative > 0 {
            findings.append(.init(severity: .info, phase: nil, LocalizedText(
                en: "\(illustrative) of \(c.scenario.assessments.count) ratings are illustrative, not drawn from a source",
                ar: "\(illustrative) من أصل \(c.scenario.assessments.count) تقييماً توضيحية وليست مستمدة من مصدر")))
        }
        let sites = c.sites.indices.map { s in
            Plan.SiteOutcome(id: c.sites[s].site.id, name: c.sites[s].site.name.en, nameAr: c.sites[s].site.name.ar,
                             closes: schedule.closedAt[s].map(month),
                             headcount: schedule.headcount[s].enumerated().map { .init(month: month($0), personnel: $1) })
        }
        return Plan(scenario: c.scenario.id, mode: mode, start: c.scenario.start, end: c.scenario.end,
                    phases: phases, handovers: handovers, sites: sites, moves: buildMoves(), riskDebt: debt,
                    findings: findings,
                    totals: .init(personnelMonths: schedule.personnelMonths,
                                  riskDebtMonths: debt.reduce(0) { $0 + $1.months },
                                  riskDebtAdviserMonths: earlyAdviserMonths().reduce(0, +),
                                  handovers: handovers.count, forcedHandovers: handovers.filter(\.forced).count,
                                  remainingAtEnd: schedule.remainingAtEnd),
                    verification: .init(ok: false, diagnostics: [.error(.verifierNotVerified, en: "not verified", ar: "لم يُتحقق منها")]), risk: nil)
    }

    private func isForced(key k: Int, at i: Int) -> Bool {
        !c.held[k][i]
    }

    func buildHandovers() -> [Plan.Handover] {
        var result: [Plan.Handover] = []
        for k in c.keys.indices {
            guard let i = schedule.handoverAt[k] else { continue }
            var gate = c.timelines[k].checks[i]
            gate.reinterventionSite = coverSite(region: c.teams[c.teamsByKey[k][0]].region, from: i)
            result.append(.init(region: c.keys[k].region, capability: c.keys[k].capability, month: month(i),
                                forced: isForced(key: k, at: i), gate: gate))
        }
        return result.sorted { ($0.month, $0.region, $0.capability) < ($1.month, $1.region, $1.capability) }
    }

    /// The site open longest after month `i` among those supporting region `r`.
    private func coverSite(region r: Int, from i: Int) -> String? {
        guard c.scenario.policy.requireReintervention else { return nil }
        let open = c.sites.indices.filter { s in
            c.sites[s].supports.contains(r) && (schedule.closedAt[s].map { $0 > i } ?? true)
        }
        return open.max { (schedule.closedAt[$0] ?? Int.max, -$0) < (schedule.closedAt[$1] ?? Int.max, -$1) }
            .map { c.sites[$0].site.id }
    }

    /// Per gate: advisers who left before it held, times the months early (to the horizon's end).
    func earlyAdviserMonths() -> [Int] {
        var early = Array(repeating: 0, count: c.keys.count)
        for step in schedule.steps where step.kind == .depart {
            let k = c.teams[step.team!].key
            if !c.held[k][step.month] { early[k] += step.personnel * (c.nextHeld[k][step.month] - step.month) }
        }
        return early
    }

    func buildRiskDebt() -> [Plan.RiskDebt] {
        var result: [Plan.RiskDebt] = []
        let early = earlyAdviserMonths()
        for k in c.keys.indices {
            guard let i = schedule.handoverAt[k], isForced(key: k, at: i) || early[k] > 0 else { continue }
            let next = c.nextHeld[k][i]
            let release: Int? = next < c.months ? next : nil
            let check = c.timelines[k].checks[i]
            var unmet = check.unmet
            if check.met || unmet.isEmpty {
                unmet.append("held \(check.heldMonths) of \(check.requiredMonths) months")
            }
            result.append(.init(region: c.keys[k].region, capability: c.keys[k].capability, month: month(i),
                                gateHoldsFrom: release.map(month), months: next - i,
                                adviserMonths: early[k], unmet: unmet))
        }
        return result.sorted { ($0.month, $0.region, $0.capability) < ($1.month, $1.region, $1.capability) }
    }

    func buildMoves() -> [Plan.Move] {
        schedule.steps.map { step in
            let site = c.sites[step.site].site.id
            switch step.kind {
            case .depart:
                let t = step.team!
                let info = c.teams[t]
                let timeline = c.timelines[info.key]
                let check = timeline.checks[step.month]
                let reason: String, reasonAr: String
                let gateAr = "\(capabilityAr(c.keys[info.key].capability)) / \(regionAr(c.keys[info.key].region))"
                if c.held[info.key][step.month] {
                    let since = month(step.month - check.heldMonths + 1)
                    reason = "gate \(c.keys[info.key]) held \(check.heldMonths) months (capability \(fmt(check.capability)) ≥ requirement \(fmt(check.requirement)), threat \(fmt(check.threat)) \(check.trend?.rawValue ?? "")) since \(since)"
                    reasonAr = "تحققت شروط بوابة «\(gateAr)» منذ \(since) لمدة \(check.heldMonths) أشهر (القدرة \(fmt(check.capability)) ≥ المتطلب \(fmt(check.requirement))، التهديد \(fmt(check.threat)))"
                } else {
                    let due = info.due.map { month($0).description } ?? "the deadline"
                    let next = c.nextHeld[info.key][step.month]
                    let holds = next < c.months ? "projected to hold from \(month(next))" : "not projected to hold within the horizon"
                    let holdsAr = next < c.months ? "يُتوقع أن تتحقق شروطها ابتداءً من \(month(next))" : "لا يُتوقع أن تتحقق شروطها ضمن الأفق"
                    reason = "forced by the deadline \(due): gate \(c.keys[info.key]) \(holds)"
                    reasonAr = "مغادرة قسرية للوفاء بموعد \(due): بوابة «\(gateAr)» \(holdsAr)"
                }
                return Plan.Move(month: month(step.month), kind: .depart, site: site, team: info.team.id, to: nil,
                                 personnel: step.personnel, reason: reason, reasonAr: Self.isolateMonths(reasonAr))
            case .relocate:
                let info = c.teams[step.team!]
                let target = c.sites[step.to!].site.id
                return Plan.Move(month: month(step.month), kind: .relocate, site: site, team: info.team.id, to: target,
                                 personnel: step.personnel,
                                 reason: "site \(site) closes in an earlier phase; gate \(c.keys[info.key]) not yet held, so the team supports \(info.team.region) from \(target)",
                                 reasonAr: "يُغلق الموقع «\(siteAr(step.site))» في مرحلة سابقة ولم تتحقق بعد شروط بوابة «\(capabilityAr(info.team.capability)) / \(regionAr(info.team.region))»، فينتقل الفريق لدعم المنطقة من «\(siteAr(step.to!))»")
            case .close:
                return Plan.Move(month: month(step.month), kind: .close, site: site, team: nil, to: nil,
                                 personnel: step.personnel, reason: "no advisers left; garrison of \(step.personnel) leaves",
                                 reasonAr: "لم يبقَ مستشارون؛ تغادر الحامية (\(step.personnel) فرداً) ويُغلق الموقع")
            }
        }
    }

    private func fmt(_ value: Double?) -> String { value.map(GateEvaluator.format) ?? "–" }
    private func arabicMonthsIsolated(en: String, ar: String) -> LocalizedText {
        LocalizedText(en: en, ar: Self.isolateMonths(ar))
    }
    private func siteAr(_ s: Int) -> String { c.sites[s].site.name.text(.ar) }
    private func regionAr(_ id: String) -> String { c.scenario.region(id)?.name.text(.ar) ?? id }
    private func capabilityAr(_ id: String) -> String { c.scenario.capability(id)?.name.text(.ar) ?? id }
    private func phaseAr(_ p: Int) -> String { c.phases[p].phase.name.text(.ar) }

    /// Wraps each month (YYYY-MM) of Arabic text in a left-to-right isolate so that it reads
    /// 2025-09 and not 09-2025 inside a right-to-left line.
    static func isolateMonths(_ text: String) -> String {
        var out = ""
        var scalars = Array(text.unicodeScalars)[...]
        func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }
        while let first = scalars.first {
            if scalars.count >= 7, scalars.prefix(7).enumerated().allSatisfy({ $0.offset == 4 ? $0.element == "-" : isDigit($0.element) }),
               scalars.count == 7 || !isDigit(scalars[scalars.startIndex + 7]) {
                out.unicodeScalars.append("\u{2066}")
                out.unicodeScalars.append(contentsOf: scalars.prefix(7))
                out.unicodeScalars.append("\u{2069}")
                scalars = scalars.dropFirst(7)
            } else {
                out.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }

    func buildPhases(findings: inout [Plan.Finding]) -> [Plan.PhaseOutcome] {
        c.phases.indices.map { p in
            let phase = c.phases[p].phase
            let completes = schedule.phaseCompletion[p]
            var outcome = Plan.PhaseOutcome(id: phase.id, name: phase.name.en, nameAr: phase.name.ar,
                                            deadline: phase.deadline, completes: completes.map(month),
                                            slackMonths: nil, meetsDeadline: nil, actual: phase.completed, explanation: nil)
            if let deadline = c.phases[p].deadline {
                if let completes { outcome.slackMonths = deadline - completes }
                outcome.meetsDeadline = completes.map { $0 <= deadline } ?? false
            }
            if outcome.meetsDeadline == false || completes == nil {
                let explanation = explain(phase: p)
                outcome.explanation = explanation.en
                outcome.explanationAr = explanation.ar
                findings.append(.init(severity: .warning, phase: phase.id, explanation))
            }
            return outcome
        }
    }

    /// Why phase `p` misses its deadline (or the horizon), naming the binding condition.
    func explain(phase p: Int) -> LocalizedText {
        let info = c.phases[p]
        let by = info.deadline.map { month($0) } ?? c.scenario.end
        let modeName = mode == .conditions ? "conditions-first" : "deadline-first"
        let modeAr = mode == .conditions ? "الشروط أولاً" : "المواعيد أولاً"
        let head = "phase \(info.phase.id) cannot complete by \(by) in \(modeName)"
        let headAr = "لا يمكن إنجاز «\(phaseAr(p))» بحلول \(by) وفق نهج \(modeAr)"
        func text(_ en: String, _ ar: String) -> LocalizedText { arabicMonthsIsolated(en: "\(head): \(en)", ar: "\(headAr): \(ar)") }
        let limit = info.deadline ?? (c.months - 1)
        // Gates that hold too late.
        if mode == .conditions {
            var late: [(Int, Int)] = []   // (release or horizon, key)
            for (t, team) in c.teams.enumerated() where holdsBack(team: t, phase: p) {
                let release = gateRelease[t] ?? Int.max
                if release > limit { late.append((release, team.key)) }
            }
            if let worst = late.max(by: { ($0.0, c.keys[$1.1]) < ($1.0, c.keys[$0.1]) }) {
                let key = c.keys[worst.1]
                let gateAr = "\(capabilityAr(key.capability)) / \(regionAr(key.region))"
                if worst.0 == Int.max {
                    let last = c.timelines[worst.1].checks.last
                    let why = last.map { $0.unmet.isEmpty ? "held \($0.heldMonths) of \($0.requiredMonths) months" : $0.unmet.joined(separator: "; ") } ?? ""
                    return text("gate \(key) not projected to hold by \(c.scenario.end) (\(why))",
                                "لا يُتوقع أن تتحقق شروط بوابة «\(gateAr)» قبل \(c.scenario.end) (\(why))")
                }
                return text("gate \(key) projected to hold from \(month(worst.0))",
                            "يُتوقع أن تتحقق شروط بوابة «\(gateAr)» ابتداءً من \(month(worst.0))")
            }
        }
        for q in info.predecessors {
            if let done = schedule.phaseCompletion[q], done <= limit { continue }
            let when = schedule.phaseCompletion[q].map { "completes \(month($0))" } ?? "does not complete within the horizon"
            let whenAr = schedule.phaseCompletion[q].map { "تُنجز في \(month($0))" } ?? "لا تُنجز ضمن الأفق"
            return text("it follows phase \(c.phases[q].phase.id), which \(when)", "فهي تلي «\(phaseAr(q))» التي \(whenAr)")
        }
        for s in info.sites {
            if let held = schedule.heldForCover[s], held <= limit {
                return text("site \(c.sites[s].site.id) must stay open to re-intervene after the last handover in the regions it supports",
                            "يجب أن يبقى الموقع «\(siteAr(s))» مفتوحاً للتدخل مجدداً بعد آخر تسليم في المناطق التي يدعمها")
            }
        }
        var left = 0
        for s in info.sites { left += schedule.headcount[s][min(limit, c.months - 1)] }
        if left > 0 {
            return text("retrograde capacity: \(left) personnel still at its sites in \(by)",
                        "قدرة الإخلاء: لا يزال \(left) فرداً في مواقعها في \(by)")
        }
        return text("advisers supporting its regions are still in place in \(by)",
                    "لا يزال مستشارون يدعمون مناطقها في \(by)")
    }

    private func holdsBack(team t: Int, phase p: Int) -> Bool {
        let team = c.teams[t]
        if c.phases[p].regions.contains(team.region) { return true }
        return c.phases[p].sites.contains(team.site) && team.relocationTarget == nil
    }
}

import IntiqalDomain

/// Checks a plan against its scenario by replaying its moves, on a code path of its own:
/// headcount conservation, capacity, garrisons, gates (conditions-first), re-intervention
/// cover, phase order, deadlines (deadline-first), and that every figure the plan reports
/// (closures, handovers, headcounts, phase completions, risk debt, totals) matches the replay.
public struct PlanVerifier: Sendable {
    public let scenario: Scenario
    private let book: JointRatingBook

    private let inputProblems: [String]

    public init(scenario: Scenario) {
        self.scenario = scenario
        inputProblems = InputCheck.problems(in: scenario)
        // Ratings are read only once the scenario is known to be within limits.
        var rated = scenario
        if !inputProblems.isEmpty { (rated.assessments, rated.resolutions) = ([], []) }
        book = JointRatingBook(scenario: rated)
    }

    /// With the joint ratings already built for this scenario (the planner's, checked within
    /// limits): the domain's book is the one thing the verifier shares with the planner.
    init(scenario: Scenario, book: JointRatingBook) {
        self.scenario = scenario
        inputProblems = []
        self.book = book
    }

    /// The scenario's values outside `InputLimits`, each a diagnostic.
    private var inputDiagnostics: [Diagnostic] {
        inputProblems.map { .error(.verifierInputOutOfRange, en: "scenario: \($0)", ar: "السيناريو: \($0)") }
    }

    /// The most personnel one move can carry within `InputLimits` (a whole team or a garrison).
    static let largestMove = max(InputLimits.headcount.upperBound, InputLimits.garrison.upperBound)

    /// What replaying a plan's moves gives: the rules broken and the figures that follow.
    public struct Replay: Sendable {
        /// The rules broken, each with its code.
        public var diagnostics: [Diagnostic] = []
        /// The rules broken, in English.
        public var violations: [String] { diagnostics.map(\.message.en) }
        /// Plan month (index) each site closes.
        public var closedAt: [String: Int] = [:]
        /// Plan month each region × capability is handed over.
        public var handover: [GateKey: Int] = [:]
        /// Plan month each phase completes (nil: not within the horizon).
        public var completion: [String: Int?] = [:]
        public var headcounts: [String: [Int]] = [:]
        public var personnelMonths = 0
        /// Handovers made before their gates held: "capability/region@YYYY-MM" → months.
        public var debt: [String: Int] = [:]
        public var riskDebtMonths: Int { debt.values.reduce(0, +) }
        /// Adviser-months of departures before their gates held.
        public var riskDebtAdviserMonths = 0
    }

    public func verify(_ plan: Plan) -> Plan.Verification {
        // A scenario outside the limits is refused before any arithmetic on it.
        guard inputProblems.isEmpty else {
            return Plan.Verification(ok: false, diagnostics: inputDiagnostics)
        }
        let start = scenario.start
        var replay = replay(plan.moves, mode: plan.mode)
        var v = DiagnosticCollector()
        if plan.start != start || plan.end != scenario.end {
            v.error(.verifierWrongPeriod, en: "plan covers \(plan.start)…\(plan.end), scenario \(start)…\(scenario.end)",
                    ar: "تغطي الخطة \(plan.start)…\(plan.end)، والسيناريو \(start)…\(scenario.end)")
        }
        if plan.scenario != scenario.id {
            v.error(.verifierWrongScenario, en: "plan is for scenario '\(plan.scenario)', not '\(scenario.id)'",
                    ar: "الخطة للسيناريو '\(plan.scenario)' لا '\(scenario.id)'")
        }
        v.append(contentsOf: replay.diagnostics)
        let closedAt = replay.closedAt, headcounts = replay.headcounts, handover = replay.handover
        let personnelMonths = replay.personnelMonths, debt = replay.debt
        for outcome in plan.sites {
            let replayed = headcounts[outcome.id] ?? []
            if outcome.headcount.map(\.personnel) != replayed {
                v.error(.verifierSiteHeadcountMismatch, en: "site \(outcome.id): reported headcount differs from the moves",
                    ar: "الموقع \(outcome.id): العدد المُبلَّغ عنه يخالف التحركات")
            }
            if outcome.closes != closedAt[outcome.id].map({ start.adding(months: $0) }) {
                v.error(.verifierSiteClosureMismatch, en: "site \(outcome.id): reported closure \(outcome.closes?.description ?? "none") differs from the moves",
                    ar: "الموقع \(outcome.id): الإغلاق المُبلَّغ عنه \(outcome.closes?.description ?? "لا شيء") يخالف التحركات")
            }
        }
        if plan.sites.count != scenario.sites.count { v.error(.verifierSiteCountMismatch, en: "plan reports \(plan.sites.count) sites, scenario has \(scenario.sites.count)",
                    ar: "تذكر الخطة \(plan.sites.count) موقعًا، وفي السيناريو \(scenario.sites.count)") }
        let reported = Set(plan.handovers.map { "\($0.capability)/\($0.region)@\($0.month)" })
        let replayedHandovers = Set(handover.map { "\($0.key.capability)/\($0.key.region)@\(start.adding(months: $0.value))" })
        for missing in replayedHandovers.subtracting(reported).sorted() { v.error(.verifierHandoverUnreported, en: "handover \(missing) happens but is not reported",
                    ar: "التسليم \(missing) يحدث ولا يُبلَّغ عنه") }
        for extra in reported.subtracting(replayedHandovers).sorted() { v.error(.verifierHandoverNotHappening, en: "handover \(extra) is reported but does not happen",
                    ar: "التسليم \(extra) مُبلَّغ عنه ولا يحدث") }
        if plan.totals.handovers != handover.count {
            v.error(.verifierHandoverTotalMismatch, en: "handovers reported \(plan.totals.handovers), replay gives \(handover.count)",
                    ar: "التسليمات المُبلَّغ عنها \(plan.totals.handovers)، والإعادة تعطي \(handover.count)")
        }
        let remainingAtEnd = scenario.sites.reduce(0) { $0 + (headcounts[$1.id]?.last ?? 0) }
        if plan.totals.remainingAtEnd != remainingAtEnd {
            v.error(.verifierRemainingMismatch, en: "personnel at the end reported \(plan.totals.remainingAtEnd), replay gives \(remainingAtEnd)",
                    ar: "الأفراد في النهاية المُبلَّغ عنهم \(plan.totals.remainingAtEnd)، والإعادة تعطي \(remainingAtEnd)")
        }
        if plan.totals.personnelMonths != personnelMonths {
            v.error(.verifierPersonnelMonthsMismatch, en: "personnel-months reported \(plan.totals.personnelMonths), replay gives \(personnelMonths)",
                    ar: "أشهر الأفراد المُبلَّغ عنها \(plan.totals.personnelMonths)، والإعادة تعطي \(personnelMonths)")
        }
        for phase in scenario.phases {
            let done = replay.completion[phase.id] ?? nil
            let reportedPhase = plan.phases.first { $0.id == phase.id }
            if reportedPhase?.completes != done.map({ start.adding(months: $0) }) {
                v.error(.verifierPhaseCompletionMismatch, en: "phase \(phase.id): reported completion \(reportedPhase?.completes?.description ?? "none") differs from the moves",
                    ar: "المرحلة \(phase.id): الإتمام المُبلَّغ عنه \(reportedPhase?.completes?.description ?? "لا شيء") يخالف التحركات")
            }
            if let reportedPhase {
                let deadline = phase.deadline.map { $0.months(since: start) }
                let slack = deadline.flatMap { d in done.map { d - $0 } }
                let meets = deadline.map { d in done.map { $0 <= d } ?? false }
                if reportedPhase.slackMonths != slack {
                    v.error(.verifierPhaseSlackMismatch, en: "phase \(phase.id): reported slack \(reportedPhase.slackMonths.map(String.init) ?? "none") months, replay gives \(slack.map(String.init) ?? "none")",
                    ar: "المرحلة \(phase.id): الهامش المُبلَّغ عنه \(reportedPhase.slackMonths.map(String.init) ?? "لا شيء") أشهر، والإعادة تعطي \(slack.map(String.init) ?? "لا شيء")")
                }
                if reportedPhase.meetsDeadline != meets {
                    let said = reportedPhase.meetsDeadline.map { $0 ? "meeting" : "missing" } ?? "without"
                    let actual = meets.map { $0 ? "meets it" : "misses it" } ?? "it has none"
                    v.error(.verifierPhaseDeadlineMismatch, en: "phase \(phase.id): reported as \(said) its deadline, replay \(actual)",
                    ar: "المرحلة \(phase.id): وفاؤها بموعدها النهائي المُبلَّغ عنه يخالف الإعادة")
                }
            }
            if plan.mode == .deadlines, let deadline = phase.deadline {
                let met = done.map { $0 <= deadline.months(since: start) } ?? false
                if !met && !(reportedPhase?.meetsDeadline == false && reportedPhase?.explanation != nil) {
                    v.error(.verifierDeadlineMissedUnexplained, en: "phase \(phase.id) misses its deadline \(deadline) and the plan does not say why",
                    ar: "المرحلة \(phase.id) تفوت موعدها النهائي \(deadline) ولا تذكر الخطة السبب")
                }
            }
        }
        let reportedDebt = Dictionary(plan.riskDebt.map { ("\($0.capability)/\($0.region)@\($0.month)", $0.months) },
                                      uniquingKeysWith: { a, _ in a })
        if debt != reportedDebt {
            let missing = Set(debt.keys).subtracting(reportedDebt.keys).sorted()
            let wrong = debt.keys.filter { reportedDebt[$0] != nil && reportedDebt[$0] != debt[$0] }.sorted()
            let extra = Set(reportedDebt.keys).subtracting(debt.keys).sorted()
            for m in missing { v.error(.verifierRiskDebtMissing, en: "handover \(m) is before its gate held but is not in the risk debt",
                    ar: "التسليم \(m) قبل تحقق بوابته وليس في دَين المخاطر") }
            for w in wrong { v.error(.verifierRiskDebtWrong, en: "risk debt of \(w) is \(reportedDebt[w] ?? 0) months, replay gives \(debt[w] ?? 0)",
                    ar: "دَين المخاطر لـ \(w) \(reportedDebt[w] ?? 0) أشهر، والإعادة تعطي \(debt[w] ?? 0)") }
            for e in extra { v.error(.verifierRiskDebtExtra, en: "risk debt lists \(e), whose gate held",
                    ar: "يذكر دَين المخاطر \(e) وقد تحققت بوابته") }
        }
        if plan.totals.riskDebtAdviserMonths != replay.riskDebtAdviserMonths {
            v.error(.verifierRiskDebtAdviserMonthsMismatch, en: "risk debt reported \(plan.totals.riskDebtAdviserMonths) adviser-months, replay gives \(replay.riskDebtAdviserMonths)",
                    ar: "دَين المخاطر المُبلَّغ عنه \(plan.totals.riskDebtAdviserMonths) شهر-مستشار، والإعادة تعطي \(replay.riskDebtAdviserMonths)")
        }
        if plan.totals.riskDebtMonths != replay.riskDebtMonths {
            v.error(.verifierRiskDebtTotalMismatch, en: "risk debt total reported \(plan.totals.riskDebtMonths), replay gives \(replay.riskDebtMonths)",
                    ar: "مجموع دَين المخاطر المُبلَّغ عنه \(plan.totals.riskDebtMonths)، والإعادة تعطي \(replay.riskDebtMonths)")
        }
        replay.diagnostics = v.diagnostics
        return Plan.Verification(ok: v.isEmpty, diagnostics: v.diagnostics)
    }

    /// Replays moves month by month and checks the rules: conservation, capacity, garrisons,
    /// gates (conditions-first), phase order and re-intervention cover.
    public func replay(_ moves: [Plan.Move], mode: PlanMode) -> Replay {
        guard inputProblems.isEmpty else {
            var refused = Replay()
            refused.diagnostics = inputDiagnostics
            return refused
        }
        var v = DiagnosticCollector()
        let start = scenario.start
        let horizon = scenario.horizonMonths
        let policy = scenario.policy

        var teamSite: [String: String] = [:]
        var remaining: [String: Int] = [:]
        var teamOf: [String: AdviserTeam] = [:]
        var siteOf: [String: Site] = [:]
        for site in scenario.sites {
            siteOf[site.id] = site
            for team in site.teams {
                teamSite[team.id] = site.id
                remaining[team.id] = team.headcount
                teamOf[team.id] = team
            }
        }
        var closedAt: [String: Int] = [:]
        var handover: [GateKey: Int] = [:]
        var keyLeft: [GateKey: Int] = [:]
        for team in teamOf.values { keyLeft[team.gateKey, default: 0] += team.headcount }
        var headcounts: [String: [Int]] = [:]
        var personnelMonths = 0
        var adviserDebt = 0
        var earlyKeys = Set<GateKey>()

        var byMonth: [Int: [(index: Int, move: Plan.Move)]] = [:]
        for (k, move) in moves.enumerated() {
            let i = move.month.months(since: start)
            if i < 0 || i >= horizon {
                v.error(.verifierMoveOutsideHorizon, at: DiagnosticLocation(path: "moves[\(k)]"), en: "move of \(move.team ?? move.site) in \(move.month) is outside the plan's months",
                    ar: "تحرك \(move.team ?? move.site) في \(move.month) خارج أشهر الخطة")
                continue
            }
            byMonth[i, default: []].append((k, move))
        }

        for i in 0..<horizon {
            let month = start.adding(months: i)
            var moved = 0
            var movedFrom: [String: Int] = [:]
            for (k, move) in byMonth[i] ?? [] {
                let what = "\(move.kind.rawValue) \(move.team ?? move.site) in \(month)"
                guard let site = siteOf[move.site] else { v.error(.verifierUnknownSite, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): unknown site '\(move.site)'",
                    ar: "\(what): موقع غير معروف '\(move.site)'"); continue }
                if closedAt[site.id] != nil { v.error(.verifierSiteAlreadyClosed, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): site \(site.id) is already closed",
                    ar: "\(what): الموقع \(site.id) مغلق من قبل"); continue }
                if move.personnel <= 0 && move.kind != .close { v.error(.verifierMoveNotPositive, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): moves \(move.personnel) personnel",
                    ar: "\(what): ينقل \(move.personnel) فردًا"); continue }
                // No team or garrison is larger: a figure beyond it is wrong, and is not added up.
                if move.personnel > Self.largestMove {
                    v.error(.verifierMoveTooLarge, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): moves \(move.personnel) personnel, more than any team or garrison holds",
                    ar: "\(what): ينقل \(move.personnel) فردًا، أكثر مما يضمه أي فريق أو حامية"); continue
                }
                moved += move.personnel
                movedFrom[site.id, default: 0] += move.personnel
                switch move.kind {
                case .depart, .relocate:
                    guard let id = move.team, let team = teamOf[id] else {
                        v.error(.verifierUnknownTeam, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): unknown team '\(move.team ?? "")'",
                    ar: "\(what): فريق غير معروف '\(move.team ?? "")'"); continue
                    }
                    if teamSite[id] != site.id {
                        v.error(.verifierTeamElsewhere, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): team \(id) is at \(teamSite[id] ?? "?"), not \(site.id)",
                    ar: "\(what): الفريق \(id) في \(teamSite[id] ?? "?") لا في \(site.id)"); continue
                    }
                    let left = remaining[id] ?? 0
                    if move.kind == .depart {
                        if move.personnel > left { v.error(.verifierMoreLeaveThanRemain, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): \(move.personnel) leave but only \(left) remain",
                    ar: "\(what): يغادر \(move.personnel) ولم يبقَ إلا \(left)"); continue }
                        if mode == .conditions, !gateHeld(team.gateKey, at: month) {
                            v.error(.verifierGateNotHeld, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): gate \(team.gateKey) has not held \(policy.holdMonths) months",
                    ar: "\(what): البوابة \(team.gateKey) لم تتحقق \(policy.holdMonths) أشهر")
                        }
                        if !gateHeld(team.gateKey, at: month) {
                            let from = (i..<horizon).first { gateHeld(team.gateKey, at: start.adding(months: $0)) } ?? horizon
                            adviserDebt += move.personnel * (from - i)
                            earlyKeys.insert(team.gateKey)
                        }
                        remaining[id] = left - move.personnel
                        keyLeft[team.gateKey, default: 0] -= move.personnel
                        if keyLeft[team.gateKey] == 0 { handover[team.gateKey] = i }
                    } else {
                        guard let to = move.to, let target = siteOf[to] else {
                            v.error(.verifierUnknownTarget, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): unknown target site '\(move.to ?? "")'",
                    ar: "\(what): موقع وجهة غير معروف '\(move.to ?? "")'"); continue
                        }
                        if move.personnel != left { v.error(.verifierTeamSplit, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): moves \(move.personnel) of \(left); teams move whole",
                    ar: "\(what): ينقل \(move.personnel) من \(left)؛ الفرق تنتقل كاملة") }
                        if closedAt[to] != nil { v.error(.verifierTargetClosed, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): target \(to) is closed",
                    ar: "\(what): الوجهة \(to) مغلقة") }
                        if !target.supports.contains(team.region) { v.error(.verifierTargetUnsupported, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): \(to) does not support \(team.region)",
                    ar: "\(what): \(to) لا يدعم \(team.region)") }
                        teamSite[id] = to
                    }
                case .close:
                    let left = site.teams.indices.isEmpty ? 0 : teamSite.filter { $0.value == site.id }.keys
                        .reduce(0) { $0 + (remaining[$1] ?? 0) }
                    if left > 0 { v.error(.verifierAdvisersAtClosingSite, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): \(left) advisers still at \(site.id)",
                    ar: "\(what): ما زال \(left) مستشارًا في \(site.id)") }
                    if move.personnel != site.minimumGarrison {
                        v.error(.verifierGarrisonMismatch, at: DiagnosticLocation(path: "moves[\(k)]"), en: "\(what): garrison is \(site.minimumGarrison), move says \(move.personnel)",
                    ar: "\(what): الحامية \(site.minimumGarrison) والتحرك يذكر \(move.personnel)")
                    }
                    // Phase order: the phases this site's phase follows must be complete.
                    closedAt[site.id] = i
                }
            }
            if moved > scenario.capacity.overallPerMonth {
                v.error(.verifierCapacityExceeded, en: "\(month): \(moved) personnel moved, over the overall capacity \(scenario.capacity.overallPerMonth)",
                    ar: "\(month): نُقل \(moved) فردًا، فوق السعة الكلية \(scenario.capacity.overallPerMonth)")
            }
            for (site, n) in movedFrom.sorted(by: { $0.key < $1.key }) where n > scenario.capacity.limit(for: site) {
                v.error(.verifierSiteCapacityExceeded, en: "\(month): \(n) personnel moved from \(site), over its capacity \(scenario.capacity.limit(for: site))",
                    ar: "\(month): نُقل \(n) فردًا من \(site)، فوق سعته \(scenario.capacity.limit(for: site))")
            }
            var advisersAt: [String: Int] = [:]
            for (id, at) in teamSite { advisersAt[at, default: 0] += remaining[id] ?? 0 }
            for site in scenario.sites {
                let open = closedAt[site.id] == nil
                var count = open ? site.minimumGarrison : 0
                count += advisersAt[site.id] ?? 0
                if !open && count > 0 { v.error(.verifierAdvisersAtClosedSite, en: "\(month): \(count) advisers at closed site \(site.id)",
                    ar: "\(month): \(count) مستشارًا في الموقع المغلق \(site.id)") }
                if open && count < site.minimumGarrison { v.error(.verifierBelowGarrison, en: "\(month): \(site.id) below its garrison",
                    ar: "\(month): \(site.id) دون حاميته") }
                headcounts[site.id, default: []].append(count)
                personnelMonths += count
            }
        }

        // Phases: completion, order, deadlines.
        var ownDone: [String: Int?] = [:]
        for phase in scenario.phases {
            var done: Int? = 0
            for s in phase.sites { done = max2(done, closedAt[s]) }
            for team in teamOf.values where phase.regions.contains(team.region) { done = max2(done, handover[team.gateKey]) }
            ownDone[phase.id] = done
        }
        var completion: [String: Int?] = [:]
        func complete(_ id: String, _ depth: Int) -> Int? {
            if let known = completion[id] { return known }
            guard depth < 64, let phase = scenario.phase(id) else { return nil }
            var done = ownDone[id] ?? nil
            for q in phase.after { done = max2(done, complete(q, depth + 1)) }
            completion[id] = done
            return done
        }
        for phase in scenario.phases {
            for s in phase.sites {
                guard let closed = closedAt[s] else { continue }
                for q in phase.after {
                    let qDone = complete(q, 0)
                    if qDone.map({ $0 > closed }) ?? true {
                        v.error(.verifierPhaseOrder, en: "site \(s) closes in \(start.adding(months: closed)) before phase \(q), which phase \(phase.id) follows, completes",
                    ar: "الموقع \(s) يُغلق في \(start.adding(months: closed)) قبل إتمام المرحلة \(q) التي تليها المرحلة \(phase.id)")
                    }
                }
            }
        }

        // Re-intervention cover after each handover.
        if policy.requireReintervention {
            for (key, h) in handover.sorted(by: { $0.key < $1.key }) {
                let last = min(horizon - 1, h + policy.reinterventionMonths - 1)
                guard h <= last else { continue }
                for i in h...last {
                    let covered = scenario.sites.contains { site in
                        site.supports.contains(key.region) && (closedAt[site.id].map { $0 > i } ?? true)
                    }
                    if covered { continue }
                    if mode == .deadlines, waivedAtDeadline(region: key.region, month: i, closedAt: closedAt) { break }
                    v.error(.verifierNoReintervention, en: "handover \(key) in \(start.adding(months: h)): no open site can re-intervene in \(key.region) in \(start.adding(months: i))",
                    ar: "التسليم \(key) في \(start.adding(months: h)): لا موقع مفتوحًا يستطيع التدخل مجددًا في \(key.region) في \(start.adding(months: i))")
                    break
                }
            }
        }

        // Risk debt: every handover before its gate held, with its months.
        var debt: [String: Int] = [:]
        for (key, h) in handover {
            let month = start.adding(months: h)
            if gateHeld(key, at: month) && !earlyKeys.contains(key) { continue }
            let from = (h..<horizon).first { gateHeld(key, at: start.adding(months: $0)) } ?? horizon
            debt["\(key.capability)/\(key.region)@\(month)"] = max(0, from - h)
        }
        var result = Replay()
        result.diagnostics = v.diagnostics
        result.closedAt = closedAt
        result.handover = handover
        for phase in scenario.phases { result.completion[phase.id] = complete(phase.id, 0) }
        result.headcounts = headcounts
        result.personnelMonths = personnelMonths
        result.debt = debt
        result.riskDebtAdviserMonths = adviserDebt
        return result
    }

    /// Cover may lapse (deadline-first) only when a site that closed last among the region's
    /// supporters closed at or after its phase's deadline, or the earlier deadline of a phase
    /// that follows it.
    private func waivedAtDeadline(region: String, month i: Int, closedAt: [String: Int]) -> Bool {
        let supporters = scenario.sites.filter { $0.supports.contains(region) }
        let closings = supporters.compactMap { closedAt[$0.id] }
        guard closings.count == supporters.count, let last = closings.max(), last <= i else { return false }
        return supporters.contains { site in
            guard closedAt[site.id] == last, let phase = scenario.phases.first(where: { $0.sites.contains(site.id) }),
                  let d = effectiveDeadline(phase.id) else { return false }
            return last >= d.months(since: scenario.start)
        }
    }

    /// A phase's deadline, or the earlier deadline of any phase that (transitively) follows it.
    func effectiveDeadline(_ id: String, depth: Int = 0) -> YearMonth? {
        guard depth <= scenario.phases.count else { return nil }
        var result = scenario.phase(id)?.deadline
        for later in scenario.phases where later.after.contains(id) {
            if let d = effectiveDeadline(later.id, depth: depth + 1) { result = min(result ?? d, d) }
        }
        return result
    }

    private func max2(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return max(a, b)
    }

    /// Whether the gate has held for the policy's months, ending in `month`.
    func gateHeld(_ key: GateKey, at month: YearMonth) -> Bool {
        let need = scenario.policy.holdMonths
        guard need > 0 else { return true }
        for back in 0..<need where !conditionsMet(key, in: month.adding(months: -back)) { return false }
        return true
    }

    private func conditionsMet(_ key: GateKey, in month: YearMonth) -> Bool {
        let policy = scenario.policy
        guard let threat = book.rating(.init(factor: .threat, region: key.region, capability: nil), asOf: month),
              let requirement = book.rating(.init(factor: .requirement, region: key.region, capability: key.capability), asOf: month),
              let capability = book.rating(.init(factor: .capability, region: key.region, capability: key.capability), asOf: month),
              let t = threat.value, let r = requirement.value, let c0 = capability.value
        else { return false }
        let capabilityScale = scenario.currentScale(for: .capability)
        let rate = scenario.growth.rate(for: key.capability)
        var grown = Double.infinity
        // Every party's rating grows from its own month; a resolution from the month it was made.
        let bases: [(Double, YearMonth)] = capability.resolution != nil || capability.byParty.isEmpty
            ? [(c0, capability.basisMonth)] : capability.byParty.map { ($0.value, $0.month) }
        for (value, basis) in bases {
            let elapsed = Double(Swift.max(0, month.months(since: basis)))
            grown = Swift.min(grown, Swift.min(Double(capabilityScale.maximum), value + elapsed * rate))
        }
        let c = capabilityScale.convert(grown, to: scenario.currentScale(for: .requirement))
        if c < r - 1e-9 { return false }
        if t > policy.threatCeiling + 1e-9 { return false }
        if policy.blockRisingThreat && threat.trend == .rising { return false }
        return true
    }
}

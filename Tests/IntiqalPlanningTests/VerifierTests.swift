import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// The independent verifier accepts every planned schedule and catches every kind of tampering,
/// naming what is wrong.
@Suite struct VerifierTests {
    static let seeds: ClosedRange<UInt64> = 1...200

    static func planned(seed: UInt64, months: Int, mode: PlanMode) throws -> (Scenario, Plan) {
        let scenario = RandomScenario.make(seed: seed, months: months)
        return (scenario, try Planner(scenario: scenario).plan(mode: mode))
    }

    // MARK: - Properties

    @Test(arguments: PlanMode.allCases, [3, 5, 7])
    func everyPlannedScheduleOfARandomScenarioVerifies(mode: PlanMode, months: Int) throws {
        var failures: [String] = []
        for seed in Self.seeds {
            let (scenario, plan) = try Self.planned(seed: seed, months: months, mode: mode)
            let result = PlanVerifier(scenario: scenario).verify(plan)
            if !result.ok || !plan.verification.ok { failures.append("seed \(seed): \(result.violations)") }
            if result != plan.verification { failures.append("seed \(seed): verifier not deterministic") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(Self.seeds.count) plans rejected: \(failures.prefix(3))")
    }

    @Test(arguments: [3, 5])
    func conditionsFirstNeverDepartsBeforeTheGateHeld(months: Int) throws {
        for seed in Self.seeds {
            let (scenario, plan) = try Self.planned(seed: seed, months: months, mode: .conditions)
            let verifier = PlanVerifier(scenario: scenario)
            let teams = Dictionary(uniqueKeysWithValues: scenario.sites.flatMap(\.teams).map { ($0.id, $0) })
            for move in plan.moves where move.kind == .depart {
                let key = teams[move.team!]!.gateKey
                #expect(verifier.gateHeld(key, at: move.month), "seed \(seed): \(move.team!) leaves in \(move.month)")
            }
            #expect(plan.riskDebt.isEmpty, "seed \(seed)")
        }
    }

    // MARK: - Tampering

    /// Applies `mutate` to the plans of many random scenarios; each mutation it makes must be
    /// rejected with a violation of the code it returns. Returns how many were made.
    struct Sample: Sendable {
        var seed: UInt64
        var months: Int
        var scenario: Scenario
        var plan: Plan
    }

    /// Verified plans of random scenarios, planned once and shared by the tampering tests.
    static let samples: [Sample] = PlanMode.allCases.flatMap { mode in
        [4, 6].flatMap { months in
            (UInt64(1)...150).compactMap { seed in
                guard let (scenario, plan) = try? planned(seed: seed, months: months, mode: mode) else { return nil }
                return Sample(seed: seed, months: months, scenario: scenario, plan: plan)
            }
        }
    }.filter(\.plan.verification.ok)

    /// Applies `mutate` to the plans of many random scenarios; each mutation it makes must be
    /// rejected with a violation of the code it returns. Returns how many were made.
    @discardableResult
    static func tamper(modes: [PlanMode] = PlanMode.allCases, sourceLocation: SourceLocation = #_sourceLocation,
                       _ mutate: (Scenario, inout Plan) -> DiagnosticCode?) -> Int {
        var applied = 0
        for sample in samples where modes.contains(sample.plan.mode) {
            var plan = sample.plan
            guard let expected = mutate(sample.scenario, &plan) else { continue }
            applied += 1
            let result = PlanVerifier(scenario: sample.scenario).verify(plan)
            let label = "seed \(sample.seed) \(plan.mode) \(sample.months) months"
            #expect(!result.ok, "\(label): tampering not caught (\(expected))", sourceLocation: sourceLocation)
            #expect(result.diagnostics.contains { $0.code == expected && $0.severity == .error },
                    "\(label): no violation has code \(expected): \(result.diagnostics.map(\.code))", sourceLocation: sourceLocation)
        }
        #expect(applied >= 10, "the mutation applied to only \(applied) plans", sourceLocation: sourceLocation)
        return applied
    }

    static func team(_ id: String?, in scenario: Scenario) -> AdviserTeam? {
        scenario.sites.flatMap(\.teams).first { $0.id == id }
    }

    @Test func departureMovedBeforeItsGateIsCaught() {
        Self.tamper(modes: [.conditions]) { scenario, plan in
            let verifier = PlanVerifier(scenario: scenario)
            for (i, move) in plan.moves.enumerated() where move.kind == .depart && move.month > scenario.start {
                let earlier = move.month.adding(months: -1)
                guard let team = Self.team(move.team, in: scenario), !verifier.gateHeld(team.gateKey, at: earlier) else { continue }
                plan.moves[i].month = earlier
                return .verifierGateNotHeld
            }
            return nil
        }
    }

    @Test func raisedPersonnelIsCaught() {
        Self.tamper { scenario, plan in
            guard let i = plan.moves.firstIndex(where: { $0.kind == .depart }) else { return nil }
            plan.moves[i].personnel += 1
            return .verifierSiteHeadcountMismatch
        }
    }

    @Test func departureOfMoreThanRemainIsCaught() {
        Self.tamper { scenario, plan in
            guard let i = plan.moves.lastIndex(where: { $0.kind == .depart }), let team = Self.team(plan.moves[i].team, in: scenario)
            else { return nil }
            let before = plan.moves[..<i].filter { $0.kind == .depart && $0.team == team.id }.reduce(0) { $0 + $1.personnel }
            let remain = team.headcount - before
            plan.moves[i].personnel = remain + 1
            return .verifierMoreLeaveThanRemain
        }
    }

    @Test func droppedMoveIsCaught() {
        Self.tamper { scenario, plan in
            guard let i = plan.moves.firstIndex(where: { $0.kind == .depart }) else { return nil }
            let removed = plan.moves.remove(at: i)
            return .verifierSiteHeadcountMismatch
        }
    }

    @Test func droppedClosureIsCaught() {
        Self.tamper { scenario, plan in
            guard let i = plan.moves.firstIndex(where: { $0.kind == .close }) else { return nil }
            let removed = plan.moves.remove(at: i)
            return .verifierSiteClosureMismatch
        }
    }

    @Test func changedSiteHeadcountIsCaught() {
        Self.tamper { scenario, plan in
            guard !plan.sites.isEmpty else { return nil }
            let s = plan.sites.count - 1
            let k = plan.sites[s].headcount.count / 2
            plan.sites[s].headcount[k].personnel += 7
            return .verifierSiteHeadcountMismatch
        }
    }

    @Test func changedHandoverMonthIsCaught() {
        Self.tamper { scenario, plan in
            guard !plan.handovers.isEmpty else { return nil }
            let h = plan.handovers[0]
            let moved = h.month > scenario.start ? h.month.adding(months: -1) : h.month.adding(months: 1)
            plan.handovers[0].month = moved
            return .verifierHandoverNotHappening
        }
    }

    @Test func handoverLeftOutOfTheReportIsCaught() {
        Self.tamper { scenario, plan in
            guard !plan.handovers.isEmpty else { return nil }
            let h = plan.handovers.removeLast()
            return .verifierHandoverUnreported
        }
    }

    @Test func mergingTwoMonthsOverCapacityIsCaught() {
        Self.tamper { scenario, plan in
            let months = Set(plan.moves.map(\.month)).sorted()
            for (a, b) in zip(months, months.dropFirst()) {
                let merged = plan.moves.filter { $0.month == a || $0.month == b }
                let total = merged.reduce(0) { $0 + $1.personnel }
                var bySite: [String: Int] = [:]
                for move in merged { bySite[move.site, default: 0] += move.personnel }
                let overSite = bySite.sorted { $0.key < $1.key }.first { $0.value > scenario.capacity.limit(for: $0.key) }
                guard total > scenario.capacity.overallPerMonth || overSite != nil else { continue }
                // Later moves into the earlier of the two months keeps their order and their gates
                // held only if they held then; move the earlier ones later instead.
                for i in plan.moves.indices where plan.moves[i].month == a { plan.moves[i].month = b }
                if total > scenario.capacity.overallPerMonth {
                    return .verifierCapacityExceeded
                }
                let (site, n) = overSite!
                return .verifierSiteCapacityExceeded
            }
            return nil
        }
    }

    @Test func relocationToASiteThatDoesNotSupportTheRegionIsCaught() {
        Self.tamper { scenario, plan in
            for site in scenario.sites {
                for team in site.teams {
                    guard let other = scenario.sites.first(where: { $0.id != site.id && !$0.supports.contains(team.region) })
                    else { continue }
                    let move = Plan.Move(month: scenario.start, kind: .relocate, site: site.id, team: team.id, to: other.id,
                                         personnel: team.headcount, reason: "tampered")
                    plan.moves.insert(move, at: 0)
                    return .verifierTargetUnsupported
                }
            }
            return nil
        }
    }

    @Test func closingASiteWithAdvisersLeftIsCaught() {
        Self.tamper { scenario, plan in
            for (c, close) in plan.moves.enumerated() where close.kind == .close {
                let departs = plan.moves.filter { $0.kind == .depart && $0.site == close.site }
                guard let first = departs.map(\.month).min(), departs.contains(where: { $0.month > first }) else { continue }
                plan.moves[c].month = first
                let left = departs.filter { $0.month > first }.reduce(0) { $0 + $1.personnel }
                return .verifierAdvisersAtClosingSite
            }
            return nil
        }
    }

    @Test func planOfAnotherScenarioIsCaught() {
        Self.tamper { scenario, plan in
            plan.scenario = "somewhere-else"
            return .verifierWrongScenario
        }
    }

    @Test func understatedRiskDebtIsCaught() {
        Self.tamper(modes: [.deadlines]) { scenario, plan in
            guard let debt = plan.riskDebt.first else { return nil }
            plan.riskDebt.removeFirst()
            return .verifierRiskDebtMissing
        }
    }

    // MARK: - The bundled scenario

    @Test func relocationOutOfAnbarSupportInTheIraqPlanIsCaught() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        var plan = try Planner(scenario: scenario).plan(mode: .conditions)
        #expect(plan.verification.ok)
        plan.moves.insert(Plan.Move(month: scenario.start, kind: .relocate, site: "ain-al-asad", team: "aaa-anbar-air",
                                    to: "victory", personnel: 150, reason: "tampered"), at: 0)
        let result = PlanVerifier(scenario: scenario).verify(plan)
        #expect(!result.ok)
        #expect(result.diagnostics.contains {
            $0.code == .verifierTargetUnsupported && $0.message.en == "relocate aaa-anbar-air in 2024-10: victory does not support anbar"
                && $0.location.path == "moves[0]" && $0.message.ar?.isEmpty == false
        }, "\(result.violations)")
    }

    @Test func earlyAirCoverDepartureInTheIraqConditionsPlanIsCaught() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        var plan = try Planner(scenario: scenario).plan(mode: .conditions)
        let i = try #require(plan.moves.firstIndex { $0.team == "aaa-anbar-air" && $0.kind == .depart })
        plan.moves[i].month = YearMonth(year: 2025, month: 3)
        let result = PlanVerifier(scenario: scenario).verify(plan)
        #expect(!result.ok)
        #expect(result.diagnostics.contains { $0.code == .verifierGateNotHeld && $0.message.en.hasPrefix("depart aaa-anbar-air in 2025-03:") },
                "\(result.violations)")
    }
}

extension VerifierTests {
    @Test func overstatedHandoverCountIsCaught() {
        Self.tamper { _, plan in
            plan.totals.handovers += 1
            return .verifierHandoverTotalMismatch
        }
    }

    @Test func understatedPersonnelLeftAtTheEndIsCaught() {
        Self.tamper { _, plan in
            guard plan.totals.remainingAtEnd > 0 else { return nil }
            plan.totals.remainingAtEnd -= 1
            return .verifierRemainingMismatch
        }
    }

    @Test func phaseClaimingItsDeadlineIsCaught() {
        Self.tamper { _, plan in
            guard let p = plan.phases.firstIndex(where: { $0.meetsDeadline == false }) else { return nil }
            plan.phases[p].meetsDeadline = true
            return .verifierPhaseDeadlineMismatch
        }
    }

    @Test func phaseWithAWrongSlackIsCaught() {
        Self.tamper { _, plan in
            guard let p = plan.phases.firstIndex(where: { $0.slackMonths != nil }) else { return nil }
            plan.phases[p].slackMonths! += 2
            return .verifierPhaseSlackMismatch
        }
    }
}

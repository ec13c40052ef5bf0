import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// A scenario built in code (or read from a workspace) skips the loader's range checks: the
/// engine refuses values outside `InputLimits` with an error naming each field, and never traps.
@Suite struct InputLimitTests {
    static func example() throws -> Scenario { try ScenarioLoader.loadBundled("iraq-2024").scenario }

    /// The example with one change made by `edit`.
    static func edited(_ edit: (inout Scenario) -> Void) throws -> Scenario {
        var s = try example()
        edit(&s)
        return s
    }

    static let hostile: [(String, @Sendable (inout Scenario) -> Void)] = [
        ("headcount", { $0.sites[0].teams[0].headcount = Int.max / 2 }),
        ("headcount", { $0.sites[0].teams[0].headcount = 4_611_686_018_427_387_904 }),
        ("headcount", { $0.sites[0].teams[0].headcount = -5 }),
        ("minimumGarrison", { $0.sites[0].minimumGarrison = Int.max }),
        ("overallPerMonth", { $0.capacity.overallPerMonth = Int.max }),
        ("perSite", { $0.capacity.perSite[$0.sites[0].id] = Int.min }),
        ("horizonMonths", { $0.horizonMonths = Int.max }),
        ("holdMonths", { $0.policy.holdMonths = Int.max }),
        ("reinterventionMonths", { $0.policy.reinterventionMonths = Int.max }),
        ("start", { $0.start = YearMonth(year: Int.max / 12, month: 1) }),
        ("deadline", { $0.phases[0].deadline = YearMonth(year: Int.max / 12, month: 1) }),
        ("assessments[0].month", { $0.assessments[0].month = YearMonth(year: Int.max / 12, month: 1) }),
        ("assessments[0].value", { $0.assessments[0].value = .infinity }),
        ("threatCeiling", { $0.policy.threatCeiling = .nan }),
        ("scales", { $0.scales = [RatingScale(factor: .capability, version: 2, minimum: Int.min, maximum: Int.max)] }),
        ("incidents[0].count", { $0.incidents[0].count = Int.max }),
    ]

    @Test(arguments: 0..<hostile.count)
    func plannerRefusesAValueOutOfRangeNamingItsField(case index: Int) throws {
        let (field, edit) = Self.hostile[index]
        let scenario = try Self.edited(edit)
        #expect {
            _ = try Planner(scenario: scenario)
        } throws: { error in
            guard let error = error as? PlanningError else { return false }
            return error.isInputOutOfRange && error.description.contains(field)
        }
    }

    @Test(arguments: PlanMode.allCases)
    func hugeHeadcountAndGarrisonGiveAnErrorInEitherModeNotATrap(mode: PlanMode) throws {
        let scenario = try Self.edited {
            $0.sites[0].teams[0].headcount = Int.max / 2
            $0.sites[1].teams[0].headcount = Int.max / 2
            $0.sites[0].minimumGarrison = Int.max
        }
        do {
            _ = try Planner(scenario: scenario).plan(mode: mode)
            Issue.record("a scenario with headcount Int.max / 2 was planned")
        } catch {
            #expect(error.problems.count == 3)
            #expect(error.description.contains("sites[0].teams[0].headcount is \(Int.max / 2), outside 0…100000"))
            #expect(error.description.contains("sites[0].minimumGarrison"))
        }
    }

    @Test(arguments: PlanMode.allCases)
    func verifierRejectsAScenarioOutOfRangeWithoutReplaying(mode: PlanMode) throws {
        let plan = try Planner(scenario: try Self.example()).plan(mode: mode)
        let scenario = try Self.edited {
            $0.sites[0].teams[0].headcount = Int.max / 2
            $0.sites[0].minimumGarrison = Int.max
            $0.horizonMonths = Int.max
        }
        let result = PlanVerifier(scenario: scenario).verify(plan)
        #expect(!result.ok)
        #expect(Set(result.diagnostics.map(\.code)) == [.verifierInputOutOfRange])
        #expect(result.violations.contains { $0.hasPrefix("scenario: sites[0].teams[0].headcount") })
        #expect(result.violations.contains { $0.hasPrefix("scenario: horizonMonths") })
        #expect(!PlanVerifier(scenario: scenario).replay(plan.moves, mode: mode).violations.isEmpty)
    }

    @Test func verifierRejectsAMoveLargerThanAnyTeamWithoutAddingItUp() throws {
        let scenario = try Self.example()
        var plan = try Planner(scenario: scenario).plan(mode: .conditions)
        let i = try #require(plan.moves.firstIndex { $0.kind == .depart })
        plan.moves[i].personnel = Int.max
        var twin = plan.moves[i]
        twin.personnel = Int.max
        plan.moves.append(twin)
        let result = PlanVerifier(scenario: scenario).verify(plan)
        #expect(!result.ok)
        #expect(result.diagnostics.filter { $0.code == .verifierMoveTooLarge }.count == 2)
        // Exposures of such a plan do not trap either.
        _ = try Planner(scenario: scenario).exposures(of: plan)
    }

    @Test func valuesAtTheUpperLimitsArePlannedAndVerified() throws {
        let scenario = try Self.edited {
            for s in $0.sites.indices {
                $0.sites[s].minimumGarrison = InputLimits.garrison.upperBound
                for t in $0.sites[s].teams.indices { $0.sites[s].teams[t].headcount = InputLimits.headcount.upperBound }
            }
            $0.capacity.overallPerMonth = InputLimits.capacity.upperBound
            $0.capacity.perSite = [:]
        }
        for mode in PlanMode.allCases {
            let plan = try Planner(scenario: scenario).plan(mode: mode)
            #expect(plan.verification.ok, "\(plan.verification.violations.prefix(3))")
        }
    }
}

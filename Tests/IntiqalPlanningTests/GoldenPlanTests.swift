import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalScenario
import Testing

/// The plans of the bundled scenarios, in both modes, against golden JSON files
/// (`Fixtures/<scenario>.<mode>.expected.json`). Set `INTIQAL_RECORD=1` to re-record them in the
/// source tree after an intended change, then review the diff.
@Suite struct GoldenPlanTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var recording: Bool { ProcessInfo.processInfo.environment["INTIQAL_RECORD"] == "1" }

    static func plan(_ name: String, _ mode: PlanMode) throws -> (scenario: Scenario, plan: Plan) {
        let scenario = try ScenarioLoader.loadBundled(name).scenario
        return (scenario, try Planner(scenario: scenario).plan(mode: mode))
    }

    static func json(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
    }

    static let cases: [(String, PlanMode)] = ScenarioLoader.bundledNames.flatMap { name in PlanMode.allCases.map { (name, $0) } }

    @Test(arguments: cases)
    func planMatchesGoldenFile(scenario name: String, mode: PlanMode) throws {
        let text = try Self.json(Self.plan(name, mode).plan)
        let url = Self.fixtures.appendingPathComponent("\(name).\(mode.rawValue).expected.json")
        if Self.recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        try #require(expected != nil, "missing golden file \(url.path); run with INTIQAL_RECORD=1 to record it")
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected!.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                plan of \(name) (\(mode.rawValue)) differs from \(url.lastPathComponent) from line \(first + 1):
                  expected: \(first < b.count ? String(b[first]) : "<end>")
                  actual:   \(first < a.count ? String(a[first]) : "<end>")
                re-record with INTIQAL_RECORD=1 if the change is intended
                """)
        }
    }

    @Test(arguments: cases)
    func goldenPlanDecodesToThePlanned(scenario name: String, mode: PlanMode) throws {
        let planned = try Self.plan(name, mode).plan
        let decoded = try JSONDecoder().decode(Plan.self, from: Data(Self.json(planned).utf8))
        #expect(decoded == planned)
    }

    @Test(arguments: cases)
    func everyBundledPlanVerifies(scenario name: String, mode: PlanMode) throws {
        let (scenario, plan) = try Self.plan(name, mode)
        #expect(plan.verification.ok, "\(plan.verification.violations)")
        #expect(plan.verification.violations.isEmpty)
        let again = PlanVerifier(scenario: scenario).verify(plan)
        #expect(again.ok, "\(again.violations)")
        #expect(plan.scenario == name)
        #expect(plan.mode == mode)
    }

    @Test func iraqConditionsFirstMissesTheFederalIraqDeadlineBecauseOfAirCoverInAnbar() throws {
        let plan = try Self.plan("iraq-2024", .conditions).plan
        let phase = try #require(plan.phases.first { $0.id == "federal-iraq" })
        #expect(phase.deadline == YearMonth(year: 2025, month: 9))
        #expect(phase.meetsDeadline == false)
        let completes = try #require(phase.completes)
        #expect(completes > YearMonth(year: 2025, month: 9))
        #expect(phase.slackMonths.map { $0 < 0 } == true)
        #expect(phase.slackMonths == YearMonth(year: 2025, month: 9).months(since: completes))
        let explanation = try #require(phase.explanation)
        #expect(explanation.contains("phase federal-iraq cannot complete by 2025-09 in conditions-first"), "\(explanation)")
        #expect(explanation.contains("gate air-cover/anbar"), "\(explanation)")
        #expect(plan.findings.contains { $0.phase == "federal-iraq" && $0.message == explanation })
        #expect(phase.actual == YearMonth(year: 2026, month: 1))
        // Conditions-first never hands over before a gate holds.
        #expect(plan.riskDebt.isEmpty)
        #expect(plan.totals.forcedHandovers == 0)
        #expect(plan.handovers.allSatisfy { !$0.forced && $0.gate.met })
    }

    @Test func iraqAirCoverAnbarHandoverWaitsForItsGate() throws {
        let plan = try Self.plan("iraq-2024", .conditions).plan
        let handover = try #require(plan.handovers.first { $0.region == "anbar" && $0.capability == "air-cover" })
        let phase = try #require(plan.phases.first { $0.id == "federal-iraq" })
        #expect(handover.month > YearMonth(year: 2025, month: 9))
        #expect(handover.month <= phase.completes!)
        #expect(handover.gate.heldMonths >= 3)
        #expect(handover.gate.requiredMonths == 3)
        #expect((handover.gate.capability ?? 0) + 1e-9 >= handover.gate.requirement ?? .infinity)
        #expect((handover.gate.threat ?? .infinity) <= 3)
    }

    @Test(arguments: PlanMode.allCases)
    func iraqHeadcountStartsAtTheFilesPosture(mode: PlanMode) throws {
        let (scenario, plan) = try Self.plan("iraq-2024", mode)
        let initial = scenario.sites.reduce(0) { $0 + $1.initialHeadcount }
        #expect(initial == 2_680)   // 2,500 US (teams and garrisons) + 60 GBR + 40 AUS + 80 FRA
        let partners = scenario.sites.flatMap(\.teams).filter { $0.nation != "USA" }.reduce(0) { $0 + $1.headcount }
        #expect(partners == 180)
        let first = scenario.start
        let present = plan.sites.reduce(0) { $0 + ($1.headcount.first?.personnel ?? 0) }
        let left = plan.moves.filter { $0.month == first && $0.kind != .relocate }.reduce(0) { $0 + $1.personnel }
        #expect(present + left == initial)
        #expect(plan.sites.allSatisfy { $0.headcount.count == scenario.horizonMonths })
        #expect(plan.sites.allSatisfy { $0.headcount.first?.month == first })
        #expect(plan.sites.map(\.id) == ["ain-al-asad", "victory", "harir"])
    }

    @Test func iraqDeadlineFirstMeetsBothDeadlinesWithRiskDebt() throws {
        let plan = try Self.plan("iraq-2024", .deadlines).plan
        #expect(plan.phases.map(\.id) == ["federal-iraq", "kurdistan-syria"])
        for phase in plan.phases {
            #expect(phase.meetsDeadline == true, "\(phase.id): \(phase.explanation ?? "")")
            let completes = try #require(phase.completes)
            #expect(completes <= phase.deadline!)
            #expect((phase.slackMonths ?? -1) >= 0)
        }
        #expect(!plan.riskDebt.isEmpty)
        #expect(plan.riskDebt.allSatisfy { $0.months > 0 && !$0.unmet.isEmpty })
        #expect(plan.totals.riskDebtMonths == plan.riskDebt.reduce(0) { $0 + $1.months })
        #expect(plan.totals.forcedHandovers > 0)
        #expect(plan.totals.riskDebtAdviserMonths > 0)
        #expect(plan.riskDebt.contains { $0.region == "anbar" && $0.capability == "air-cover" })
    }

    @Test func contestedScenarioPlansVerifyInBothModes() throws {
        let conditions = try Self.plan("contested-2025", .conditions).plan
        let deadlines = try Self.plan("contested-2025", .deadlines).plan
        #expect(conditions.verification.ok)
        #expect(deadlines.verification.ok)
        #expect(conditions.riskDebt.isEmpty)
        #expect(conditions.start == deadlines.start)
        #expect(conditions.end == deadlines.end)
    }
}

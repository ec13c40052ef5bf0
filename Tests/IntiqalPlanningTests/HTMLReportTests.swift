import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// The HTML report's charts and period line: round axis ticks, an arrow that points the way the
/// text reads, labels that do not run into their bars.
@Suite struct HTMLReportTests {
    static func isRound(_ step: Int) -> Bool {
        var k = 1
        while k <= step {
            if [1, 2, 5, 10].map({ $0 * k }).contains(step) || (k >= 10 && step * 2 == 5 * k) { return true }
            k *= 10
        }
        return false
    }

    @Test(arguments: [1, 3, 7, 10, 48, 99, 212, 424, 636, 1060, 1_234, 99_999, 1_000_000])
    func ticksAreRoundAndCoverThePeak(peak: Int) {
        let ticks = AxisTicks(peak: peak)
        #expect(Self.isRound(ticks.step), "step \(ticks.step) for peak \(peak)")
        #expect(ticks.values.first == 0 && ticks.top >= peak && ticks.top - ticks.step < peak)
        #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $1 - $0 == ticks.step })
        #expect((2...11).contains(ticks.values.count), "\(ticks.values)")
    }

    @Test func ticksOfTheExampleAreRoundNumbers() {
        #expect(AxisTicks(peak: 1060).values == [0, 250, 500, 750, 1000, 1250])
        #expect(AxisTicks(peak: 212).values == [0, 50, 100, 150, 200, 250])
        #expect(AxisTicks(peak: 7).values == [0, 2, 4, 6, 8])
    }

    @Test func chartOfTheExampleHasRoundTicks() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        let plan = try Planner(scenario: scenario).plan(mode: .conditions)
        let chart = PlanHTMLRenderer(scenario: scenario).chart(plan, names: Names(scenario: scenario, language: .en), rtl: false)
        let peak = plan.sites.flatMap { $0.headcount.map(\.personnel) }.max()!
        for tick in AxisTicks(peak: peak).values { #expect(chart.contains(">\(tick)</text>")) }
    }

    @Test func periodArrowPointsTheWayTheTextReads() {
        let start = YearMonth(year: 2024, month: 10), end = YearMonth(year: 2027, month: 9)
        #expect(PlanHTMLRenderer.period(start, end, rtl: false) == "<bdi>2024-10</bdi> → <bdi>2027-09</bdi>")
        #expect(PlanHTMLRenderer.period(start, end, rtl: true) == "<bdi>2024-10</bdi> ← <bdi>2027-09</bdi>")
    }

    @Test func arabicReportPeriodArrowPointsLeft() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        let plan = try Planner(scenario: scenario).plan(mode: .conditions)
        let html = PlanHTMLRenderer(scenario: scenario, language: .ar).render(plan)
        #expect(html.contains("<bdi>2024-10</bdi> ← <bdi>2027-09</bdi>"))
        #expect(!html.contains("</bdi> → <bdi>"))
    }

    @Test func phaseLabelsFitTheirColumn() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        let plan = try Planner(scenario: scenario).plan(mode: .conditions)
        let names = plan.phases.map(\.name)
        let (width, characters) = PlanHTMLRenderer.labelColumn(names)
        for name in names where name.count <= characters {
            #expect(Double(name.count) * PlanHTMLRenderer.labelCharacterWidth + 4 < width, "\(name)")
        }
        // Phase 2's long name now fits before its bar begins.
        let phase2 = try #require(names.first { $0.hasPrefix("Phase 2") })
        #expect(Double(phase2.count) * PlanHTMLRenderer.labelCharacterWidth > 320 - 16)
        let gantt = PlanHTMLRenderer(scenario: scenario).gantt(plan, names: Names(scenario: scenario, language: .en), rtl: false)
        #expect(gantt.contains(">\(phase2)</text>"))
        #expect(gantt.contains("<rect x=\"\(Double(Int(width * 10)) / 10)\""))
        #expect(PlanHTMLRenderer.fit(String(repeating: "x", count: 200), characters: 80).count == 80)
    }
}

import IntiqalDomain
import IntiqalPlanning
import IntiqalRisk

/// The terminal form of a risk comparison (`intiqal risk --format table`), in English or
/// Arabic: the plan, the other mode and no change side by side, the plan's regions, the notes.
public struct RiskTableRenderer: Sendable {
    public let scenario: Scenario
    public let language: Language

    public init(scenario: Scenario, language: Language = .en) {
        self.scenario = scenario
        self.language = language
    }

    func text(_ en: String, _ ar: String) -> String { language == .ar ? ar : en }

    func modeName(_ mode: PlanMode) -> String {
        switch mode {
        case .conditions: text("conditions-first plan", "خطة الشروط أولاً")
        case .deadlines: text("deadline-first plan", "خطة المواعيد أولاً")
        }
    }

    static func percent(_ p: Double) -> String { PlanTableRenderer.percent(p) }

    static func interval(_ ci: [Double]) -> String { ci.count == 2 ? "\(percent(ci[0]))–\(percent(ci[1]))" : "–" }

    static func incidents(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    public func render(_ c: PlanRisk.Comparison) -> String {
        let r = c.report
        let t = r.threshold
        var out = text("Risk of resurgence: ", "خطر عودة التنظيم: ") + TextTable.isolate(scenario.name.text(language)) + "\n"
        out += text("\(r.runs) runs, seed \(r.seed), \(r.months) months; resurgence = at least \(t.incidentsPerMonth) incidents in a region in each of \(t.consecutiveMonths) consecutive months",
                    "\(r.runs) محاكاة، البذرة \(r.seed)، \(r.months) شهراً؛ العودة = \(t.incidentsPerMonth) حادثة أو أكثر في منطقة ما في كل شهر من \(t.consecutiveMonths) أشهر متتالية") + "\n\n"
        var table = TextTable([text("Plan", "الخطة"), text("P(resurgence)", "احتمال العودة"), text("95% interval", "مجال الثقة 95%"),
                               text("Expected incidents", "الحوادث المتوقعة")], numeric: [1, 2, 3])
        table.add([modeName(c.mode), Self.percent(r.pResurgence), Self.interval(r.ci95), Self.incidents(r.expectedIncidents)])
        table.add([modeName(c.otherMode), Self.percent(c.other.pResurgence), Self.interval(c.other.ci95), Self.incidents(c.other.expectedIncidents)])
        table.add([text("no change (no drawdown)", "دون تغيير (دون انسحاب)"), Self.percent(r.baseline.pResurgence),
                   Self.interval(r.baseline.ci95), Self.incidents(r.baseline.expectedIncidents)])
        out += table.render()
        out += "\n" + text("By region (\(modeName(c.mode)))", "حسب المنطقة (\(modeName(c.mode)))") + "\n"
        var regions = TextTable([text("Region", "المنطقة"), text("P(resurgence)", "احتمال العودة"), text("Expected incidents", "الحوادث المتوقعة")],
                                numeric: [1, 2])
        for region in r.byRegion {
            let name = scenario.region(region.region)?.name.text(language) ?? region.region
            regions.add([name, Self.percent(region.pResurgence), Self.incidents(region.expectedIncidents)])
        }
        out += regions.render()
        if r.illustrative {
            out += "\n" + text("Illustrative: the incident data behind this model are illustrative, not a record.",
                               "توضيحي: بيانات الحوادث التي يستند إليها هذا النموذج توضيحية وليست سجلاً فعلياً.") + "\n"
        }
        let notes = language == .ar && r.notesAr.count == r.notes.count ? r.notesAr : r.notes
        for note in notes { out += "  • \(note)\n" }
        return out
    }
}

import IntiqalDomain
import IntiqalPlanning

/// A gate's standing in one month: met (held long enough), unmet, blocked by a dispute, or not
/// needed (no adviser team works on that region × capability, so nothing waits on it).
public struct GateStatus: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case met, unmet, disputed
        case notNeeded = "not-needed"

        /// As the status table writes it.
        public var label: String { self == .notNeeded ? "not needed" : rawValue }
    }

    public var region: String
    public var capability: String
    public var month: YearMonth
    public var state: State
    public var heldMonths: Int
    public var requiredMonths: Int
    public var unmet: [String]
    /// The binding ledger decision that declared this gate met, if any.
    public var declaredMet: Int?

    /// Every region × capability gate of `scenario` in `month` (default: the latest rated
    /// month), clamped to the plan horizon.
    public static func all(_ scenario: Scenario, month: YearMonth? = nil, declared: [GateKey: Int] = [:]) -> [GateStatus] {
        let latest = scenario.assessments.map(\.month).max() ?? scenario.start
        let m = min(max(month ?? latest, scenario.start), scenario.end)
        let evaluator = GateEvaluator(scenario: scenario)
        let covered = Set(scenario.sites.flatMap { $0.teams.map(\.gateKey) })
        var out: [GateStatus] = []
        for region in scenario.regions {
            for capability in scenario.capabilities {
                let key = GateKey(region: region.id, capability: capability.id)
                guard covered.contains(key) else {
                    out.append(GateStatus(region: region.id, capability: capability.id, month: m, state: .notNeeded,
                                          heldMonths: 0, requiredMonths: scenario.policy.holdMonths,
                                          unmet: ["no adviser team works on \(key.description)"], declaredMet: declared[key]))
                    continue
                }
                let timeline = evaluator.timeline(for: key)
                let index = m.months(since: scenario.start)
                guard index >= 0, index < timeline.checks.count else { continue }
                let check = timeline.checks[index]
                let state: State = check.basis.contains(where: \.disputed) ? .disputed
                    : (check.met && check.heldMonths >= check.requiredMonths ? .met : .unmet)
                var unmet = check.unmet
                if check.met && check.heldMonths < check.requiredMonths {
                    unmet.append("held \(check.heldMonths) of \(check.requiredMonths) months")
                }
                out.append(GateStatus(region: region.id, capability: capability.id, month: m, state: state,
                                      heldMonths: check.heldMonths, requiredMonths: check.requiredMonths, unmet: unmet,
                                      declaredMet: declared[key]))
            }
        }
        return out
    }
}

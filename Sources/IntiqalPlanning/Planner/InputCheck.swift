import IntiqalDomain

/// Checks every number of a scenario that the engines compute with against `InputLimits`, so
/// that no sum, product or month arithmetic of the planner, verifier, exposures, renderers or
/// risk wiring can overflow or trap, whatever built the scenario (a file, code, a workspace).
enum InputCheck {
    /// Every value out of range, with its field path; empty when the scenario is within limits.
    static func problems(in s: Scenario) -> [String] {
        var out: [String] = []
        func range(_ value: Int, _ allowed: ClosedRange<Int>, _ field: @autoclosure () -> String) {
            if !allowed.contains(value) {
                out.append("\(field()) is \(value), outside \(allowed.lowerBound)…\(allowed.upperBound)")
            }
        }
        func finite(_ value: Double, _ field: @autoclosure () -> String, within bound: Double = 1e6) {
            if !value.isFinite || abs(value) > bound {
                out.append("\(field()) is \(value), not a finite number within ±\(Int(bound))")
            }
        }
        func month(_ m: YearMonth, _ field: @autoclosure () -> String) {
            if !InputLimits.year.contains(m.year) || !(1...12).contains(m.month) {
                out.append("\(field()) is year \(m.year) month \(m.month), outside \(InputLimits.year.lowerBound)-01…\(InputLimits.year.upperBound)-12")
            }
        }
        func count(_ n: Int, _ field: String) {
            if n > InputLimits.recordsPerSection {
                out.append("\(field) has \(n) records, more than \(InputLimits.recordsPerSection)")
            }
        }

        month(s.start, "start")
        range(s.horizonMonths, InputLimits.horizonMonths, "horizonMonths")
        range(s.policy.holdMonths, InputLimits.policyMonths, "policy.holdMonths")
        range(s.policy.reinterventionMonths, InputLimits.policyMonths, "policy.reinterventionMonths")
        finite(s.policy.threatCeiling, "policy.threatCeiling")
        finite(s.policy.disputeTolerance, "policy.disputeTolerance")
        range(s.capacity.overallPerMonth, InputLimits.capacity, "capacity.overallPerMonth")
        for (site, limit) in s.capacity.perSite.sorted(by: { $0.key < $1.key }) {
            range(limit, InputLimits.capacity, "capacity.perSite.\(site)")
        }
        finite(s.growth.withAdvisersPerMonth, "growth.withAdvisersPerMonth")
        finite(s.growth.withoutAdvisersPerMonth, "growth.withoutAdvisersPerMonth")
        for (k, rate) in s.growth.byCapability.sorted(by: { $0.key < $1.key }) { finite(rate, "growth.byCapability.\(k)") }
        for (i, c) in s.capabilities.enumerated() { finite(c.weight, "capabilities[\(i)].weight") }
        for (i, scale) in s.scales.enumerated() {
            range(scale.version, InputLimits.scaleVersion, "scales[\(i)].version")
            range(scale.minimum, InputLimits.scaleBound, "scales[\(i)].min")
            range(scale.maximum, InputLimits.scaleBound, "scales[\(i)].max")
        }
        count(s.sites.count, "sites")
        var teams = 0
        for (i, site) in s.sites.enumerated() {
            range(site.minimumGarrison, InputLimits.garrison, "sites[\(i)].minimumGarrison")
            teams += site.teams.count
            for (j, team) in site.teams.enumerated() {
                range(team.headcount, InputLimits.headcount, "sites[\(i)].teams[\(j)].headcount")
            }
        }
        count(teams, "teams")
        for (i, phase) in s.phases.enumerated() {
            if let d = phase.deadline { month(d, "phases[\(i)].deadline") }
            if let c = phase.completed { month(c, "phases[\(i)].completed") }
        }
        count(s.assessments.count, "assessments")
        for (i, a) in s.assessments.enumerated() {
            month(a.month, "assessments[\(i)].month")
            finite(a.value, "assessments[\(i)].value")
            range(a.scale.version, InputLimits.scaleVersion, "assessments[\(i)].scale")
        }
        count(s.resolutions.count, "resolutions")
        for (i, r) in s.resolutions.enumerated() {
            month(r.month, "resolutions[\(i)].month")
            finite(r.value, "resolutions[\(i)].value")
        }
        for (i, c) in s.commitments.enumerated() {
            for (j, h) in c.history.enumerated() { month(h.month, "commitments[\(i)].history[\(j)].month") }
        }
        count(s.incidents.count, "incidents")
        for (i, incident) in s.incidents.enumerated() {
            range(incident.count, InputLimits.incidentCount, "incidents[\(i)].count")
        }
        return out
    }
}

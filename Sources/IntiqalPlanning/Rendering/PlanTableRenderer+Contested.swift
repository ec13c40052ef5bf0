import IntiqalDomain

/// The parts of a plan report that a contested scenario needs: which ratings were disputed in the
/// plan's period and how they were resolved, revised rating scales, and relocations (or why none
/// was needed). Each is left out when there is nothing to say.
extension PlanTableRenderer {
    private var comma: String { language == .ar ? "، " : ", " }
    private var semicolon: String { language == .ar ? "؛ " : "; " }

    /// Every rating subject disputed in some month of the plan, with its months, the parties'
    /// values and the resolution that lifted it, if any.
    func disputes(_ plan: Plan, labels l: Labels, names: Names) -> [String] {
        let book = JointRatingBook(scenario: scenario)
        let months = plan.end.months(since: plan.start) + 1
        var lines: [String] = []
        for subject in book.subjects {
            var first: YearMonth?, last: YearMonth?, values = ""
            var resolution: Resolution?
            for i in 0..<max(0, months) {
                let month = plan.start.adding(months: i)
                guard let rating = book.rating(subject, asOf: month) else { continue }
                if rating.disputed {
                    if first == nil {
                        first = month
                        values = rating.byParty.map { "\($0.party) \(GateEvaluator.format($0.value))" }.joined(separator: comma)
                    }
                    last = month
                } else if first != nil, resolution == nil, let r = rating.resolution {
                    resolution = r
                }
            }
            guard let first, let last else { continue }
            let what = "\(l["factor.\(subject.factor.rawValue)"])\(comma)\(subject.capability.map { "\(names.capability($0)) / " } ?? "")\(names.region(subject.region))"
            var line = "\(what): \(l["disputedFrom"]) \(first)\(last > first ? "–\(last)" : "") (\(values))"
            if let resolution {
                line += "\(semicolon)\(l["resolvedBy"]) \(resolution.decision) \(l["from"]) \(resolution.month) (\(GateEvaluator.format(resolution.value)))"
            }
            lines.append(line)
        }
        return lines
    }

    /// Factors whose scale has more than one version: the versions, and that older ratings are converted.
    func scaleRevisions(labels l: Labels) -> [String] {
        var lines: [String] = []
        for factor in Factor.allCases {
            let versions = scenario.scales.filter { $0.factor == factor }.sorted { $0.version < $1.version }
            var all = versions
            if !versions.contains(where: { $0.version == 1 }), scenario.assessments.contains(where: { $0.factor == factor && $0.scale.version == 1 }) {
                all.insert(.defaultScale(for: factor), at: 0)
            }
            guard all.count > 1 else { continue }
            let older = scenario.assessments.filter { $0.factor == factor && $0.scale.version != all.last!.version }.count
            let steps = all.map { "v\($0.version) \($0.minimum)–\($0.maximum)" }.joined(separator: " → ")
            lines.append("\(l["factor.\(factor.rawValue)"]) \(l["scaleRevised"]): \(steps)\(semicolon)\(older) \(l["converted"])")
        }
        return lines
    }

    /// Relocation moves; where there are none, the teams that support a region of a later phase
    /// than their site's and leave from their own site instead.
    func relocations(_ plan: Plan, labels l: Labels, names: Names) -> [String] {
        let moves = plan.moves.filter { $0.kind == .relocate }
        if !moves.isEmpty {
            return moves.map { m in
                let reason = language == .ar ? (m.reasonAr ?? m.reason) : m.reason
                return "\(m.month) \(m.team ?? "") (\(m.personnel)): \(names.site(m.site)) → \(names.site(m.to ?? ""))\(semicolon)\(reason)"
            }
        }
        let order = PlanningContext.phaseOrder(scenario.phases)
        func rank(site: String) -> Int? { order.firstIndex { $0.sites.contains(site) } }
        func rank(region: String) -> Int? { order.firstIndex { $0.regions.contains(region) } }
        var lines: [String] = []
        for site in scenario.sites {
            for team in site.teams {
                guard let s = rank(site: site.id), let r = rank(region: team.region), r > s else { continue }
                let lastDeparture = plan.moves.filter { $0.kind == .depart && $0.team == team.id }.map(\.month).max()
                let when = lastDeparture.map { " (\($0))" } ?? ""
                lines.append("\(team.id) (\(names.capability(team.capability)) / \(names.region(team.region))): \(l["noRelocation"])\(comma)"
                             + "\(l["leavesFrom"]) \(names.site(site.id))\(when) \(l["beforeCloses"])")
            }
        }
        return lines
    }
}

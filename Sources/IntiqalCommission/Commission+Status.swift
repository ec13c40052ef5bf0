import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

extension Commission {
    /// The scenario as the viewer may see it: the ratings it may read (per slot the latest of
    /// them), with the effect of every binding decision; and the binding decisions refused.
    public func scenario(for viewer: Viewer) throws -> (scenario: Scenario, refused: [DecisionBook.RefusedDecision]) {
        try cached("scenario", viewer) { try scenario(for: viewer, report: nil) }
    }

    /// `report`: the ledger's verification when the caller needs it for more than this.
    func scenario(for viewer: Viewer, report: LedgerReport?) throws -> (scenario: Scenario, refused: [DecisionBook.RefusedDecision]) {
        try run {
            let reader = try self.reader(viewer)
            let base = try store.scenario(readableBy: reader)
            // Binding decisions are the commission's joint record: their effects only for its readers.
            guard reader.mayRead(.joint) else { return (base, []) }
            return try DecisionBook(store: store, now: now).effects(on: base, report: report)
        }
    }

    /// Gates met, unmet or disputed in `month` (default: the latest rated month the viewer can
    /// see), computed from only the ratings the viewer may read.
    public func status(month: YearMonth? = nil, for viewer: Viewer) throws -> StatusReport {
        try cached("status \(month?.description ?? "")", viewer) { try makeStatus(month: month, for: viewer) }
    }

    private func makeStatus(month: YearMonth?, for viewer: Viewer) throws -> StatusReport {
        let readable = try run { try reader(viewer).mayRead(.joint) }
        // One verification of the ledger for both the decisions' effects and the gates declared met.
        let book = DecisionBook(store: store, now: now)
        let report = readable ? try run { try book.verify() } : nil
        let (scenario, refused) = try scenario(for: viewer, report: report)
        let declared = try report.map { r in try run { try book.declaredGates(report: r) } } ?? [:]
        let gates = GateStatus.all(scenario, month: month, declared: declared)
        return StatusReport(scenario: scenario.id, gates: gates, refused: readable ? refused.map(\.description) : [],
                            marking: try derivedMarking(for: viewer))
    }

    /// The combined marking of what the viewer's derived products (status, plans) rest on: the
    /// current ratings it may read and, for readers of the joint record, the binding decisions.
    /// Its readers are the parties that may read every input (DESIGN §7). The scenario's
    /// structure is not marked yet and counts as `PUBLIC`.
    public func derivedMarking(for viewer: Viewer) throws -> Marking {
        try cached("marking", viewer) { try makeDerivedMarking(for: viewer) }
    }

    private func makeDerivedMarking(for viewer: Viewer) throws -> Marking {
        try run {
            let reader = try self.reader(viewer)
            let commission = try store.commissionParties()
            let current = AssessmentFilter(current: true).apply(try store.assessmentHistory(readableBy: reader))
            var marking: Marking = reader.mayRead(.joint) ? .joint : .public
            for r in current { marking = marking.combined(with: r.marking, commission: commission) }
            return marking
        }
    }

    /// The plan in `mode` made from only the ratings the viewer may read.
    public func plan(mode: PlanMode, for viewer: Viewer) throws -> Plan {
        try cached("plan \(mode.rawValue)", viewer) {
            let (scenario, _) = try scenario(for: viewer)
            return try run { try Planner(scenario: scenario).plan(mode: mode) }
        }
    }

    /// Audit rows the viewer may read (each carries the marking of the record it is about).
    public func auditLog(for viewer: Viewer) throws -> [AuditRecord] {
        try run {
            let reader = try self.reader(viewer)
            let rows = try store.auditLog(readableBy: reader)
            guard !reader.readsEverything else { return rows }
            // A supersede row names the rating it replaced: cut the link where that one is unreadable.
            let readable = Set(try store.assessmentHistory(readableBy: reader).map { #"{"assessment":\#($0.id)}"# })
            return rows.map { row in
                var row = row
                if row.entity == "assessment", let before = row.before, before.hasPrefix(#"{"assessment":"#), !readable.contains(before) {
                    row.before = nil
                }
                return row
            }
        }
    }
}

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
        let view = try markedScenario(for: viewer, report: report)
        return (view.scenario, view.refused)
    }

    /// The viewer's scenario, the binding decisions refused, and the combined marking of every
    /// input: the stored records it was made from and, for readers of the joint record, the
    /// ledger (`JOINT`).
    func markedScenario(for viewer: Viewer, report: LedgerReport? = nil)
        throws -> (scenario: Scenario, refused: [DecisionBook.RefusedDecision], marking: Marking) {
        try run {
            let reader = try self.reader(viewer)
            let base = try store.markedScenario(readableBy: reader)
            // Binding decisions are the commission's joint record: their effects only for its readers.
            guard reader.mayRead(.joint) else { return (base.scenario, [], base.marking) }
            let commission = try store.commissionParties()
            // A ledger that contradicts a kept signed head is not laid over anything.
            let report = try report ?? checkedLedger().report
            let (scenario, refused) = try DecisionBook(store: store, now: now).effects(on: base.scenario, report: report)
            return (scenario, refused, base.marking.combined(with: .joint, commission: commission))
        }
    }

    /// The scenario as the viewer may read it (decisions' effects laid over it) and its marking.
    public func scenarioView(for viewer: Viewer) throws -> (scenario: Scenario, marking: Marking) {
        let view = try markedScenario(for: viewer)
        return (view.scenario, view.marking)
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
        let report = readable ? try checkedLedger().report : nil
        let (scenario, refused, marking) = try markedScenario(for: viewer, report: report)
        let declared = try report.map { r in try run { try book.declaredGates(report: r) } } ?? [:]
        let gates = GateStatus.all(scenario, month: month, declared: declared)
        return StatusReport(scenario: scenario.id, gates: gates, refused: readable ? refused.map(\.description) : [],
                            marking: marking)
    }

    /// The combined marking of what the viewer's derived products (status, plans, risk) rest on:
    /// the current ratings, sites, commitments and their statuses, resolutions it may read and,
    /// for readers of the joint record, the binding decisions. Its readers are the parties that
    /// may read every input (DESIGN §7). The rest of the structure is `PUBLIC`.
    public func derivedMarking(for viewer: Viewer) throws -> Marking {
        try cached("marking", viewer) { try makeDerivedMarking(for: viewer) }
    }

    private func makeDerivedMarking(for viewer: Viewer) throws -> Marking {
        try run {
            let reader = try self.reader(viewer)
            let marking = try store.markedScenario(readableBy: reader).marking
            return reader.mayRead(.joint) ? marking.combined(with: .joint, commission: try store.commissionParties()) : marking
        }
    }

    /// The plan in `mode` made from only what the viewer may read.
    public func plan(mode: PlanMode, for viewer: Viewer) throws -> Plan {
        try markedPlan(mode: mode, for: viewer).plan
    }

    /// The plan in `mode` made from only what the viewer may read, and its combined marking;
    /// kept per reading party while the workspace does not change.
    public func markedPlan(mode: PlanMode, for viewer: Viewer) throws -> (plan: Plan, marking: Marking) {
        try cached("plan \(mode.rawValue)", viewer) {
            let view = try markedScenario(for: viewer)
            return (try run { try Planner(scenario: view.scenario).plan(mode: mode) }, view.marking)
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

import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

/// `intiqal status --workspace W [--month YYYY-MM] [--format table|json]`
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Gates met, unmet, disputed or not needed per region × capability, from the workspace's joint ratings.",
        discussion: "The month defaults to the latest rated month (within the plan horizon)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var target: WorkspaceTarget
    var workspace: String { target.location }
    @Option(parsing: .unconditional, help: "Month, YYYY-MM.") var month: String?
    @Option(parsing: .unconditional, help: "table or json.") var format: Format = .table

    func validate() throws {
        if let month { do { _ = try YearMonth.parse(month) } catch { throw ValidationError("--month: \(error)") } }
    }

    func run() async throws {
        let store = CLI.readWorkspace(workspace)
        let report = CLI.guarded { try Commission(store: store).status(month: month.flatMap { YearMonth($0) }, for: .fileHolder("cli")) }
        CLI.warn(report.refused)
        let gates = report.gates
        switch format {
        case .json:
            print(try CLI.json(gates), terminator: "")
        case .table:
            print(GateStatus.summary(scenario: report.scenario, gates: gates))
            let width = max(20, (gates.map { $0.capability.count + $0.region.count + 1 }.max() ?? 0) + 2)
            for g in gates {
                let key = "\(g.capability)/\(g.region)"
                let pad = String(repeating: " ", count: max(1, width - key.count))
                var why = g.state == .met ? "held \(g.heldMonths) months" : g.unmet.joined(separator: "; ")
                if let seq = g.declaredMet { why = "declared met (ledger entry \(seq)); " + why }
                print("  \(key)\(pad)\(g.state.label.padding(toLength: 11, withPad: " ", startingAt: 0))\(why)")
            }
        }
    }
}

import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

extension Decision.Kind: ExpressibleByArgument {}

/// `intiqal decide KIND --workspace W [...]`: proposes a decision into the ledger.
struct DecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Propose a decision; it binds once every required party's co-chair has signed (`intiqal sign`).",
        discussion: """
            KIND and its options:
              adopt-plan [--mode conditions|deadlines]     records the plan's hash and the ratings it rests on
              gate-met --region R --capability C --month M
              resolve-dispute --factor F --region R [--capability C] --month M --value V [--trend T]
              phase-complete --phase P --month M
              adopt-scale --factor F --version N
              commitment-status --commitment ID --status 0-3 --month M
            """
    )

    @Argument(help: "adopt-plan, gate-met, resolve-dispute, phase-complete, adopt-scale or commitment-status.")
    var kind: Decision.Kind

    @OptionGroup var options: WorkspaceOptions
    @Option(parsing: .unconditional, help: "Plan mode for adopt-plan.") var mode: PlanMode?
    @Option(parsing: .unconditional) var region: String?
    @Option(parsing: .unconditional) var capability: String?
    @Option(parsing: .unconditional, help: "YYYY-MM.") var month: String?
    @Option(parsing: .unconditional) var factor: Factor?
    @Option(parsing: .unconditional, help: "The resolved rating, on the factor's current scale.") var value: Double?
    @Option(parsing: .unconditional) var trend: Trend?
    @Option(parsing: .unconditional) var phase: String?
    @Option(parsing: .unconditional) var version: Int?
    @Option(parsing: .unconditional) var commitment: String?
    @Option(parsing: .unconditional, help: "Commitment status 0–3.") var status: Int?

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let commission = Commission(store: store)
        let request = DecisionRequest(kind: kind, mode: mode, region: region, capability: capability, month: month, factor: factor,
                                      value: value, trend: trend, phase: phase, version: version, commitment: commitment, status: status)
        let entry = CLI.guarded { try commission.propose(request, by: options.viewer) }
        let scenario = CLI.guarded { try commission.scenario(for: options.viewer).scenario }
        if kind == .gateMet, let region, let capability, let m = month.flatMap({ YearMonth($0) }),
           let gate = GateStatus.all(scenario, month: m).first(where: { $0.region == region && $0.capability == capability }),
           gate.state != .met {
            CLI.warn(["the joint ratings show gate \(capability)/\(region) \(gate.state.rawValue) in \(gate.month): \(gate.unmet.joined(separator: "; "))"])
        }
        let decision = entry.parsedBody.flatMap(Decision.init(body:))
        print("\(options.shown): entry \(entry.seq): proposed \(decision?.summary ?? kind.rawValue)")
        print("hash: \(entry.hash)")
        print("to bind, each of \(scenario.policy.ratingParties.joined(separator: ", ")) signs: intiqal sign --workspace \(options.shown) --entry \(entry.seq) --key PARTY.key")
    }
}

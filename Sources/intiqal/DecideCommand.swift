import ArgumentParser
import Foundation
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
    @Option(help: "Plan mode for adopt-plan.") var mode: PlanMode = .conditions
    @Option var region: String?
    @Option var capability: String?
    @Option(help: "YYYY-MM.") var month: String?
    @Option var factor: Factor?
    @Option var value: Double?
    @Option var trend: Trend?
    @Option var phase: String?
    @Option var version: Int?
    @Option var commitment: String?
    @Option(help: "Commitment status 0–3.") var status: Int?

    func validate() throws {
        func need(_ names: [(String, Any?)]) throws {
            for (n, v) in names where v == nil { throw ValidationError("\(kind.rawValue) needs --\(n)") }
        }
        if let month, YearMonth(month) == nil { throw ValidationError("--month: '\(month)' is not YYYY-MM") }
        switch kind {
        case .adoptPlan: break
        case .gateMet: try need([("region", region), ("capability", capability), ("month", month)])
        case .resolveDispute:
            try need([("factor", factor), ("region", region), ("month", month), ("value", value)])
            if factor != .threat && capability == nil { throw ValidationError("resolve-dispute of \(factor!.rawValue) needs --capability") }
        case .phaseComplete: try need([("phase", phase), ("month", month)])
        case .adoptScale: try need([("factor", factor), ("version", version)])
        case .commitmentStatus:
            try need([("commitment", commitment), ("status", status), ("month", month)])
            if !(0...3).contains(status!) { throw ValidationError("--status must be 0–3") }
        }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let book = DecisionBook(store: store)
        CLI.guarded { try store.authorize(options.actor, [.propose]) }
        let scenario = CLI.guarded { try book.scenario() }
        func check(_ ok: Bool, _ message: String) { if !ok { CLI.fail(message) } }
        var payload: [String: CanonicalValue] = [:]
        if let region { check(scenario.region(region) != nil, "--region: unknown region '\(region)'"); payload["region"] = .string(region) }
        if let capability { check(scenario.capability(capability) != nil, "--capability: unknown capability area '\(capability)'"); payload["capability"] = .string(capability) }
        if let month { payload["month"] = .string(month) }
        if let factor { payload["factor"] = .string(factor.rawValue) }
        if let value { payload["value"] = .double(value) }
        if let trend { payload["trend"] = .string(trend.rawValue) }
        if let phase { check(scenario.phase(phase) != nil, "--phase: unknown phase '\(phase)'"); payload["phase"] = .string(phase) }
        if let version {
            check(factor.map { f in scenario.scales.contains { $0.factor == f && $0.version == version } || version == 1 } ?? false,
                  "--version: no \(factor?.rawValue ?? "") scale version \(version)")
            payload["version"] = .integer(Int64(version))
        }
        if let commitment { check(scenario.commitments.contains { $0.id == commitment }, "--commitment: unknown commitment '\(commitment)'"); payload["commitment"] = .string(commitment) }
        if let status { payload["status"] = .integer(Int64(status)) }
        if kind == .gateMet, let region, let capability, let m = month.flatMap({ YearMonth($0) }),
           let gate = GateStatus.all(scenario, month: m).first(where: { $0.region == region && $0.capability == capability }),
           gate.state != .met {
            FileHandle.standardError.write(Data("intiqal: warning: the joint ratings show gate \(capability)/\(region) \(gate.state.rawValue) in \(gate.month): \(gate.unmet.joined(separator: "; "))\n".utf8))
        }
        let entry: LedgerEntry
        switch kind {
        case .adoptPlan:
            let (e, plan) = CLI.guarded { try book.proposePlan(mode: mode, actor: options.actor) }
            guard plan.verification.ok else { CLI.fail("internal error: the plan did not pass verification") }
            entry = e
        default:
            let summary: String
            switch kind {
            case .gateMet: summary = "gate \(capability!)/\(region!) met from \(month!)"
            case .resolveDispute: summary = "\(factor!.rawValue) \(capability.map { "\($0)/" } ?? "")\(region!) resolved at \(value!) from \(month!)"
            case .phaseComplete: summary = "phase \(phase!) complete in \(month!)"
            case .adoptScale: summary = "adopt \(factor!.rawValue) scale version \(version!)"
            case .commitmentStatus: summary = "commitment \(commitment!) at status \(status!) from \(month!)"
            case .adoptPlan: summary = ""
            }
            entry = CLI.guarded { try book.propose(kind, summary: summary, payload: payload, actor: options.actor) }
        }
        let decision = entry.parsedBody.flatMap(Decision.init(body:))
        print("\(options.workspace): entry \(entry.seq): proposed \(decision?.summary ?? kind.rawValue)")
        print("hash: \(entry.hash)")
        print("to bind, each of \(scenario.policy.ratingParties.joined(separator: ", ")) signs: intiqal sign --workspace \(options.workspace) --entry \(entry.seq) --key PARTY.key")
    }
}

import ArgumentParser
import IntiqalLedger
import IntiqalStorage

/// `intiqal ledger verify|list --workspace W`
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check or list the workspace's decision ledger.",
        subcommands: [Verify.self, List.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every hash, link and signature; exit 1 naming the first bad entry."
        )
        @Option(name: .long, help: "The workspace file.") var workspace: String

        func run() async throws {
            let store = CLI.openWorkspace(workspace)
            let report = CLI.guarded { try DecisionBook(store: store).verify() }
            if let failure = report.failure { CLI.fail("\(workspace): ledger does not verify: \(failure)") }
            let binding = report.decisions.filter(\.binding).count
            print("\(workspace): ledger ok: \(report.entries) entries, \(report.decisions.count) decisions (\(binding) binding, \(report.decisions.count - binding) awaiting signatures)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the decisions and who has signed them.")
        @Option(name: .long, help: "The workspace file.") var workspace: String

        func run() async throws {
            let store = CLI.openWorkspace(workspace)
            let report = CLI.guarded { try DecisionBook(store: store).verify() }
            for d in report.decisions {
                let state = d.binding ? "binding" : "awaiting \(d.missing.joined(separator: ", "))"
                print("\(d.seq)\t\(d.decision.kind.rawValue)\t\(state)\t\(d.decision.summary)")
            }
            if let failure = report.failure { CLI.fail("\(workspace): ledger does not verify: \(failure)") }
        }
    }
}

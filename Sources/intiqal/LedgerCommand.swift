import ArgumentParser
import IntiqalLedger
import IntiqalStorage

/// `intiqal ledger verify|list --workspace W`
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check or list the workspace's decision ledger.",
        subcommands: [Verify.self, List.self, Show.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every hash, link and signature; exit 1 naming the first bad entry."
        )
        @Option(name: .long, parsing: .unconditional, help: "The workspace file.") var workspace: String

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            let report = CLI.guarded { try DecisionBook(store: store).verify() }
            if let failure = report.failure { CLI.fail("\(workspace): ledger does not verify: \(failure)") }
            CLI.warn(CLI.guarded { try DecisionBook(store: store).effects().refused }.map(\.description))
            let binding = report.decisions.filter(\.binding).count
            print("\(workspace): ledger ok: \(report.entries) entries, \(report.decisions.count) decisions (\(binding) binding, \(report.decisions.count - binding) awaiting signatures)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the decisions and who has signed them.")
        @Option(name: .long, parsing: .unconditional, help: "The workspace file.") var workspace: String

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            let report = CLI.guarded { try DecisionBook(store: store).verify() }
            for d in report.decisions {
                let state = d.binding ? "binding" : "awaiting \(d.missing.joined(separator: ", "))"
                print("\(d.seq)\t\(d.decision.kind.rawValue)\t\(state)\t\(d.decision.summary)")
            }
            if let failure = report.failure { CLI.fail("\(workspace): ledger does not verify: \(failure)") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entry: its canonical body, hash and, for a decision, who has signed.")
        @Option(name: .long, parsing: .unconditional, help: "The workspace file.") var workspace: String
        @Argument(help: "The entry number.") var entry: Int

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            let entries = CLI.guarded { try store.ledgerEntries() }
            guard let e = entries.first(where: { $0.seq == entry }) else { CLI.fail("\(workspace): no ledger entry \(entry)") }
            print("entry \(e.seq) (\(e.kind.rawValue))\nprev \(e.prevHash)\nhash \(e.hash)\n\(e.body)")
            let report = LedgerVerifier.verify(entries)
            if let d = report.decisions.first(where: { $0.seq == entry }) {
                print(d.binding ? "binding: signed by \(d.signedBy.sorted().joined(separator: ", "))"
                                : "awaiting \(d.missing.joined(separator: ", "))\(d.signedBy.isEmpty ? "" : "; signed by \(d.signedBy.sorted().joined(separator: ", "))")")
            }
            if let failure = report.failure { CLI.fail("\(workspace): ledger does not verify: \(failure)") }
        }
    }
}

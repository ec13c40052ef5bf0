import ArgumentParser
import Foundation
import IntiqalLedger
import IntiqalStorage

/// `intiqal ledger verify|list|show|receipt|export --workspace W`
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check or list the workspace's decision ledger.",
        subcommands: [Verify.self, List.self, Show.self, Receipt.self, Export.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every hash, link, key and signature, and the ledger against signed heads; exit 1 naming the first bad entry or receipt."
        )
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }
        @Option(name: .customLong("receipt"), parsing: .unconditionalSingleValue, help: "A signed head from `intiqal ledger receipt` (repeatable): the ledger must still hold it.")
        var receipts: [String] = []

        func run() async throws {
            let receipts = CLI.guarded { try self.receipts.map { ($0, try LedgerReceipt.read(path: $0)) } }
            let store = CLI.readWorkspace(workspace)
            let entries = CLI.guarded { try store.ledgerEntries() }
            let report = LedgerVerifier.verify(entries)
            var problems = report.failure.map { ["\(CLI.shown(workspace)): ledger does not verify: \($0)"] } ?? []
            for (path, receipt) in receipts {
                if let why = receipt.contradiction(entries: entries, report: report) {
                    problems.append("\(CLI.shown(workspace)): ledger does not match receipt \(path) (\(receipt.party), entry \(receipt.seq)): \(why)")
                }
            }
            // And the signed heads the workspace keeps (shown to the server: POST /api/v1/ledger/receipts).
            let kept = CLI.guarded { try store.signedHeads() }
            for receipt in kept {
                if let why = receipt.contradiction(entries: entries, report: report) {
                    problems.append("\(CLI.shown(workspace)): ledger does not match the signed head of \(receipt.party) for entry \(receipt.seq) kept in the workspace: \(why)")
                }
            }
            if !problems.isEmpty { CLI.fail(problems.joined(separator: "\nintiqal: ")) }
            CLI.warn(CLI.guarded { try DecisionBook(store: store).effects(report: report).refused }.map(\.description))
            let binding = report.decisions.filter(\.binding).count
            let pending = report.registrations.filter { !$0.active }.count
            print("\(CLI.shown(workspace)): ledger ok: \(report.entries) entries, \(report.decisions.count) decisions (\(binding) binding, \(report.decisions.count - binding) awaiting signatures)" +
                  (pending > 0 ? ", \(pending) key\(pending == 1 ? "" : "s") awaiting countersignature" : "") +
                  (receipts.isEmpty ? "" : ", \(receipts.count) receipt\(receipts.count == 1 ? "" : "s") held") +
                  (kept.isEmpty ? "" : ", \(kept.count) signed head\(kept.count == 1 ? "" : "s") kept in the workspace") +
                  "; head \(report.head.seq) \(report.head.hash)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the decisions and who has signed them.")
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            let report = CLI.guarded { try DecisionBook(store: store).verify() }
            for d in report.decisions {
                let state = d.binding ? "binding" : "awaiting \(d.missing.joined(separator: ", "))"
                print("\(d.seq)\t\(d.decision.kind.rawValue)\t\(state)\t\(d.decision.summary)")
            }
            if let failure = report.failure { CLI.fail("\(CLI.shown(workspace)): ledger does not verify: \(failure)") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entry: its canonical body, hash and, for a decision, who has signed.")
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }
        @Argument(help: "The entry number.") var entry: Int

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            let entries = CLI.guarded { try store.ledgerEntries() }
            guard let e = entries.first(where: { $0.seq == entry }) else { CLI.fail("\(CLI.shown(workspace)): no ledger entry \(entry)") }
            print("entry \(e.seq) (\(e.kind.rawValue))\nprev \(e.prevHash)\nhash \(e.hash)\n\(e.body)")
            let report = LedgerVerifier.verify(entries)
            if let d = report.decisions.first(where: { $0.seq == entry }) {
                print(d.binding ? "binding: signed by \(d.signedBy.sorted().joined(separator: ", "))"
                                : "awaiting \(d.missing.joined(separator: ", "))\(d.signedBy.isEmpty ? "" : "; signed by \(d.signedBy.sorted().joined(separator: ", "))")")
            }
            if let failure = report.failure { CLI.fail("\(CLI.shown(workspace)): ledger does not verify: \(failure)") }
        }
    }
}

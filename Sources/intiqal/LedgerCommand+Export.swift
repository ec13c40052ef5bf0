import ArgumentParser
import Foundation
import IntiqalLedger
import IntiqalStorage

extension LedgerCommand {
    /// `intiqal ledger export --workspace W --out DIR [--receipt FILE]…`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ledger as plain files anyone can check (docs/ledger-verification.md).",
            discussion: "DIR gets entries/NNNNNN.json (each body as stored), chain.txt, keys.json, head.txt and receipts/. It must not exist yet; it appears whole or not at all."
        )
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }
        @Option(parsing: .unconditional, help: "The directory to create.") var out: String
        @Option(name: .customLong("receipt"), parsing: .unconditionalSingleValue, help: "A signed head to include under receipts/ (repeatable).")
        var receipts: [String] = []

        func run() async throws {
            let receipts = CLI.guarded { try self.receipts.map { (URL(fileURLWithPath: $0).lastPathComponent, try LedgerReceipt.read(path: $0)) } }
            if Set(receipts.map(\.0)).count != receipts.count { CLI.fail("--receipt: two receipts have the same file name") }
            let store = CLI.readWorkspace(workspace)
            let entries = CLI.guarded { try store.ledgerEntries() }
            let fm = FileManager.default
            if fm.fileExists(atPath: out) { CLI.fail("\(out): already exists; export writes a new directory") }
            let parent = URL(fileURLWithPath: out).deletingLastPathComponent()
            let partial = parent.appendingPathComponent(".\(URL(fileURLWithPath: out).lastPathComponent).partial-\(getpid())")
            do {
                try fm.createDirectory(at: partial, withIntermediateDirectories: false)
                try LedgerExport.write(LedgerExport.files(entries: entries, receipts: receipts), to: partial.path)
                try fm.moveItem(at: partial, to: URL(fileURLWithPath: out))
            } catch {
                try? fm.removeItem(at: partial)
                CLI.fail("\(out): cannot write the export: \(error is LedgerError ? "\(error)" : (error as NSError).localizedDescription)")
            }
            print("\(out): \(entries.count) ledger entries, keys, head\(receipts.isEmpty ? "" : " and \(receipts.count) receipt\(receipts.count == 1 ? "" : "s")")")
        }
    }
}

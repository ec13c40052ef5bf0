import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalStorage

/// `intiqal export WORKSPACE [--format workspace|scenario] [--out FILE]`
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a workspace: in full (JSON that imports back to the same workspace) or as a scenario file.",
        discussion: "--format scenario writes the scenario with its current ratings, in the scenario format (JSON)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case workspace, scenario }

    @Argument(help: "The workspace file, or a PostgreSQL database URL (postgres://…).")
    var workspace: String

    @Option(parsing: .unconditional, help: "workspace (full, default) or scenario.")
    var format: Format = .workspace

    @Option(parsing: .unconditional, help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func run() async throws {
        let store = CLI.readWorkspace(workspace)
        let text: String
        switch format {
        case .workspace: text = try CLI.json(CLI.guarded { try store.exportWorkspace() })
        case .scenario: text = ScenarioWriter.json(CLI.guarded { try Commission(store: store).scenario(for: .fileHolder("cli")).scenario })
        }
        try CLI.emit(text, to: out)
    }
}

import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalScenario
import IntiqalStorage

/// `intiqal import WORKSPACE FILE`: a scenario file, or a full workspace export.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a scenario (YAML/JSON) or a full workspace export into a workspace, all or nothing.",
        discussion: """
            A scenario replaces the workspace's structure and records its ratings as new ratings where they differ. \
            A full export (`intiqal export --format workspace`) imports only into an empty workspace.
            """
    )

    @Argument(help: "The workspace file, or a PostgreSQL database URL (postgres://…).")
    var workspace: String

    @Argument(help: "A scenario file, a bundled scenario name, or a workspace export (JSON).")
    var file: String

    @Option(parsing: .unconditional, help: "Who is acting, for the audit log (default: $USER).")
    var by: String?

    func run() async throws {
        let actor = by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
        // Over the size limit (or unreadable): nil here, and the scenario loader says why.
        let data = try? InputFile.data(atPath: file)
        if let data, Self.isWorkspaceExport(data) {
            let export: WorkspaceExport
            do { export = try JSONDecoder().decode(WorkspaceExport.self, from: data) } catch let error as DecodingError {
                CLI.fail("\(file): \(CLI.describe(error))")
            }
            let commission = Commission(store: CLI.openWorkspace(workspace))
            CLI.guarded { try commission.importWorkspace(export, by: .fileHolder(actor)) }
            print("\(CLI.shown(workspace)): imported \(file) (\(export.assessments.count) ratings, \(export.ledger.count) ledger entries, \(export.audit.count) audit records)")
            return
        }
        let scenario = CLI.guarded { () throws -> Scenario in
            let (scenario, warnings) = try ScenarioLoader.load(path: file)
            CLI.printDiagnostics(warnings)
            return scenario
        }
        // The rule (administrators and the secretariat, checked inside the import's transaction) is the use case's.
        let commission = Commission(store: CLI.openWorkspace(workspace))
        let added = CLI.guarded { try commission.importScenario(scenario, by: .fileHolder(actor)) }
        print("\(CLI.shown(workspace)): imported scenario \(scenario.id) (\(added) new ratings)")
    }

    private struct FormatProbe: Decodable { var format: String? }

    /// A JSON object whose "format" is the workspace export's.
    static func isWorkspaceExport(_ data: Data) -> Bool {
        guard data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else { return false }
        return (try? JSONDecoder().decode(FormatProbe.self, from: data))?.format == WorkspaceExport.formatName
    }
}

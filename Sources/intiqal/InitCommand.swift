import ArgumentParser
import IntiqalScenario
import IntiqalStorage

/// `intiqal init WORKSPACE [--example iraq-2024]`
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: one SQLite file holding scenario, ratings, evidence, decisions and audit log."
    )

    @Argument(help: "The workspace file to create.")
    var workspace: String

    @Option(parsing: .unconditional, help: "Import a bundled example scenario (\(ScenarioLoader.bundledNames.joined(separator: ", "))).")
    var example: String?

    @Option(parsing: .unconditional, help: "Who is acting, for the audit log.")
    var by: String = "init"

    func validate() throws {
        if let example, !ScenarioLoader.bundledNames.contains(example) {
            throw ValidationError("--example: no bundled scenario '\(example)' (have: \(ScenarioLoader.bundledNames.joined(separator: ", ")))")
        }
    }

    func run() async throws {
        let scenario = example.map { name in CLI.guarded { try ScenarioLoader.loadBundled(name).scenario } }
        CLI.guarded { try SQLiteWorkspaceStore.create(path: workspace, scenario: scenario, actor: by) }
        if let scenario {
            print("\(workspace): workspace created with scenario \(scenario.id) (\(scenario.assessments.count) ratings)")
        } else {
            print("\(workspace): empty workspace created; import a scenario with `intiqal import \(workspace) FILE`")
        }
    }
}

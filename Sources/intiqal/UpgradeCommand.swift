import ArgumentParser
import IntiqalStorage

/// `intiqal upgrade --workspace W`: applies the schema migrations a workspace written by an
/// older Intiqal lacks. Write commands do this on their own; read commands never do.
struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a workspace written by an older Intiqal up to this version's schema."
    )

    @OptionGroup var target: WorkspaceTarget
    var workspace: String { target.location }

    func run() async throws {
        _ = CLI.openWorkspace(workspace)
        print("\(CLI.shown(workspace)): workspace is at this version's schema")
    }
}

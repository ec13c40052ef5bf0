import ArgumentParser
import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalScenario
import IntiqalStorage

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace file (created with `intiqal init`).")
    var workspace: String

    @Option(name: .long, help: "Who is acting, for the audit log (default: $USER).")
    var by: String?

    var actor: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli" }
}

extension CLI {
    /// The scenario to plan: the workspace's current one (its joint ratings and binding
    /// decisions) when a workspace is named, else the scenario file or bundled name.
    static func scenario(file: String, workspace: String?) throws -> Scenario {
        guard let workspace else { return try loadScenario(file) }
        return guarded { try DecisionBook(store: openWorkspace(workspace)).scenario() }
    }

    /// Opens a workspace, or exits 1 with the reason.
    static func openWorkspace(_ path: String, create: Bool = false) -> SQLiteWorkspaceStore {
        guarded { try SQLiteWorkspaceStore(path: path, create: create) }
    }

    /// Runs `body`, turning the project's errors into a message on stderr and exit status 1.
    static func guarded<T>(_ body: () throws -> T) -> T {
        do {
            return try body()
        } catch let error as StorageError {
            fail(error.description)
        } catch let error as LedgerError {
            fail(error.description)
        } catch let error as ScenarioError {
            fail(error.description)
        } catch {
            fail("\(error)")
        }
    }
}

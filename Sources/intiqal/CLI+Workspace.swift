import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalScenario
import IntiqalStorage

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "The workspace file (created with `intiqal init`).")
    var workspace: String

    @Option(name: .long, parsing: .unconditional, help: "Who is acting, for the audit log (default: $USER).")
    var by: String?

    var actor: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli" }

    /// The holder of the workspace file acting as `actor`.
    var viewer: Viewer { .fileHolder(actor) }
}

extension CLI {
    /// The scenario to plan: the workspace's current one (its joint ratings and binding
    /// decisions) when a workspace is named, else the scenario file or bundled name.
    static func scenario(file: String, workspace: String?) throws -> Scenario {
        guard let workspace else { return try loadScenario(file) }
        return guarded { try Commission(store: readWorkspace(workspace)).scenario(for: .fileHolder("cli")).scenario }
    }

    /// Opens a workspace to change it (migrating an older schema), or exits 1 with the reason.
    static func openWorkspace(_ path: String) -> SQLiteWorkspaceStore {
        guarded { try SQLiteWorkspaceStore(path: path) }
    }

    /// Opens a workspace for reading only: never creates, migrates or writes the file, and
    /// refuses one that is not a workspace. Read commands use this.
    static func readWorkspace(_ path: String) -> SQLiteWorkspaceStore {
        guarded { try SQLiteWorkspaceStore(path: path, readOnly: true) }
    }

    /// Runs `body`, turning the project's errors into a message on stderr and exit status 1.
    static func guarded<T>(_ body: () throws -> T) -> T {
        do {
            return try body()
        } catch let error as StorageError where error.needsUpgrade {
            fail(error.description + " (`intiqal upgrade --workspace …` does it)")
        } catch let error as StorageError where error.isMissing {
            fail(error.description + " (create one with `intiqal init`)")
        } catch let error as CommissionError where error.field?.allSatisfy({ $0.isLetter || $0 == "-" }) == true {
            fail("--\(error.description)")
        } catch let error as CommissionError {
            fail(error.description)
        } catch let error as StorageError where error.field != nil {
            fail("--\(error.description)")
        } catch let error as StorageError {
            fail(error.text(language))
        } catch let error as LedgerError {
            fail(error.description)
        } catch let error as ScenarioError {
            fail(error.text(language))
        } catch {
            fail("\(error)")
        }
    }
}

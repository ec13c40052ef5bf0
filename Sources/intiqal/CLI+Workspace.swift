import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalPostgres
import IntiqalScenario
import IntiqalStorage

/// Where a command's workspace is: a file (`--workspace W`), or a PostgreSQL database
/// (`--database postgres://…`, or the environment variable `INTIQAL_DATABASE_URL`, which keeps
/// the password out of process lists; a URL without a password also takes `PGPASSWORD`).
struct WorkspaceTarget: ParsableArguments {
    @Option(name: .customLong("workspace"), parsing: .unconditional, help: "The workspace file (created with `intiqal init`).")
    var file: String?

    @Option(name: .customLong("database"), parsing: .unconditional,
            help: "A PostgreSQL workspace: postgres://USER@HOST:PORT/DATABASE (or set INTIQAL_DATABASE_URL; a password from PGPASSWORD).")
    var database: String?

    static var environmentURL: String? {
        ProcessInfo.processInfo.environment["INTIQAL_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        if file != nil && database != nil { throw ValidationError("give --workspace FILE or --database URL, not both") }
        if let database, !PostgresLocation.isURL(database) {
            throw ValidationError("--database: expected postgres://USER@HOST:PORT/DATABASE")
        }
    }

    /// The file or URL; `nil` when none is given.
    var given: String? { file ?? database ?? (file == nil ? Self.environmentURL : nil) }

    /// The file or URL (exits 1 naming the options when none is given).
    var location: String {
        guard let given else { CLI.fail("--workspace: give a workspace file, or --database URL (or set INTIQAL_DATABASE_URL)") }
        return given
    }

    /// For messages: the file, or the URL without its password.
    var shown: String { CLI.shown(location) }
}

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @OptionGroup var target: WorkspaceTarget

    /// The workspace file or database URL.
    var workspace: String { target.location }
    /// For messages: the file, or the URL without its password.
    var shown: String { target.shown }

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

    /// Opens a workspace to change it (migrating an older schema), or exits 1 with the reason:
    /// a file, or a PostgreSQL database (`postgres://…`).
    static func openWorkspace(_ path: String) -> any WorkspaceStore {
        guarded { try open(path) }
    }

    static func open(_ path: String) throws -> any WorkspaceStore {
        PostgresLocation.isURL(path) ? try PostgresWorkspaceStore(url: path) as any WorkspaceStore : try SQLiteWorkspaceStore(path: path)
    }

    /// Opens a workspace for reading only: never creates, migrates or writes the file, and
    /// refuses one that is not a workspace. Read commands use this. (A database is read in
    /// read-only transactions.)
    static func readWorkspace(_ path: String) -> any WorkspaceStore {
        guarded {
            PostgresLocation.isURL(path) ? try PostgresWorkspaceStore(url: path) as any WorkspaceStore : try SQLiteWorkspaceStore(path: path, readOnly: true)
        }
    }

    /// How many ratings the workspace has ever recorded.
    static func assessmentCount(_ store: any WorkspaceStore) throws -> Int {
        switch store {
        case let s as SQLiteWorkspaceStore: try s.assessmentCount()
        case let s as PostgresWorkspaceStore: try s.assessmentCount()
        default: try store.assessmentHistory().count
        }
    }

    /// A workspace file, or a database URL without its password, for messages.
    static func shown(_ location: String) -> String {
        PostgresLocation.isURL(location) ? ((try? PostgresLocation(url: location))?.description ?? "the database") : location
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

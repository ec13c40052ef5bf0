import ArgumentParser
import Foundation
import IntiqalPostgres
import IntiqalStorage

/// `intiqal copy FROM TO`: a whole workspace from a file or database to another, either way.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole workspace between SQLite files and PostgreSQL databases, in either direction.",
        discussion: """
            FROM and TO are each a workspace file or a database URL (postgres://USER@HOST:PORT/DATABASE[?schema=NAME]); \
            the word `env` stands for INTIQAL_DATABASE_URL, so the password stays out of process lists. \
            A file TO must not exist yet; a database TO must hold no workspace yet. All or nothing: \
            the copy is written in one transaction (a file is built under a temporary name and renamed into place), \
            and its full export is checked to equal the original's.
            """
    )

    @Argument(help: "The workspace to copy: a file, a postgres:// URL, or `env`.") var from: String
    @Argument(help: "Where to copy it: a new file, a postgres:// URL of an empty workspace, or `env`.") var to: String

    func validate() throws {
        for (name, value) in [("FROM", from), ("TO", to)] where value == "env" && WorkspaceTarget.environmentURL == nil {
            throw ValidationError("\(name): `env` names INTIQAL_DATABASE_URL, which is not set")
        }
    }

    static func resolve(_ text: String) -> String { text == "env" ? WorkspaceTarget.environmentURL ?? text : text }

    func run() async throws {
        let source = Self.resolve(from), target = Self.resolve(to)
        if source == target { CLI.fail("TO: the same workspace as FROM") }
        let original = CLI.guarded { try CLI.readWorkspace(source).exportWorkspace() }
        let copy: any WorkspaceStore = CLI.guarded {
            if PostgresLocation.isURL(target) {
                let store = try PostgresWorkspaceStore(url: target)
                try store.importWorkspace(original)
                return store
            }
            try SQLiteWorkspaceStore.create(path: target, export: original)
            return try SQLiteWorkspaceStore(path: target, readOnly: true)
        }
        let copied = CLI.guarded { try copy.exportWorkspace() }
        guard copied == original else {
            CLI.fail("\(CLI.shown(target)): the copy's export differs from the original's; the copy is not to be used")
        }
        print("\(CLI.shown(source)) → \(CLI.shown(target)): copied (\(original.assessments.count) ratings, \(original.evidenceItems.count) evidence items, \(original.audit.count) audit records, \(original.ledger.count) ledger entries); the copy's export equals the original's")
    }
}

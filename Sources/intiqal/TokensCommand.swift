import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalStorage

extension StoredToken.Scope: ExpressibleByArgument {}

/// `intiqal tokens new|list|revoke`: API tokens for scripts calling `intiqal serve`.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "API tokens for scripts (Authorization: Bearer …): shown once, kept hashed, scoped, expiring, revocable.",
        subcommands: [New.self, List.self, Revoke.self]
    )

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a token; its value is printed once.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "Whose token (default: --by).") var user: String?
        @Option(parsing: .unconditional, help: "What it is for.") var label: String
        @Option(parsing: .unconditional, help: "read or read-write.") var scope: StoredToken.Scope = .read
        @Option(parsing: .unconditional, help: "Days until it expires (1 to 366).") var days = 30

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            let (value, token) = CLI.guarded {
                try Commission(store: store).newToken(user: user ?? options.actor, label: label, scope: scope, days: days, by: options.viewer)
            }
            print("token \(token.id) of \(token.user) (\(token.scope.rawValue), expires \(Date(timeIntervalSince1970: token.expiresAt).ISO8601Format())):")
            print(value)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their values).")
        @OptionGroup var options: WorkspaceOptions

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            for t in CLI.guarded({ try Commission(store: store).tokens(by: options.viewer) }) {
                let state = t.revokedAt != nil ? "revoked" : "expires \(Date(timeIntervalSince1970: t.expiresAt).ISO8601Format())"
                print("\(t.id)\t\(t.user)\t\(t.scope.rawValue)\t\(state)\t\(t.label)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "The token's number.") var id: Int64

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            CLI.guarded { try Commission(store: store).revokeToken(id: id, by: options.viewer) }
            print("\(options.shown): token \(id) revoked")
        }
    }
}

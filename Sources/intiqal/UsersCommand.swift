import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalStorage

extension User.Role: ExpressibleByArgument {}

/// `intiqal users add|list`: delegation members and their roles.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Delegation members and their roles; once any user exists, writes must name a permitted user with --by.",
        subcommands: [Add.self, List.self, TOTPSecret.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or change a user.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "The user's name.") var name: String
        @Option(parsing: .unconditional, help: "The user's party (delegation).") var party: String
        @Option(parsing: .unconditional, help: "co-chair, working-group-member, secretariat, liaison, analyst or admin.") var role: User.Role
        @Option(parsing: .unconditional, help: "threat, requirement or capability (working-group members).") var group: String?
        @Flag(help: "Read the user's sign-in password (12 to 72 bytes) from the first line of standard input; only its bcrypt hash is kept.")
        var passwordStdin = false

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : nil
            CLI.guarded {
                try Commission(store: store).addUser(User(name: name, party: party, role: role, workingGroup: group), password: password,
                                                     by: options.viewer)
            }
            print("\(options.shown): \(name): \(role.rawValue) of \(party)\(group.map { ", \($0) group" } ?? "")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            for u in CLI.guarded({ try store.users() }) {
                print("\(u.name)\t\(u.party)\t\(u.role.rawValue)\(u.workingGroup.map { "\t\($0)" } ?? "")")
            }
        }
    }

    struct TOTPSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: "Enrol a new TOTP second factor for a user (required to sign in as a co-chair or admin); prints its secret once."
        )
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "The user's name.") var name: String

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            let totp = CLI.guarded { try Commission(store: store).enrolTOTP(user: name, by: options.viewer) }
            print("secret: \(totp.base32)")
            print(totp.uri(account: name))
        }
    }
}

import ArgumentParser
import IntiqalStorage

extension User.Role: ExpressibleByArgument {}

/// `intiqal users add|list`: delegation members and their roles.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Delegation members and their roles; once any user exists, writes must name a permitted user with --by.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or change a user.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "The user's name.") var name: String
        @Option(parsing: .unconditional, help: "The user's party (delegation).") var party: String
        @Option(parsing: .unconditional, help: "co-chair, working-group-member, secretariat, liaison, analyst or admin.") var role: User.Role
        @Option(parsing: .unconditional, help: "threat, requirement or capability (working-group members).") var group: String?

        func validate() throws {
            if role == .workingGroupMember && group == nil { throw ValidationError("a working-group member needs --group") }
            if let group, !["threat", "requirement", "capability"].contains(group) { throw ValidationError("--group: threat, requirement or capability") }
        }

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            CLI.guarded {
                let scenario = try store.scenario()
                guard scenario.parties.contains(where: { $0.id == party }) else { throw StorageError.invalid("--party: unknown party '\(party)'") }
                if try store.users().isEmpty, role != .admin {
                    throw StorageError.invalid("--role: the first user of a workspace must be an admin (who then adds the others)")
                }
                try store.authorize(options.actor, [.administer])
                try store.addUser(User(name: name, party: party, role: role, workingGroup: group), actor: options.actor)
            }
            print("\(options.workspace): \(name): \(role.rawValue) of \(party)\(group.map { ", \($0) group" } ?? "")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @Option(name: .long, parsing: .unconditional, help: "The workspace file.") var workspace: String

        func run() async throws {
            let store = CLI.readWorkspace(workspace)
            for u in CLI.guarded({ try store.users() }) {
                print("\(u.name)\t\(u.party)\t\(u.role.rawValue)\(u.workingGroup.map { "\t\($0)" } ?? "")")
            }
        }
    }
}

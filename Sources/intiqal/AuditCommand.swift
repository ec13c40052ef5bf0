import ArgumentParser
import IntiqalDomain
import IntiqalStorage

/// `intiqal audit --workspace W [--entity assessment] [--last N]`
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: every change, who made it, when, before and after."
    )

    @OptionGroup var target: WorkspaceTarget
    var workspace: String { target.location }
    @Option(parsing: .unconditional, help: "Only changes to this kind of entity (assessment, ledger, user, site …).") var entity: String?
    @Option(parsing: .unconditional, help: "Only the last N changes.") var last: Int?

    func validate() throws {
        if let last, !InputLimits.listLength.contains(last) {
            throw ValidationError("--last: \(last) is outside \(InputLimits.listLength.lowerBound)–\(InputLimits.listLength.upperBound)")
        }
    }

    func run() async throws {
        let store = CLI.readWorkspace(workspace)
        var records = CLI.guarded { try store.auditLog() }
        if let entity { records = records.filter { $0.entity == entity } }
        if let last { records = Array(records.suffix(last)) }
        for r in records {
            print("\(r.id)\t\(r.at)\t\(r.actor)\t\(r.action)\t\(r.entity) \(r.entityID)\t\(r.before ?? "-") → \(r.after ?? "-")")
        }
    }
}

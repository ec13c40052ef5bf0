import ArgumentParser
import IntiqalCommission
import IntiqalStorage

extension EvidenceItemRecord.Status: ExpressibleByArgument {}

/// `intiqal review --workspace W --item N --status accepted|rejected --by NAME`
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Accept or reject an ingested evidence item (a working-group member's review: who and when are kept)."
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(parsing: .unconditional, help: "The evidence item's number.") var item: Int64
    @Option(parsing: .unconditional, help: "accepted or rejected.") var status: EvidenceItemRecord.Status

    func validate() throws {
        if status == .proposed { throw ValidationError("--status: accepted or rejected") }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let outcome = CLI.guarded { try Commission(store: store).review(item: item, status: status, by: options.viewer) }
        print("\(options.shown): item \(item) \(status.rawValue) by \(options.actor)")
        if let incident = outcome.incident, outcome.note == nil {
            print(outcome.merge.map { "  merged into incident \(incident) (\($0.rule): \($0.region), \($0.sourceDate) and \($0.incidentDate))" }
                  ?? "  incident \(incident) created")
        } else if let note = outcome.note {
            print("  incidents: \(note)")
        }
    }
}

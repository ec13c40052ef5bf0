import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

extension Factor: ExpressibleByArgument {}
extension Trend: ExpressibleByArgument {}
extension Assessment.Confidence: ExpressibleByArgument {}

/// `intiqal assess --workspace W --party IRQ --group capability --region anbar --capability isr --month 2025-01 --value 3`
/// or `intiqal assess --workspace W --csv FILE`.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Record working-group ratings, per party and working group; a new rating supersedes, never overwrites.",
        discussion: """
            CSV columns (header row required, any order): party, group, region, capability, month, value, and optionally \
            trend, confidence, scale. group is threat, requirement or capability (the working group's factor). \
            All rows are recorded or none.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(parsing: .unconditional, help: "A CSV file of ratings.") var csv: String?
    @Option(parsing: .unconditional, help: "The rating party (e.g. IRQ).") var party: String?
    @Option(parsing: .unconditional, help: "The working group: threat, requirement or capability.") var group: Factor?
    @Option(parsing: .unconditional, help: "Region id.") var region: String?
    @Option(parsing: .unconditional, help: "Capability area id (not for threat).") var capability: String?
    @Option(parsing: .unconditional, help: "Month rated, YYYY-MM.") var month: String?
    @Option(parsing: .unconditional, help: "The rating, on the scale named.") var value: Double?
    @Option(parsing: .unconditional, help: "Threat trend: falling, steady or rising.") var trend: Trend?
    @Option(parsing: .unconditional, help: "low, medium or high.") var confidence: Assessment.Confidence = .medium
    @Option(parsing: .unconditional, help: "Scale version (default: the current one).") var scale: Int?

    func validate() throws {
        if csv == nil {
            for (name, v) in [("party", party as Any?), ("group", group), ("region", region), ("month", month), ("value", value)] where v == nil {
                throw ValidationError("give --\(name) (or --csv FILE)")
            }
            if let month { do { _ = try YearMonth.parse(month) } catch { throw ValidationError("--month: \(error)") } }
        } else if party != nil || region != nil || value != nil {
            throw ValidationError("give either --csv or a single rating's flags, not both")
        }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let commission = Commission(store: store)
        let scenario = CLI.guarded { try store.scenario() }
        var ratings: [Assessment] = []
        if let csv {
            ratings = CLI.guarded { try AssessmentCSV.read(path: csv, scenario: scenario) }
        } else if let party, let group, let region, let month = month.flatMap({ YearMonth($0) }), let value {
            ratings = [Assessment(party: party, factor: group, region: region, capability: capability, month: month, value: value,
                                  trend: trend, scale: ScaleReference(factor: group, version: scale ?? scenario.currentScale(for: group).version),
                                  confidence: confidence)]
        }
        let ids = CLI.guarded { try commission.recordAssessments(ratings, by: options.viewer) }
        print("\(options.shown): recorded \(ids.count) rating\(ids.count == 1 ? "" : "s")")
    }
}

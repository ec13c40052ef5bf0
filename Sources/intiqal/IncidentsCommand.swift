import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage

extension IncidentDataset: ExpressibleByArgument {}

/// `intiqal incidents [list] --workspace W [--region R] [--month YYYY-MM] [--format table|json|csv]`,
/// `incidents import FILE --format acled|ucdp-ged`, `incidents export --format acled|ucdp-ged [--out F]`,
/// `incidents split --source N`.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "The threat picture: incidents per region per month with their sources (accepted attacks, ACLED and UCDP GED rows).",
        subcommands: [List.self, Import.self, Export.self, Split.self],
        defaultSubcommand: List.self
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents per region per month with their sources.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "Only this region (a scenario region id).") var region: String?
        @Option(parsing: .unconditional, help: "Only this month, YYYY-MM (of the incident's first day).") var month: String?
        @Option(parsing: .unconditional, help: "table, json or csv.") var format: Format = .table

        func validate() throws {
            if let month, YearMonth(month) == nil { throw ValidationError("--month: expected YYYY-MM, got '\(month)'") }
        }

        func run() async throws {
            let store = CLI.readWorkspace(options.workspace)
            let records = CLI.guarded {
                try Commission(store: store).incidents(for: options.viewer, region: region, month: month.flatMap { YearMonth($0) })
            }
            switch format {
            case .json: try CLI.emit(CLI.json(records), to: nil)
            case .csv: try CLI.emit(Self.csv(records), to: nil)
            case .table: try CLI.emit(Self.table(records), to: nil)
            }
        }

        static func sourceText(_ s: IncidentSource) -> String {
            var text: String
            switch s.kind {
            case .evidence: text = "evidence item \(s.evidenceItem ?? 0)"
            case .dataset: text = "\(s.key ?? s.dataset ?? "dataset")" + (s.file.map { " (\($0)\(s.line.map { ":\($0)" } ?? ""))" } ?? "")
            case .scenario: text = "scenario" + (s.reference.map { " \($0)" } ?? "")
            }
            if let m = s.merge { text += " [merged: \(m.rule), \(m.days) day\(m.days == 1 ? "" : "s") apart]" }
            return "source \(s.id): \(text)"
        }

        static func table(_ records: [IncidentRecord]) -> String {
            guard !records.isEmpty else { return "no incidents\n" }
            var groups: [String: [IncidentRecord]] = [:]
            for r in records { groups["\(r.incident.region)\t\(r.month)", default: []].append(r) }
            var out = ""
            for key in groups.keys.sorted() {
                let list = groups[key]!
                let parts = key.split(separator: "\t")
                let total = list.reduce(0) { $0 + $1.incident.count }
                out += "\(parts[0]) \(parts[1]): \(total) incident\(total == 1 ? "" : "s")\n"
                for r in list.sorted(by: { ($0.incident.date, $0.id) < ($1.incident.date, $1.id) }) {
                    let date = r.datePrecision == .month ? r.month : r.incident.date + (r.incident.until.map { "…\($0)" } ?? "")
                    let count = r.incident.count > 1 ? " ×\(r.incident.count)" : ""
                    out += "  #\(r.id) \(date) \(r.incident.kind.rawValue)\(count) \(r.place ?? r.incident.region) (\(r.placePrecision ?? "region")) \(r.marking)\n"
                    for s in r.sources { out += "    \(sourceText(s))\n" }
                }
            }
            return out
        }

        static func csv(_ records: [IncidentRecord]) -> String {
            var out = "id,region,month,date,until,date_precision,kind,count,place,place_precision,marking,sources\r\n"
            for r in records {
                let fields = [String(r.id), r.incident.region, r.month, r.incident.date, r.incident.until ?? "", r.datePrecision.rawValue,
                              r.incident.kind.rawValue, String(r.incident.count), r.place ?? "", r.placePrecision ?? "", r.marking.description,
                              r.sources.map(sourceText).joined(separator: "; ")]
                out += fields.map(Commission.csvField).joined(separator: ",") + "\r\n"
            }
            return out
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an ACLED or UCDP GED CSV file as incidents (idempotent; rows in no region are reported with their lines).")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The dataset's CSV file.") var file: String
        @Option(parsing: .unconditional, help: "acled or ucdp-ged.") var format: IncidentDataset
        @Option(parsing: .unconditional, help: "Who may read the incidents: PUBLIC, JOINT (default), or REL with parties.") var marking: Marking = .joint
        @Flag(help: "Refuse the whole file (exit 1, nothing written) if any row maps to no region.") var requireEveryRow = false
        @Flag(help: "Print the report as JSON.") var json = false

        func run() async throws {
            let text = try FitIncidentsCommand.read(file)
            let store = CLI.openWorkspace(options.workspace)
            let report = CLI.guarded {
                try Commission(store: store).importIncidents(text, file: file, format: format, marking: marking,
                                                             requireEveryRow: requireEveryRow, by: options.viewer)
            }
            if json { try CLI.emit(CLI.json(report), to: nil) } else { print(report.lines.joined(separator: "\n")) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the incidents you may read in ACLED's or UCDP GED's CSV layout.")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "acled (default) or ucdp-ged.") var format: IncidentDataset = .acled
        @Option(parsing: .unconditional, help: "Only this region.") var region: String?
        @Option(parsing: .unconditional, help: "Only this month, YYYY-MM.") var month: String?
        @Option(parsing: .unconditional, help: "Write here (atomically) instead of standard output.") var out: String?

        func validate() throws {
            if let month, YearMonth(month) == nil { throw ValidationError("--month: expected YYYY-MM, got '\(month)'") }
        }

        func run() async throws {
            let store = CLI.readWorkspace(options.workspace)
            let text = CLI.guarded {
                let commission = Commission(store: store), month = month.flatMap { YearMonth($0) }
                return switch format {
                case .acled: try commission.exportIncidentsACLED(for: options.viewer, region: region, month: month)
                case .ucdpGED: try commission.exportIncidentsUCDP(for: options.viewer, region: region, month: month)
                }
            }
            try CLI.emit(text, to: out)
        }
    }

    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo a merge: take a source out of its incident into an incident of its own (audited).")
        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "The source's number (as `incidents` lists it).") var source: Int64

        func run() async throws {
            let store = CLI.openWorkspace(options.workspace)
            let created = CLI.guarded { try Commission(store: store).splitIncident(source: source, by: options.viewer) }
            print("\(options.shown): source \(source) split into incident \(created.id) (\(created.incident.region), \(created.incident.date))")
        }
    }
}

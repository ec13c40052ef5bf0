import ArgumentParser
import Foundation
import IntiqalDomain
import IntiqalRisk

enum BacktestFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
}

/// `intiqal backtest [FILE.csv | --workspace W] [--threshold K --consecutive C --from M --to M --window N
/// --runs R --seed S] [--format table|json|html] [--lang en|ar] [--out FILE]`
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Test the risk model on the record: rolling-origin forecasts scored against what happened and against baselines.",
        discussion: """
        FILE is a UCDP GED or ACLED event CSV (regions: Iraq's governorates, from adm_1/admin1 or \
        the coordinates) or an incident CSV date,region[,count]; with --workspace, the workspace's \
        incidents. For every origin month each method is fitted only on the months before it and \
        forecasts P(at least THRESHOLD incidents) per region and month at horizons 1, 3 and 12 \
        months, and P(THRESHOLD in CONSECUTIVE consecutive months in any region). Scores: Brier, \
        skill against each baseline (no change, climatology, Poisson with trend), log loss, AUROC, \
        a reliability table.
        """
    )

    @Argument(help: "An event CSV (UCDP GED, ACLED, or date,region[,count]).")
    var file: String?

    @Option(parsing: .unconditional, help: "Back-test this workspace's incidents instead of a file.")
    var workspace: String?

    @Option(parsing: .unconditional, help: "The event: at least this many incidents in a region and month.")
    var threshold: Int = 5

    @Option(parsing: .unconditional, help: "Plan level: the threshold in this many consecutive months in any region.")
    var consecutive: Int = 3

    @Option(parsing: .unconditional, help: "First target month scored (YYYY-MM).")
    var from: String = "2012-01"

    @Option(parsing: .unconditional, help: "Last target month scored (YYYY-MM).")
    var to: String = "2018-12"

    @Option(parsing: .unconditional, help: "Months of history before each origin that every method is fitted on.")
    var window: Int = 24

    @Option(parsing: .unconditional, help: "Months before each origin on which the model re-estimates its background level (0: the whole window).")
    var level: Int = 6

    @Option(parsing: .unconditional, help: "Monthly volatility of the model's background level in its simulated futures (0: fixed).")
    var volatility: Double = 0.5

    @Option(parsing: .unconditional, help: "Simulated futures per region and origin.")
    var runs: Int = 1_000

    @Option(parsing: .unconditional, help: "Seed: the same seed gives the same figures on any machine.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Neighbour pairs (region,neighbour), e.g. data/iraq-neighbours.csv: forecasts and scores the multivariate model too.")
    var neighbours: String?

    @Option(parsing: .unconditional, help: "Dated coalition personnel (date,troops,note,source), e.g. data/us-forces-iraq.csv: fits the departure effect gammaDeparture.")
    var presence: String?

    @Option(name: .customLong("presence-from"), parsing: .unconditional, help: "First month of the departure-effect fit (YYYY-MM).")
    var presenceFrom: String = "2008-01"

    @Option(name: .customLong("presence-to"), parsing: .unconditional, help: "Last month of the departure-effect fit (YYYY-MM).")
    var presenceTo: String = "2018-12"

    @Option(parsing: .unconditional, help: "table, json or html (one self-contained page).")
    var format: BacktestFormat = .table

    @Option(parsing: .unconditional, help: "Language of the table or page: en or ar; by default INTIQAL_LANG, else en. Diagnostics follow it.")
    var lang: Language?

    @Option(parsing: .unconditional, help: "Write to this file instead of standard output.")
    var out: String?

    func validate() throws {
        guard (file == nil) != (workspace == nil) else { throw ValidationError("name one source: an event CSV file or --workspace") }
        guard YearMonth(from) != nil else { throw ValidationError("--from: expected YYYY-MM, got '\(from)'") }
        guard YearMonth(to) != nil else { throw ValidationError("--to: expected YYYY-MM, got '\(to)'") }
        guard YearMonth(presenceFrom) != nil else { throw ValidationError("--presence-from: expected YYYY-MM, got '\(presenceFrom)'") }
        guard YearMonth(presenceTo) != nil else { throw ValidationError("--presence-to: expected YYYY-MM, got '\(presenceTo)'") }
        do { try configuration.validate() } catch let error as RiskError {
            throw ValidationError("--\(error.field ?? "option"): \(error.message)")
        }
    }

    private var configuration: BacktestConfiguration {
        BacktestConfiguration(threshold: threshold, consecutiveMonths: consecutive,
                              from: YearMonth(from) ?? YearMonth(year: 2012, month: 1), to: YearMonth(to) ?? YearMonth(year: 2018, month: 12),
                              windowMonths: window, levelMonths: level, levelVolatility: volatility, runs: runs, seed: seed)
    }

    func run() async throws {
        let lang = CLI.use(lang)
        var incidents: [Incident]
        var notes: [String] = [], notesAr: [String] = []
        let source: String
        if let workspace {
            incidents = try CLI.scenario(file: "iraq-2024", workspace: workspace).incidents
            source = workspace
        } else {
            let path = file!
            let text = try FitIncidentsCommand.read(path)
            source = path
            do {
                let header = text.prefix(4_096).lowercased()
                if header.contains("date_start") || header.contains("event_date") {
                    let imported = try ConflictEventCSV.parse(text, file: path)
                    incidents = imported.incidents
                    notes = imported.notes
                    notesAr = imported.notesAr
                } else {
                    incidents = try IncidentCSV.parse(text, file: path)
                }
            } catch let error as RiskError {
                CLI.fail(error.file == nil ? "\(path): \(error.text(CLI.language))" : error.text(CLI.language))
            }
        }
        let regions = incidents.allSatisfy({ IraqGovernorate.withID($0.region) != nil }) ? IraqGovernorate.all.map(\.id) : nil
        var configuration = configuration
        if let neighbours {
            let text = try FitIncidentsCommand.read(neighbours)
            do {
                configuration.neighbours = try NeighbourCSV.parse(text, file: neighbours)
            } catch let error as RiskError {
                CLI.fail(error.file == nil ? "\(neighbours): \(error.text(CLI.language))" : error.text(CLI.language))
            }
        }
        var report: BacktestReport
        do {
            report = try Backtest.run(incidents: incidents, configuration: configuration, source: source, regions: regions,
                                      notes: notes, notesAr: notesAr)
        } catch let error as RiskError {
            CLI.fail("backtest: \(error)")
        }
        if let presence {
            let text = try FitIncidentsCommand.read(presence)
            do {
                let history = try PresenceHistoryCSV.parse(text, file: presence)
                report.departureEffect = try DepartureEffect.fit(incidents: incidents, presence: history, from: YearMonth(presenceFrom)!,
                                                                 to: YearMonth(presenceTo)!, regions: regions, seed: seed)
            } catch let error as RiskError {
                CLI.fail(error.file == nil ? "\(presence): \(error.text(CLI.language))" : error.text(CLI.language))
            }
        }
        switch format {
        case .table: try CLI.emit(BacktestTableRenderer(language: lang).render(report), to: out)
        case .json: try CLI.emit(try CLI.json(report), to: out)
        case .html: try CLI.emit(BacktestHTMLRenderer(language: lang).render(report), to: out)
        }
    }
}

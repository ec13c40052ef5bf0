import Foundation
import IntiqalDomain

/// Rolling-origin back-test: for every origin month, each method is fitted only on the months
/// before it and forecasts the next months; forecasts are then scored against what happened.
///
/// For a horizon h the forecast of target month m is the one issued at origin m − h + 1 (data
/// through m − h). The plan-level event at horizon H is forecast at origin o for months
/// o … o + H − 1. All methods see the same trailing window (`windowMonths`).
public enum Backtest {
    /// Runs the back-test on `incidents` (attacks and strikes; regions as named in them); `notes`
    /// (and their Arabic twins) open the report's notes.
    public static func run(incidents: [Incident], configuration: BacktestConfiguration, source: String,
                           regions: [String]? = nil, notes: [String] = [], notesAr: [String]? = nil) throws -> BacktestReport {
        try configuration.validate()
        let threats = incidents.filter { $0.kind == .attack || $0.kind == .strike }
        let panel = try MonthlyPanel(incidents: threats, regions: regions, through: nil, seed: configuration.seed)
        let forecasts = try BacktestForecasts(panel: panel, configuration: configuration)
        return forecasts.report(source: source, notes: notes, notesAr: notesAr ?? notes)
    }
}

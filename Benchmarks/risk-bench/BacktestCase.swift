import Foundation
import IntiqalRisk

/// The back-test on the UCDP GED record (../shared/data/ucdp-ged-iraq.csv, or the path after
/// `--ucdp`): reading the file, 18 regions × 84 scored months × 3 horizons (95 origins), one
/// thread. Nil when the file is absent.
func backtestRows(repeats: Int) throws -> [(String, String, String)] {
    var path = "../shared/data/ucdp-ged-iraq.csv"
    if let i = CommandLine.arguments.firstIndex(of: "--ucdp"), i + 1 < CommandLine.arguments.count { path = CommandLine.arguments[i + 1] }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        return [("back-test UCDP: \(path) absent", "–", "skipped")]
    }
    var best = Double.infinity, bestCPU = Double.infinity
    var report: BacktestReport?
    for _ in 0..<repeats {
        let (r, ms, cpu) = try time {
            let imported = try ConflictEventCSV.parse(text, file: path)
            return try Backtest.run(incidents: imported.incidents, configuration: BacktestConfiguration(), source: path,
                                    regions: IraqGovernorate.all.map(\.id), notes: imported.notes, notesAr: imported.notesAr)
        }
        best = min(best, ms)
        bestCPU = min(bestCPU, cpu)
        report = r
    }
    guard let report, let h3 = report.horizon(3), let model = h3.regionMonth(.hawkes) else { return [] }
    let skills = model.skill.prefix(2).map { "\($0.baseline.rawValue) \(fmt(100 * ($0.brierSkill ?? .nan), 1))%" }.joined(separator: ", ")
    var rows = [("back-test UCDP \(report.regions.count)×\(report.months.count)×\(report.horizons.count), 1 thread",
                 "\(fmt(best)) ms",
                 "cpu \(fmt(bestCPU)) ms; \(report.configuration.runs) runs/origin; h3 Brier \(fmt(model.score.brier, 4)), skill vs \(skills)")]
    // The same with the multivariate model (data/iraq-neighbours.csv), once.
    if let data = FileManager.default.contents(atPath: "data/iraq-neighbours.csv"), let pairs = String(data: data, encoding: .utf8) {
        var configuration = BacktestConfiguration()
        configuration.neighbours = try NeighbourCSV.parse(pairs, file: "data/iraq-neighbours.csv")
        let (r, ms, cpu) = try time {
            let imported = try ConflictEventCSV.parse(text, file: path)
            return try Backtest.run(incidents: imported.incidents, configuration: configuration, source: path,
                                    regions: IraqGovernorate.all.map(\.id), notes: imported.notes, notesAr: imported.notesAr)
        }
        let m = r.horizon(3)?.regionMonth(.multivariateHawkes)?.score.brier ?? .nan
        rows.append(("… with the multivariate model too, 1 thread", "\(fmt(ms)) ms", "cpu \(fmt(cpu)) ms; h3 Brier multivariate \(fmt(m, 4))"))
    }
    return rows
}

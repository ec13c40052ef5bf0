import ArgumentParser
import Foundation
import IntiqalRisk
import IntiqalScenario

enum FitIncidentsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `intiqal fit-incidents FILE.csv [--format table|json] [--seed S]`
struct FitIncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit-incidents",
        abstract: "Fit a self-exciting (Hawkes) model to dated incidents per region.",
        discussion: """
        FILE is CSV with columns date,region[,count] (YYYY-MM-DD; an optional header names the \
        columns). Prints per region the maximum-likelihood mu, alpha, beta with standard errors \
        and a Kolmogorov–Smirnov test of the time-rescaled residuals.
        """
    )

    @Argument(help: "A CSV file of incidents: date,region[,count].")
    var file: String

    @Option(parsing: .unconditional, help: "table or json.")
    var format: FitIncidentsFormat = .table

    @Option(parsing: .unconditional, help: "Seed of the within-day spreading of same-day incidents.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "CSV month,region,gap,coalitionShare over the incidents' months: fits gammaGap and gammaDeparture.")
    var history: String?

    func run() async throws {
        let text = try Self.read(file)
        let historyText = try history.map { try Self.read($0) }
        let fit: IncidentFit
        do {
            let incidents = try IncidentCSV.parse(text, file: file)
            let exposures = try history.flatMap { path in try historyText.map { try ExposureHistoryCSV.parse($0, file: path) } }
            fit = try RiskModel.fit(incidents: incidents, history: exposures, jitterSeed: seed)
        } catch let error as RiskError {
            try Self.fail(error.file == nil ? "\(file): \(error.text(CLI.language))" : error.text(CLI.language))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            FileHandle.standardOutput.write(try encoder.encode(fit) + Data("\n".utf8))
        case .table:
            print(Self.table(fit, file: file), terminator: "")
        }
    }

    static func read(_ path: String) throws -> String {
        do { return try InputFile.text(atPath: path) } catch { try fail(error.description) }
    }

    static func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("intiqal: \(message)\n".utf8))
        throw ExitCode(1)
    }

    static func table(_ fit: IncidentFit, file: String) -> String {
        func number(_ x: Double?, _ digits: Int = 4) -> String {
            guard let x, x.isFinite else { return "–" }
            return String(format: "%.\(digits)f", x)
        }
        func cell(_ value: Double, _ se: Double?) -> String { "\(number(value)) ± \(number(se))" }
        var rows: [[String]] = [["region", "events", "mu/day ± se", "alpha ± se", "beta/day ± se", "KS D", "KS p", "note"]]
        for r in fit.regions {
            if let f = r.fit {
                rows.append([r.region, String(r.events), cell(f.parameters.mu, f.standardErrors.mu),
                             cell(f.parameters.alpha, f.standardErrors.alpha), cell(f.parameters.beta, f.standardErrors.beta),
                             number(f.ks.statistic, 3), number(f.ks.pValue, 3), r.note ?? (f.ks.pValue < 0.05 ? "KS rejects the fit at 5%" : "")])
            } else {
                rows.append([r.region, String(r.events), number(r.parameters.mu), number(r.parameters.alpha),
                             number(r.parameters.beta), "–", "–", r.note ?? ""])
            }
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = "\(file): \(fit.windowStart) … \(fit.windowEnd) (\(Int(fit.days)) days), exponential-kernel Hawkes fit per region\n"
        for (i, row) in rows.enumerated() {
            out += row.enumerated().map { c, text in
                c == row.count - 1 ? text : text + String(repeating: " ", count: widths[c] - text.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
            if i == 0 { out += rows[0].indices.map { String(repeating: "-", count: $0 == rows[0].count - 1 ? 4 : widths[$0]) }.joined(separator: "  ") + "\n" }
        }
        for (name, c) in [("gammaGap", fit.gammaGap), ("gammaDeparture", fit.gammaDeparture)] where c.fitted {
            out += "\(name) = \(number(c.value, 3)) ± \(number(c.standardError, 3)) (profile likelihood over the exposure history)\n"
        }
        for note in fit.model.notes where !fit.regions.contains(where: { note.hasSuffix($0.note ?? "\u{0}") }) {
            out += "note: \(note)\n"
        }
        return out
    }
}

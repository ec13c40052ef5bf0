import ArgumentParser
import Foundation
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
            if let month, YearMonth(month) == nil { throw ValidationError("--month: '\(month)' is not YYYY-MM") }
        } else if party != nil || region != nil || value != nil {
            throw ValidationError("give either --csv or a single rating's flags, not both")
        }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let scenario = CLI.guarded { try store.scenario() }
        var ratings: [Assessment] = []
        if let csv {
            ratings = Self.readCSV(csv, scenario: scenario)
        } else if let party, let group, let region, let month = month.flatMap({ YearMonth($0) }), let value {
            ratings = [Assessment(party: party, factor: group, region: region, capability: capability, month: month, value: value,
                                  trend: trend, scale: ScaleReference(factor: group, version: scale ?? scenario.currentScale(for: group).version),
                                  confidence: confidence)]
        }
        let needs = Set(ratings.map { Permission.assess(party: $0.party, group: $0.factor) })
        CLI.guarded { try store.authorize(options.actor, needs.sorted { "\($0)" < "\($1)" }) }
        let ids = CLI.guarded { try store.recordAssessments(ratings, actor: options.actor) }
        print("\(options.workspace): recorded \(ids.count) rating\(ids.count == 1 ? "" : "s")")
    }

    /// Reads a CSV of ratings; exits 1 naming the file, line and column of the first problem.
    static func readCSV(_ path: String, scenario: Scenario) -> [Assessment] {
        guard let data = FileManager.default.contents(atPath: path) else {
            CLI.fail("\(path): \(FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")")
        }
        guard let text = String(data: data, encoding: .utf8) else { CLI.fail("\(path): not valid UTF-8") }
        // Byte-level splitting: bulk files are large. Fields are trimmed of spaces, tabs and CR.
        func trim(_ bytes: ArraySlice<UInt8>) -> String {
            var b = bytes
            while let f = b.first, f == 0x20 || f == 0x09 || f == 0x0D { b.removeFirst() }
            while let l = b.last, l == 0x20 || l == 0x09 || l == 0x0D { b.removeLast() }
            return String(decoding: b, as: UTF8.self)
        }
        let bytes = Array(text.utf8)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        while let last = lines.last, trim(last).isEmpty { lines.removeLast() }
        guard let header = lines.first else { CLI.fail("\(path): the file is empty") }
        let columns = header.split(separator: 0x2C, omittingEmptySubsequences: false).map { trim($0).lowercased() }
        for required in ["party", "group", "region", "month", "value"] where !columns.contains(required) {
            CLI.fail("\(path):1: missing column '\(required)'")
        }
        var out: [Assessment] = []
        out.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated().dropFirst() where !trim(line).isEmpty {
            let fields = line.split(separator: 0x2C, omittingEmptySubsequences: false).map(trim)
            guard fields.count == columns.count else { CLI.fail("\(path):\(i + 1): expected \(columns.count) fields, found \(fields.count)") }
            var row: [String: String] = [:]
            for (c, f) in zip(columns, fields) where !f.isEmpty { row[c] = f }
            func bad(_ column: String, _ message: String) -> Never { CLI.fail("\(path):\(i + 1): \(column): \(message)") }
            guard let factor = row["group"].flatMap(Factor.init(rawValue:)) else { bad("group", "expected threat, requirement or capability") }
            guard let month = row["month"].flatMap({ YearMonth($0) }) else { bad("month", "expected YYYY-MM") }
            guard let value = row["value"].flatMap(Double.init), value.isFinite else { bad("value", "expected a number") }
            var trend: Trend?
            if let t = row["trend"] { guard let v = Trend(rawValue: t) else { bad("trend", "expected falling, steady or rising") }; trend = v }
            var confidence = Assessment.Confidence.medium
            if let c = row["confidence"] { guard let v = Assessment.Confidence(rawValue: c) else { bad("confidence", "expected low, medium or high") }; confidence = v }
            var version = scenario.currentScale(for: factor).version
            if let s = row["scale"] { guard let v = Int(s) else { bad("scale", "expected a version number") }; version = v }
            let a = Assessment(party: row["party"] ?? "", factor: factor, region: row["region"] ?? "", capability: row["capability"],
                               month: month, value: value, trend: trend, scale: ScaleReference(factor: factor, version: version),
                               confidence: confidence)
            do { try scenario.validate(a, at: "row") } catch let e as StorageError {
                CLI.fail("\(path):\(i + 1): \(e.message.replacingOccurrences(of: "row.", with: ""))")
            } catch { CLI.fail("\(path):\(i + 1): \(error)") }
            out.append(a)
        }
        return out
    }
}

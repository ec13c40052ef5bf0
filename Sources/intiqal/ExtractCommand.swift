import ArgumentParser
import Foundation
import IntiqalEvidence

/// `intiqal extract FILE… [--published YYYY-MM-DD] --format json|table [--dedupe]`: evidence from reports.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract dated events, numbers and entities from Arabic and English reports.",
        discussion: """
            Prints one JSON object per document per line, in input order (DESIGN §8). With --dedupe, prints one \
            JSON object per merged event with its sources instead.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    @Argument(help: "Report files (UTF-8 text).")
    var files: [String]

    @Option(parsing: .unconditional, help: "Publication date (YYYY-MM-DD) used to resolve relative dates; otherwise a date line in the page.")
    var published: String?

    @Option(parsing: .unconditional, help: "Output format: json or table.")
    var format: Format = .json

    @Flag(help: "Merge the same event reported by several documents into one event with its sources.")
    var dedupe = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
    }

    func run() async throws {
        var publishedDate: CivilDate? = nil
        if let published {
            guard let d = CivilDate(iso: published) else {
                FileHandle.standardError.write(Data("intiqal extract: --published: '\(published)' is not a date of the form YYYY-MM-DD\n".utf8))
                throw ExitCode(1)
            }
            publishedDate = d
        }
        // Check every file before writing anything, so bad input never leaves a partial output.
        for file in files {
            if let problem = Self.problem(with: file) {
                FileHandle.standardError.write(Data("intiqal extract: \(file): \(problem)\n".utf8))
                throw ExitCode(1)
            }
        }
        let extractor = Extractor()
        let progress = Progress(total: files.count)
        var deduper = Deduplicator()
        var pending: [Data] = []
        for (i, file) in files.enumerated() {
            let doc: DocumentEvidence
            do {
                doc = try extractor.extract(path: file, published: publishedDate)
            } catch {
                progress.clear()
                FileHandle.standardError.write(Data("intiqal extract: \(error)\n".utf8))
                throw ExitCode(1)
            }
            for d in doc.diagnostics { progress.clear(); FileHandle.standardError.write(Data("intiqal extract: \(d)\n".utf8)) }
            if dedupe {
                deduper.add(doc)
            } else {
                let line: Data
                switch format {
                case .json: line = Data(JSONLines.encode(doc))
                case .table: line = Data(TableFormat.render(doc).utf8)
                }
                pending.append(line)
                // Write in batches; every batch is whole lines of documents already checked.
                if pending.count >= 16 { flush(&pending) }
            }
            progress.step(i + 1)
        }
        progress.clear()
        flush(&pending)
        if dedupe {
            for merged in deduper.merged() {
                switch format {
                case .json:
                    FileHandle.standardOutput.write(Data(JSONLines.encode(merged)))
                case .table:
                    FileHandle.standardOutput.write(Data(TableFormat.render(merged).utf8))
                }
            }
        }
    }

    private func flush(_ pending: inout [Data]) {
        guard !pending.isEmpty else { return }
        var all = Data()
        for p in pending { all.append(p) }
        FileHandle.standardOutput.write(all)
        pending.removeAll()
    }

    static func problem(with file: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else { return "no such file" }
        if isDir.boolValue { return "is a directory" }
        guard FileManager.default.isReadableFile(atPath: file) else { return "not readable (permission denied)" }
        return nil
    }
}


import IntiqalDomain
import ArgumentParser
import Foundation
import IntiqalEvidence

/// `intiqal extract FILE|DIR… [--files-from LIST] [--published YYYY-MM-DD] --format json|table [--dedupe]`:
/// evidence from reports.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract dated events, numbers and entities from Arabic and English reports.",
        discussion: """
            Prints one JSON object per document per line, in input order (DESIGN §8). With --dedupe, prints one \
            JSON object per merged event with its sources instead.

            A DIRECTORY is read whole: its files and those of its subdirectories, sorted by path (byte order), \
            hidden entries left out; a file that is not a UTF-8 text report (a NUL byte in its first 8 KiB, \
            UTF-16, over the size limit) is skipped and named on stderr with the reason. For many files, give \
            a directory or a list: --files-from LIST reads paths one a line from LIST, or from standard input \
            with --files-from - (e.g. find reports -name '*.txt' | intiqal extract --files-from -).

            Every file named is checked before anything is written: one that is missing, unreadable, larger \
            than 256 MiB or UTF-16 stops the command with exit status 1, naming it, and nothing is written. \
            One document yields at most 500,000 events and numbers; past that its rest is not read (a warning \
            says where). Limits and memory: docs/evidence.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    @Argument(help: "Report files (UTF-8 text) or directories of them.")
    var files: [String] = []

    @Option(name: .customLong("files-from"), parsing: .unconditional, help: ArgumentHelp("Read the paths of reports from LIST, one a line ('-' for standard input).", valueName: "LIST"))
    var filesFrom: String?

    @Option(parsing: .unconditional, help: "Publication date (YYYY-MM-DD) used to resolve relative dates; otherwise a date line in the page.")
    var published: String?

    @Option(parsing: .unconditional, help: "Output format: json or table.")
    var format: Format = .json

    @Flag(help: "Merge the same event reported by several documents into one event with its sources.")
    var dedupe = false

    func validate() throws {
        if files.isEmpty && PathArguments.lifted.isEmpty && filesFrom == nil { throw ValidationError("give at least one FILE or DIRECTORY, or --files-from LIST") }
    }

    func run() async throws {
        var publishedDate: CivilDate? = nil
        if let published {
            guard let d = CivilDate(published) else {
                FileHandle.standardError.write(Data("intiqal extract: --published: '\(published)' is not a date of the form YYYY-MM-DD\n".utf8))
                throw ExitCode(1)
            }
            publishedDate = d
        }
        // Check every file before writing anything, so bad input never leaves a partial output.
        let inputs: ReportInputs
        do {
            inputs = try ReportInputs.resolve(files + PathArguments.lifted, filesFrom: filesFrom)
        } catch {
            FileHandle.standardError.write(Data("intiqal extract: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for (path, reason) in inputs.skipped {
            FileHandle.standardError.write(Data("intiqal extract: skipped \(path): \(reason)\n".utf8))
        }
        let extractor = Extractor()
        let progress = Progress(total: inputs.files.count)
        var deduper = Deduplicator()
        var out = OutputBuffer()
        for (i, file) in inputs.files.enumerated() {
            let doc: DocumentEvidence
            do {
                doc = try extractor.extract(path: file, published: publishedDate)
            } catch {
                out.flush()
                progress.clear()
                FileHandle.standardError.write(Data("intiqal extract: \(error)\n".utf8))
                throw ExitCode(1)
            }
            if !doc.diagnostics.isEmpty {
                progress.clear()
                CLI.printDiagnostics(doc.diagnostics, prefix: "intiqal extract: ")
            }
            if dedupe {
                deduper.add(doc)
            } else {
                // Whole lines only: the document is extracted before its line is started.
                switch format {
                case .json: JSONLines.write(doc) { out.write($0) }
                case .table: out.write(TableFormat.render(doc))
                }
            }
            progress.step(i + 1)
        }
        progress.clear()
        if dedupe {
            for merged in deduper.merged() {
                switch format {
                case .json: JSONLines.encode(merged).withUnsafeBufferPointer { out.write($0) }
                case .table: out.write(TableFormat.render(merged))
                }
            }
        }
        out.flush()
    }
}

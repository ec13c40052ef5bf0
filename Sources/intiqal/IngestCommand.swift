import IntiqalDomain
import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalEvidence
import IntiqalLedger
import IntiqalStorage

/// `intiqal ingest FILE|DIR… [--files-from LIST] --workspace W [--published YYYY-MM-DD]`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Run the evidence pipeline on reports into the workspace, as proposed items for working-group review.",
        discussion: """
            Every file is read and extracted before anything is written; then all documents are stored in one \
            transaction. Reports are named as for extract: files, directories (walked, sorted, non-text files \
            skipped and named on stderr), or --files-from LIST ('-' for standard input), one path a line.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "Report files (UTF-8 text) or directories of them.")
    var files: [String] = []

    @Option(name: .customLong("files-from"), parsing: .unconditional, help: ArgumentHelp("Read the paths of reports from LIST, one a line ('-' for standard input).", valueName: "LIST"))
    var filesFrom: String?

    @Option(parsing: .unconditional, help: "Publication date (YYYY-MM-DD) used to resolve relative dates.")
    var published: String?

    @Option(parsing: .unconditional, help: "Who may read the documents and their items: PUBLIC, JOINT, or REL with parties (\"REL IRQ\").")
    var marking: Marking = .joint

    func validate() throws {
        if files.isEmpty && PathArguments.lifted.isEmpty && filesFrom == nil { throw ValidationError("give at least one FILE or DIRECTORY, or --files-from LIST") }
        if let published, CivilDate(published) == nil { throw ValidationError("--published: '\(published)' is not YYYY-MM-DD") }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        let inputs: ReportInputs
        do {
            inputs = try ReportInputs.resolve(files + PathArguments.lifted, filesFrom: filesFrom)
        } catch {
            CLI.fail("\(error)")
        }
        for (path, reason) in inputs.skipped {
            FileHandle.standardError.write(Data("intiqal: skipped \(path): \(reason)\n".utf8))
        }
        let extractor = Extractor()
        var documents: [EvidenceInput] = []
        for file in inputs.files {
            let doc = CLI.guarded { try extractor.extract(path: file, published: published.flatMap { CivilDate($0) }) }
            // The hash reads the file mapped, not copied: the page cache holds it, not the heap.
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
                CLI.fail("\(file): cannot read the file")
            }
            documents.append(try Commission.evidenceInput(doc, file: file, sha256: sha256Hex(data), marking: marking))
        }
        let total = documents.reduce(0) { $0 + $1.items.count }
        CLI.guarded {
            _ = try Commission(store: store).ingest(documents, by: options.viewer)
        }
        print("\(options.shown): ingested \(documents.count) document\(documents.count == 1 ? "" : "s"), \(total) proposed items")
    }
}

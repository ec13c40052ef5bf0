import ArgumentParser
import Foundation
import IntiqalEvidence
import IntiqalLedger
import IntiqalStorage

/// `intiqal ingest FILE… --workspace W [--published YYYY-MM-DD]`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Run the evidence pipeline on reports into the workspace, as proposed items for working-group review.",
        discussion: "Every file is read and extracted before anything is written; then all documents are stored in one transaction."
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "Report files (UTF-8 text).")
    var files: [String]

    @Option(parsing: .unconditional, help: "Publication date (YYYY-MM-DD) used to resolve relative dates.")
    var published: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
        if let published, CivilDate(iso: published) == nil { throw ValidationError("--published: '\(published)' is not YYYY-MM-DD") }
    }

    func run() async throws {
        let store = CLI.openWorkspace(options.workspace)
        CLI.guarded { try store.authorize(options.actor, [.ingest]) }
        let extractor = Extractor()
        var documents: [(file: String, sha: String, items: [(kind: String, content: String)])] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                CLI.fail("\(file): \(FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file")")
            }
            let doc = CLI.guarded { try extractor.extract(path: file, published: published.flatMap { CivilDate(iso: $0) }) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var items: [(kind: String, content: String)] = []
            for event in doc.events { items.append(("event", String(decoding: try encoder.encode(event), as: UTF8.self))) }
            for number in doc.numbers { items.append(("number", String(decoding: try encoder.encode(number), as: UTF8.self))) }
            documents.append((file, sha256Hex(data), items))
        }
        let total = documents.reduce(0) { $0 + $1.items.count }
        CLI.guarded {
            try store.addEvidence(documents.map { EvidenceInput(file: $0.file, sha256: $0.sha, items: $0.items) }, actor: options.actor)
        }
        print("\(options.workspace): ingested \(documents.count) document\(documents.count == 1 ? "" : "s"), \(total) proposed items")
    }
}

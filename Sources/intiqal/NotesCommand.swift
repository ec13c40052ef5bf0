import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalStorage

/// `intiqal notes add|list|plans`: notes on records, and saved plans.
struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Notes on a workspace's records, each with the marking its author chose; saved plans.",
        subcommands: [Add.self, List.self, Plans.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a note to a record (assessment, evidence-document, evidence-item, commitment, site, saved-plan, decision).",
            discussion: "The note's marking is what you choose (default JOINT from the file), narrowed to the record's own."
        )

        @OptionGroup var options: WorkspaceOptions

        @Option(parsing: .unconditional, help: "The kind of record: \(NoteRecord.entities.sorted().joined(separator: ", ")).")
        var entity: String

        @Option(parsing: .unconditional, help: "The record's id (a number, or a commitment's or site's id).")
        var id: String

        @Option(parsing: .unconditional, help: "The note.")
        var text: String

        @Option(parsing: .unconditional, help: "Who may read it: PUBLIC, JOINT, or 'REL IRQ' … (default JOINT).")
        var marking: Marking?

        func run() async throws {
            let commission = Commission(store: CLI.openWorkspace(options.workspace))
            let note = CLI.guarded {
                try commission.addNote(entity: entity, id: id, text: text, marking: marking, by: options.viewer)
            }
            print("\(options.shown): note \(note.id) on \(note.entity) \(note.entityID) (\(note.marking))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List notes (of one record with --entity and --id) as JSON.")

        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }

        @Option(parsing: .unconditional, help: "Only notes on this kind of record.")
        var entity: String?

        @Option(parsing: .unconditional, help: "Only notes on the record with this id.")
        var id: String?

        func run() async throws {
            let commission = Commission(store: CLI.readWorkspace(workspace))
            let notes = CLI.guarded { try commission.notes(entity: entity, id: id, for: .fileHolder("cli")) }
            try CLI.emit(try CLI.json(notes), to: nil)
        }
    }

    struct Plans: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List saved plans (id, name, mode, who saved it, marking) as JSON; `intiqal plan --workspace W --save NAME` saves one.")

        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }

        @Option(parsing: .unconditional, help: "Only plans saved under this name.")
        var name: String?

        struct Row: Encodable { var id: Int64; var name: String; var mode: String; var savedAt: String; var savedBy: String; var marking: Marking }

        func run() async throws {
            let commission = Commission(store: CLI.readWorkspace(workspace))
            let plans = CLI.guarded { try commission.savedPlans(name: name, for: .fileHolder("cli")) }
            try CLI.emit(try CLI.json(plans.map { Row(id: $0.id, name: $0.name, mode: $0.mode, savedAt: $0.savedAt, savedBy: $0.savedBy, marking: $0.marking) }),
                         to: nil)
        }
    }
}

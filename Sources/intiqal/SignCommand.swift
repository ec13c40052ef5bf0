import ArgumentParser
import IntiqalCommission
import IntiqalLedger
import IntiqalStorage

/// `intiqal sign --workspace W --entry N --key FILE`
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a proposed decision, or countersign another party's key registration, with a co-chair's key; the ledger must verify first."
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(parsing: .unconditional, help: "The entry number: a decision, or another party's key registration.") var entry: Int
    @Option(parsing: .unconditional, help: "The co-chair's private key file.") var key: String

    func run() async throws {
        let partyKey = CLI.guarded { try PartyKey.read(path: key) }
        let store = CLI.openWorkspace(options.workspace)
        let commission = Commission(store: store)
        let book = DecisionBook(store: store)
        if let registration = CLI.guarded({ try book.verify() }).registrations.first(where: { $0.seq == entry }) {
            let after = CLI.guarded { try commission.countersign(key: entry, with: partyKey, by: options.viewer) }
            print("\(options.shown): entry \(entry) (a key of \(registration.party)) countersigned by \(partyKey.party); " +
                  (after.active ? "active" : "active once \(registration.party)'s co-chair countersigns \(partyKey.party)'s key"))
            return
        }
        let state = CLI.guarded { try commission.sign(decision: entry, key: partyKey, by: options.viewer) }
        print("\(options.shown): entry \(entry) signed by \(partyKey.party); " +
              (state.binding ? "binding (signed by \(state.signedBy.sorted().joined(separator: ", ")))" : "waiting for \(state.missing.joined(separator: ", "))"))
    }
}

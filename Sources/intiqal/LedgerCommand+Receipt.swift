import ArgumentParser
import Foundation
import IntiqalLedger
import IntiqalStorage

extension LedgerCommand {
    /// `intiqal ledger receipt --workspace W --key FILE [--out F]`
    struct Receipt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the ledger's head with a co-chair's key: a receipt to keep, which `ledger verify --receipt` checks later.",
            discussion: "The receipt (seq, head hash, time, party, public key, Ed25519 signature) shows any later truncation or rewrite of the history it covers."
        )
        @OptionGroup var target: WorkspaceTarget
        var workspace: String { target.location }
        @Option(parsing: .unconditional, help: "The co-chair's private key file (its key must be registered in the workspace).") var key: String
        @Option(parsing: .unconditional, help: "Write the receipt to this file (default: standard output).") var out: String?
        @Option(parsing: .unconditional, help: "text (the receipt file `ledger verify --receipt` reads) or json (the body of POST /api/v1/ledger/receipts).")
        var format: ReceiptFormat = .text

        func run() async throws {
            let partyKey = CLI.guarded { try PartyKey.read(path: key) }
            let store = CLI.readWorkspace(workspace)
            let receipt = CLI.guarded { try DecisionBook(store: store).receipt(key: partyKey) }
            try CLI.emit(format == .text ? receipt.text : try CLI.json(ReceiptJSON(receipt)), to: out)
            if let out {
                print("\(out): receipt of \(partyKey.party) for entry \(receipt.seq), head \(receipt.head)")
            }
        }
    }
}

enum ReceiptFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A receipt as the server takes it (`POST /api/v1/ledger/receipts`).
struct ReceiptJSON: Encodable {
    var seq: Int
    var head: String
    var at: String
    var party: String
    var publicKey: String
    var signature: String

    init(_ r: LedgerReceipt) {
        seq = r.seq
        head = r.head
        at = r.at
        party = r.party
        publicKey = r.publicKey
        signature = r.signature
    }
}

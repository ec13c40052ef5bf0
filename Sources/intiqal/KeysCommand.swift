import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalLedger
import IntiqalStorage

/// `intiqal keys new|register`: co-chairs' Ed25519 keys.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make and register co-chairs' signing keys (Ed25519).",
        subcommands: [New.self, Register.self]
    )

    /// `intiqal keys new --party IRQ [--out FILE]`
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a key pair: the private key file (mode 0600) and the public key to register.",
            discussion: "Keep the key file outside any workspace: the workspace holds only public keys."
        )

        @Option(parsing: .unconditional, help: "The party whose co-chair holds the key (e.g. IRQ).") var party: String
        @Option(parsing: .unconditional, help: "The private key file to create (default: PARTY.key).") var out: String?

        func run() async throws {
            let path = out ?? "\(party).key"
            if Self.isWorkspace(path) { CLI.fail("\(path): that is a workspace; keep private keys out of workspaces") }
            let key = PartyKey(party: party)
            CLI.guarded { try key.write(path: path) }
            print("\(path): private key of \(party) (mode 0600; keep it secret)")
            print("public key: \(key.publicKey)")
        }

        /// An existing SQLite file (a workspace) at `path`.
        static func isWorkspace(_ path: String) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 16)).map { $0.starts(with: Data("SQLite format 3".utf8)) } ?? false
        }
    }

    /// `intiqal keys register --workspace W (--key FILE | --party P --public-key B64)`
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a co-chair's public key for a party in the workspace's ledger."
        )

        @OptionGroup var options: WorkspaceOptions
        @Option(parsing: .unconditional, help: "A key file; only its public key is recorded.") var key: String?
        @Option(parsing: .unconditional, help: "The party (with --public-key).") var party: String?
        @Option(name: .customLong("public-key"), parsing: .unconditional, help: "Base64 public key printed by `keys new`.") var publicKey: String?

        func validate() throws {
            if key == nil && (party == nil || publicKey == nil) { throw ValidationError("give --key FILE, or --party and --public-key") }
        }

        func run() async throws {
            let (party, pub) = CLI.guarded { () throws -> (String, String) in
                if let key { let k = try PartyKey.read(path: key); return (k.party, k.publicKey) }
                return (self.party ?? "", self.publicKey ?? "")
            }
            let store = CLI.openWorkspace(options.workspace)
            let entry = CLI.guarded { try Commission(store: store).registerKey(party: party, publicKey: pub, by: options.viewer) }
            print("\(options.shown): entry \(entry.seq): registered a co-chair key of \(party); it signs once another party's co-chair countersigns it (`intiqal sign --entry \(entry.seq)`)")
        }
    }
}

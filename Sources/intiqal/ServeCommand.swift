import ArgumentParser
import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalPostgres
import IntiqalServer
import IntiqalStorage

/// `intiqal serve --workspace W | --database postgres://… [--host 127.0.0.1] [--port 8080] [--tls-cert F --tls-key F]` or `intiqal serve --demo`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application under / and the JSON API under /api/v1 (described at /openapi.json), with sign-in, on a workspace or the demo.",
        discussion: "--demo serves an in-memory copy of iraq-2024 with demo users of each party and role; their names, passwords and TOTP secrets are printed at start."
    )

    @OptionGroup var target: WorkspaceTarget
    @Flag(help: "Serve an in-memory demo of iraq-2024 with demo users.") var demo = false
    @Flag(name: .customLong("insecure-demo"), help: "Allow --demo on a host that is not loopback.") var insecureDemo = false
    @Option(parsing: .unconditional, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port to listen on.") var port = 8080
    @Option(name: .customLong("tls-cert"), parsing: .unconditional, help: "Serve HTTPS with this PEM certificate (chain); give --tls-key too.")
    var tlsCert: String?
    @Option(name: .customLong("tls-key"), parsing: .unconditional, help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    func validate() throws {
        if demo && (target.file != nil || target.database != nil) { throw ValidationError("give --workspace W, --database URL or --demo, one of them") }
        if !demo && target.given == nil { throw ValidationError("give --workspace W, --database URL (or INTIQAL_DATABASE_URL) or --demo") }
        if demo && !insecureDemo && !ServerConfiguration.isLoopback(host) {
            throw ValidationError("--host: the demo's passwords are printed; serve it on a loopback address, or add --insecure-demo")
        }
        if !(0...65535).contains(port) { throw ValidationError("--port: 0 to 65535") }
        if tlsCert != nil && tlsKey == nil { throw ValidationError("--tls-cert: give --tls-key with it (the certificate's PEM private key)") }
        if tlsKey != nil && tlsCert == nil { throw ValidationError("--tls-key: give --tls-cert with it (the PEM certificate)") }
    }

    func run() async throws {
        // Both files are read and checked before anything else: a bad one is named at once.
        var tls: ServerTLS?
        if let tlsCert, let tlsKey {
            do { tls = try ServerTLS(certificatePath: tlsCert, keyPath: tlsKey) } catch let e as ServerTLS.Failure { CLI.fail(e.description) }
        }
        let commission: Commission
        var text = ""
        if demo {
            let d = CLI.guarded { try DemoWorkspace() }
            text += "Demo users (name, party, role, password, TOTP secret):\n"
            for a in d.accounts {
                text += "  \(a.user.name)\t\(a.user.party)\t\(a.user.role.rawValue)\(a.user.workingGroup.map { " (\($0))" } ?? "")\t\(a.password)\(a.totpSecret.map { "\t\($0)" } ?? "")\n"
            }
            commission = d.commission
        } else {
            let store = CLI.openWorkspace(target.location)
            if let pg = store as? PostgresWorkspaceStore, CLI.guarded({ try pg.rowLevelSecurityApplies() }) == false {
                FileHandle.standardError.write(Data("warning: \(pg.location): the database role is a superuser or BYPASSRLS, so row-level security does not apply to it; connect as the application role (docs/deploy.md)\n".utf8))
            }
            commission = Commission(store: store)
        }
        text += "serving on \(tls == nil ? "http" : "https")://\(host):\(port)/ (the web application; the API under /api/v1, contract: /openapi.json)\n"
        // Written at once, unbuffered: a supervisor reading a pipe sees it before the first request.
        FileHandle.standardOutput.write(Data(text.utf8))
        let configuration = ServerConfiguration(host: host, port: port, tls: tls)
        try await buildApplication(commission: commission, configuration: configuration).runService()
    }
}

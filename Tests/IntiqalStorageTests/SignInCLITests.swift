import Foundation
import GRDB
import Testing

/// Runs `intiqal` with `input` on standard input: (status, stdout, stderr).
func intiqal(input: String, _ args: String...) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: intiqalExecutable!)
    p.arguments = args
    let inPipe = Pipe(), out = Pipe(), err = Pipe()
    p.standardInput = inPipe
    p.standardOutput = out
    p.standardError = err
    try p.run()
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct SignInCLITests {
    @Test func passwordsFromStandardInputAreKeptAsBcryptHashesTokensShownOnce() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal")
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        let password = "a passphrase of the admin"
        let added = try intiqal(input: password + "\n", "users", "add", "--workspace", w, "--by", "root", "--name", "root", "--party", "IRQ",
                                "--role", "admin", "--password-stdin")
        #expect(added.0 == 0, "\(added.2)")
        let short = try intiqal(input: "short\n", "users", "add", "--workspace", w, "--by", "root", "--name", "x", "--party", "IRQ",
                                "--role", "analyst", "--password-stdin")
        #expect(short.0 == 1 && short.2.contains("--password"))
        let totp = try intiqal("users", "totp", "--workspace", w, "--by", "root", "--name", "root")
        #expect(totp.0 == 0 && totp.1.contains("otpauth://totp/Intiqal:root?secret="))
        let token = try intiqal("tokens", "new", "--workspace", w, "--by", "root", "--label", "ci", "--scope", "read-write", "--days", "7")
        let value = try #require(token.1.split(separator: "\n").last.map(String.init))
        #expect(token.0 == 0 && value.hasPrefix("iqt_"))
        let list = try intiqal("tokens", "list", "--workspace", w, "--by", "root")
        #expect(list.0 == 0 && list.1.contains("read-write") && !list.1.contains(value))
        #expect(try intiqal("tokens", "revoke", "--workspace", w, "--by", "root", "--id", "1").0 == 0)
        #expect(try intiqal("tokens", "list", "--workspace", w, "--by", "root").1.contains("revoked"))

        let raw = try DatabaseQueue(path: w)
        let hash = try raw.read { try String.fetchOne($0, sql: "SELECT password_hash FROM user WHERE name = 'root'") }
        try raw.close()
        #expect(hash?.hasPrefix("$2") == true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: w))
        #expect(!bytes.contains(Data(password.utf8)) && !bytes.contains(Data(value.utf8)))
    }

    @Test func theDemoRefusesAHostThatIsNotLoopback() throws {
        let r = try intiqal("serve", "--demo", "--host", "0.0.0.0")
        #expect(r.0 == 1 && r.2.contains("--insecure-demo"))
    }
}

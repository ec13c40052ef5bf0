import Foundation
import GRDB
import Testing
@testable import IntiqalStorage

/// Runs the built `intiqal` to the end: (status, stdout, stderr).
func intiqal(_ args: String...) throws -> (Int32, String, String) { try intiqal(args) }

@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct WorkspaceCLITests {
    @Test func proposeSignVerifyAndCatchAHandEdit() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal"), keys = TempDir()
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        for party in ["IRQ", "USA"] {
            let key = keys.path("\(party).key")
            #expect(try intiqal("keys", "new", "--party", party, "--out", key).0 == 0)
            #expect(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int == 0o600)
            #expect(try intiqal("keys", "register", "--workspace", w, "--key", key).0 == 0)
        }
        // Each co-chair countersigns the other's key; until then neither key signs.
        #expect(try intiqal("sign", "--workspace", w, "--entry", "1", "--key", keys.path("USA.key")).0 == 0)
        #expect(try intiqal("sign", "--workspace", w, "--entry", "2", "--key", keys.path("IRQ.key")).1.contains("active"))
        let (status, out, _) = try intiqal("decide", "adopt-plan", "--workspace", w, "--by", "secretariat")
        #expect(status == 0 && out.contains("entry 5"))
        #expect(try intiqal("sign", "--workspace", w, "--entry", "5", "--key", keys.path("IRQ.key")).1.contains("waiting for USA"))
        #expect(try intiqal("sign", "--workspace", w, "--entry", "5", "--key", keys.path("USA.key")).1.contains("binding"))
        let verified = try intiqal("ledger", "verify", "--workspace", w)
        #expect(verified.0 == 0 && verified.1.contains("1 binding"))
        // No private key material in the workspace.
        let privateKey = try String(contentsOfFile: keys.path("IRQ.key"), encoding: .utf8)
        let secret = privateKey.components(separatedBy: "\"privateKey\":\"")[1].prefix(20)
        #expect(!(try Data(contentsOf: URL(fileURLWithPath: w))).contains(Data(secret.utf8)))

        let raw = try DatabaseQueue(path: w)
        try raw.write { try $0.execute(sql: "UPDATE ledger_entry SET body = replace(body, 'conditions', 'deadlines') WHERE seq = 5") }
        try raw.close()
        let tampered = try intiqal("ledger", "verify", "--workspace", w)
        #expect(tampered.0 == 1 && tampered.2.contains("entry 5"))
    }

    @Test func badInputExitsOneNamingTheFieldAndWritesNothing() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal")
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        let before = try SQLiteWorkspaceStore(path: w).exportWorkspace()
        let csv = dir.path("r.csv")
        try "party,group,region,capability,month,value\nIRQ,threat,anbar,,2025-01,2\nUSA,capability,anbar,isr,2025-01,7\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try intiqal("assess", "--workspace", w, "--csv", csv)
        #expect(r.0 == 1 && r.2.contains("r.csv:3") && r.2.contains("value"))
        let bad = try intiqal("assess", "--workspace", w, "--party", "IRQ", "--group", "threat", "--region", "nowhere", "--month", "2025-01", "--value", "2")
        #expect(bad.0 == 1 && bad.2.contains("region"))
        #expect(try SQLiteWorkspaceStore(path: w).exportWorkspace() == before)
        let status = try intiqal("status", "--workspace", w, "--format", "json")
        #expect(status.0 == 0 && status.1.contains("\"state\""))
    }
}

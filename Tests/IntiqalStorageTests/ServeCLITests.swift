import Foundation
import Testing

/// `intiqal serve`'s flags are checked before it listens: exit 1 naming the flag or file.
@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct ServeCLITests {
    @Test func tlsFlagsComeTogetherAndNameTheFileAtFault() throws {
        let dir = TempDir()
        let missing = dir.path("missing.pem")
        var r = try intiqal("serve", "--demo", "--tls-cert", missing)
        #expect(r.0 == 1 && r.2.contains("--tls-cert") && r.2.contains("--tls-key"), "\(r)")
        r = try intiqal("serve", "--demo", "--tls-key", missing)
        #expect(r.0 == 1 && r.2.contains("--tls-key") && r.2.contains("--tls-cert"), "\(r)")
        r = try intiqal("serve", "--demo", "--tls-cert", missing, "--tls-key", missing)
        #expect(r.0 == 1 && r.2.contains("--tls-cert \(missing): no such file"), "\(r)")
        let garbage = dir.path("garbage.pem")
        try Data("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8).write(to: URL(fileURLWithPath: garbage))
        r = try intiqal("serve", "--demo", "--tls-cert", garbage, "--tls-key", garbage)
        #expect(r.0 == 1 && r.2.contains("--tls-cert \(garbage)"), "\(r)")
        #expect(!r.1.contains("serving"))
    }

    @Test func theDemoRefusesANonLoopbackHostWithoutInsecureDemo() throws {
        for host in ["0.0.0.0", "::", "10.1.2.3", "127.example.com", "localhost.example.com"] {
            let r = try intiqal("serve", "--demo", "--host", host, "--port", "1")
            #expect(r.0 == 1 && r.2.contains("--insecure-demo"), "\(host): \(r)")
            #expect(!r.1.contains("password") && !r.1.contains("serving"), "\(host)")
        }
    }
}

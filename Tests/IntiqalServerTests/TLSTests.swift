import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalServer
import Testing

/// `openssl` on the path (CI installs it: .ci/run).
let opensslPath: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs openssl with `arguments`; true on exit 0.
@discardableResult
func openssl(_ arguments: [String]) throws -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: opensslPath!)
    p.arguments = arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus == 0
}

/// A new self-signed certificate for localhost and its key, as PEM files in `dir`.
func selfSigned(in dir: URL, name: String = "server") throws -> (cert: String, key: String) {
    let cert = dir.appendingPathComponent("\(name).crt").path, key = dir.appendingPathComponent("\(name).key").path
    let made = try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout", key, "-out", cert])
    #expect(made, "openssl made no certificate")
    return (cert, key)
}

@Suite(.enabled(if: opensslPath != nil, "openssl makes the test certificates")) struct TLSTests {
    @Test func theRealServerSpeaksHTTPSWithSecureCookiesAndHSTS() async throws {
        let dir = try temporaryDirectory()
        let (cert, key) = try selfSigned(in: dir)
        let demo = try makeDemo(seed: 61)
        let tls = try ServerTLS(certificatePath: cert, keyPath: key)
        let app = try buildApplication(commission: demo.commission, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, tls: tls))
        try await app.test(.ahc(.https)) { client in
            let health = try await client.send("/health")
            #expect(health.status == .ok)
            #expect(health.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
            let r = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                          body: demo.signInBody("irq-capability"))
            #expect(r.status == .ok)
            let cookie = r.headers[.setCookie] ?? ""
            #expect(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            let id = try #require(sessionCookie(cookie))
            let me = try await client.send("/api/v1/session", headers: [.cookie: "intiqal_session=\(id)"])
            #expect(me.status == .ok && object(me)["name"] as? String == "irq-capability")
            // A problem document carries the header too.
            #expect(try await client.send("/api/v1/status").headers[HTTPField.Name("Strict-Transport-Security")!] != nil)
        }
    }

    @Test func plainHTTPHasNeitherSecureCookiesNorHSTS() async throws {
        let demo = try makeDemo(seed: 62)
        let app = try buildApplication(commission: demo.commission, configuration: ServerConfiguration(host: "127.0.0.1", port: 0))
        try await app.test(.live) { client in
            let r = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                          body: demo.signInBody("irq-capability"))
            #expect(r.status == .ok && !(r.headers[.setCookie] ?? "").contains("Secure"))
            #expect(r.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
        }
    }

    @Test func aMissingUnreadableBadOrMismatchedCertificateOrKeyIsNamed() throws {
        let dir = try temporaryDirectory()
        let (cert, key) = try selfSigned(in: dir)
        let (_, otherKey) = try selfSigned(in: dir, name: "other")
        let garbage = dir.appendingPathComponent("garbage.pem").path
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: garbage))
        let empty = dir.appendingPathComponent("empty.pem").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let missing = dir.appendingPathComponent("missing.pem").path
        let cases: [(String, String, String, String)] = [
            (missing, key, "--tls-cert", "no such file"),
            (cert, missing, "--tls-key", "no such file"),
            (garbage, key, "--tls-cert", "certificate"),
            (empty, key, "--tls-cert", "empty"),
            (cert, garbage, "--tls-key", "private key"),
            (key, key, "--tls-cert", "certificate"),          // a key where the certificate belongs
            (cert, cert, "--tls-key", "private key"),          // a certificate where the key belongs
            (cert, otherKey, "--tls-key", "not the private key of the certificate"),
            (dir.path, key, "--tls-cert", "directory"),
        ]
        for (c, k, flag, words) in cases {
            let failure = #expect(throws: ServerTLS.Failure.self) { try ServerTLS(certificatePath: c, keyPath: k) }
            #expect(failure?.flag == flag, "\(c) \(k): \(String(describing: failure))")
            #expect(failure?.description.contains(words) == true, "\(String(describing: failure))")
            #expect(failure?.description.contains(flag == "--tls-cert" ? c : k) == true)
        }
        if getuid() != 0 {   // root reads any file
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: key)
            let failure = #expect(throws: ServerTLS.Failure.self) { try ServerTLS(certificatePath: cert, keyPath: key) }
            #expect(failure?.flag == "--tls-key" && failure?.description.contains("cannot be read") == true)
        }
    }
}

@Suite struct LoopbackTests {
    @Test func onlyLoopbackAddressesAreLoopback() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"] {
            #expect(ServerConfiguration.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "127.example.com", "127.0.0.1.nip.io", "localhost.example.com",
                     "", "192.168.1.127", "::2", "::ffff:10.0.0.1", "example.com"] {
            #expect(!ServerConfiguration.isLoopback(host), "\(host)")
        }
    }
}

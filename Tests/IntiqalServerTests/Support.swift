import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntiqalCommission
import IntiqalLedger
import IntiqalServer
import IntiqalStorage
import NIOCore
import Testing

/// The tests' one instant: sessions, TOTP codes and the audit log all read it.
let fixedNow = Date(timeIntervalSince1970: 1_767_225_600)

/// A seeded generator (SplitMix64) for ids and secrets: runs repeat exactly.
final class SeededBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    func next() -> UInt64 {
        lock.withLock {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
    func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

func makeDemo(seed: UInt64 = 1, store: (any WorkspaceStore)? = nil) throws -> DemoWorkspace {
    let random = SeededBytes(seed: seed)
    return try DemoWorkspace(store: store, randomBytes: { random.bytes($0) }, now: { fixedNow })
}

/// A fresh temporary directory (left for the system to clear).
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A signed head as the body of `POST /api/v1/ledger/receipts`.
func receiptBody(_ r: LedgerReceipt) -> String {
    json(["head": r.head, "at": r.at, "party": r.party, "publicKey": r.publicKey, "signature": r.signature]).dropLast() + #","seq":\#(r.seq)}"#
}

func application(_ demo: DemoWorkspace) -> some ApplicationProtocol {
    Application(router: buildRouter(commission: demo.commission), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
}

/// A signed-in client's credentials: the session cookie and the CSRF token.
struct Session: Sendable {
    var cookie: String
    var csrf: String

    var readHeaders: HTTPFields { [.cookie: "intiqal_session=\(cookie)"] }
    var writeHeaders: HTTPFields {
        [.cookie: "intiqal_session=\(cookie)", HTTPField.Name("X-CSRF-Token")!: csrf, .contentType: "application/json"]
    }
}

extension DemoWorkspace {
    func account(_ name: String) -> Account { accounts.first { $0.user.name == name }! }

    /// The sign-in body for `name`, with the current TOTP code where one is enrolled.
    func signInBody(_ name: String, password: String? = nil) -> String {
        let a = account(name)
        var body: [String: String] = ["name": name, "password": password ?? a.password]
        if let secret = a.totpSecret { body["code"] = TOTP(base32: secret)!.code(at: fixedNow) }
        return json(body)
    }
}

func json<T: Encodable>(_ value: T) -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    return String(decoding: try! e.encode(value), as: UTF8.self)
}

extension TestClientProtocol {
    func send(_ uri: String, _ method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Signs `name` in and returns the session.
    func signIn(_ demo: DemoWorkspace, _ name: String) async throws -> Session {
        let r = try await send("/api/v1/session", .post, headers: [.contentType: "application/json"], body: demo.signInBody(name))
        #expect(r.status == .ok, "sign-in of \(name): \(String(buffer: r.body))")
        let cookie = r.headers[.setCookie].flatMap(sessionCookie) ?? ""
        let csrf = (try? JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])?["csrfToken"] as? String ?? ""
        return Session(cookie: cookie, csrf: csrf)
    }
}

/// The session id in a Set-Cookie header.
func sessionCookie(_ header: String) -> String? {
    guard header.hasPrefix("intiqal_session=") else { return nil }
    return String(header.dropFirst("intiqal_session=".count).prefix { $0 != ";" })
}

func object(_ r: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]) ?? [:]
}

func items(_ r: TestResponse) -> [[String: Any]] { object(r)["items"] as? [[String: Any]] ?? [] }

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalServer
import IntiqalStorage
@testable import IntiqalWeb
import NIOCore
import Testing

/// The label catalogue as a whole: every key in both files, every key the pages use present,
/// Arabic labels written in Arabic.
@Suite struct CatalogueTests {
    static let sources: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/IntiqalWeb")

    @Test func bothLanguagesHaveExactlyTheSameKeysAndNoEmptyLabel() {
        let en = Catalogue.load(.en), ar = Catalogue.load(.ar)
        #expect(en.count > 100)
        #expect(Set(en.keys) == Set(ar.keys), "only in en: \(Set(en.keys).subtracting(ar.keys).sorted()); only in ar: \(Set(ar.keys).subtracting(en.keys).sorted())")
        for (k, v) in en { #expect(!v.trimmingCharacters(in: .whitespaces).isEmpty, "en \(k)") }
        for (k, v) in ar { #expect(!v.trimmingCharacters(in: .whitespaces).isEmpty, "ar \(k)") }
    }

    @Test func everyArabicLabelIsWrittenInArabicAndDiffersFromTheEnglish() {
        let en = Catalogue.load(.en), ar = Catalogue.load(.ar)
        let sameOnPurpose: Set<String> = []
        for (k, v) in ar {
            #expect(v.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "ar \(k) has no Arabic letter: \(v)")
            if !sameOnPurpose.contains(k) { #expect(v != en[k], "ar \(k) is the English text") }
        }
    }

    @Test func placeholdersMatchBetweenLanguages() {
        let en = Catalogue.load(.en), ar = Catalogue.load(.ar)
        func holes(_ s: String) -> [String] { (0..<5).map { "{\($0)}" }.filter { s.contains($0) } }
        for (k, v) in en { #expect(holes(v) == holes(ar[k] ?? ""), "placeholders of \(k)") }
    }

    /// Every literal key the Swift sources read, and every key made from an enumeration, is in the catalogue.
    @Test func everyKeyThePagesUseIsInTheCatalogue() throws {
        let en = Catalogue.load(.en)
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        let pattern = try Regex(#"(?:l\[|format\()"([a-z][a-zA-Z0-9_.\-]*)""#)
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            // A key ending in '.' is a prefix completed by an enumeration's value (listed below).
            for m in text.matches(of: pattern) where !m.output[1].substring!.hasSuffix(".") { used.insert(String(m.output[1].substring!)) }
        }
        #expect(used.count > 100)
        for role in User.Role.allCases { used.insert("role." + role.rawValue) }
        for g in Factor.allCases { used.insert("group." + g.rawValue); used.insert("field.value.scale") }
        for s in [GateStatus.State.met, .unmet, .disputed, .notNeeded] { used.insert("gate." + s.rawValue) }
        for m in ["conditions", "deadlines"] { used.insert("mode." + m); used.insert("projected." + m) }
        for c in Assessment.Confidence.allCases { used.insert("confidence." + c.rawValue) }
        for t in Trend.allCases { used.insert("trend." + t.rawValue) }
        for s in EvidenceItemRecord.Status.allCases { used.insert("status." + s.rawValue) }
        for k in ["adopt-plan", "gate-met", "resolve-dispute", "phase-complete", "adopt-scale", "commitment-status"] { used.insert("kind." + k) }
        for e in ["meeting", "statement", "attack", "agreement", "withdrawal", "handover", "other"] { used.insert("event." + e) }
        for s in StoredToken.Scope.allCases { used.insert("scope." + s.rawValue) }
        for k in Incident.Kind.allCases { used.insert("incident." + k.rawValue) }
        for k in IncidentSource.Kind.allCases { used.insert("source." + k.rawValue) }
        for e in NoteRecord.entities { used.insert("entity." + e) }
        for s in 0...3 { used.insert("commitment.\(s)") }
        for e in ["invalid", "forbidden", "conflict", "notfound", "unauthenticated", "throttled", "unavailable"] { used.insert("error." + e) }
        for d in ["password", "revoked", "rated", "released", "reviewed", "uploaded", "proposed", "signed", "binding", "useradded"] { used.insert("done." + d) }
        for f in ["name", "password", "code", "current", "new", "label", "scope", "days", "region", "capability", "month", "value",
                  "confidence", "trend", "evidence", "group", "published", "marking", "text", "kind", "mode", "phase", "commitment",
                  "status", "signature", "publicKey", "factor", "role", "party"] { used.insert("field." + f) }
        let missing = used.subtracting(en.keys).sorted()
        #expect(missing.isEmpty, "keys used but not in the catalogue: \(missing)")
    }
}


@Suite struct HTMLTests {
    @Test func interpolatedTextIsEscapedAndHTMLIsNot() {
        let evil = "<script>alert('x')</script>\"&"
        let inner: HTML = "<b>\(evil)</b>"
        let page: HTML = "<p title=\"\(evil)\">\(inner)</p>"
        #expect(page.text == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\"><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</b></p>")
        #expect(!page.text.contains("<script>"))
    }

    @Test func bdiIsolatesIdsAndNumbers() {
        let h: HTML = "\(bdi: "REL IRQ")"
        #expect(h.text == "<bdi>REL IRQ</bdi>")
    }

    @Test func arabicIndicDigitsAndMonthsFollowTheReadersChoice() {
        let ar = WebLocale(language: .ar, arabicDigits: true), en = WebLocale(language: .en, arabicDigits: true)
        #expect(ar.number(12345) == "١٢٬٣٤٥")
        #expect(en.number(12345) == "12,345")   // Arabic-Indic digits only on Arabic pages
        #expect(ar.month(YearMonth(year: 2025, month: 1)) == "كانون الثاني ٢٠٢٥")
        #expect(WebLocale(language: .ar).month(YearMonth(year: 2025, month: 1)) == "كانون الثاني 2025")
        #expect(en.month(YearMonth(year: 2025, month: 9)) == "September 2025")
    }

    @Test func reportSpansAreMarkedByScalarOffsetsAndTheTextStaysEscaped() {
        let h = Pages.highlight("أ <b> then ب.", [(2, 5), (4, 6)])
        #expect(h.text == "أ <mark>&lt;b&gt; </mark>then ب.")
    }
}

/// Pages through the router, as a browser would use them: sign in by form, read the CSRF token
/// from the page, write by form; markings seen through the HTML.
@Suite struct PageTests {
    static let now = Date()

    final class Random: @unchecked Sendable {
        private let lock = NSLock()
        private var state: UInt64 = 7
        func bytes(_ n: Int) -> [UInt8] {
            lock.withLock {
                (0..<n).map { _ in
                    state &+= 0x9E37_79B9_7F4A_7C15
                    var z = state
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    return UInt8(truncatingIfNeeded: z ^ (z >> 31))
                }
            }
        }
    }

    static func demo() throws -> DemoWorkspace {
        let random = Random()
        return try DemoWorkspace(randomBytes: { random.bytes($0) })
    }

    static func app(_ demo: DemoWorkspace) -> some ApplicationProtocol {
        Application(router: buildRouter(commission: demo.commission), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    struct Browser {
        var cookies: [String: String] = [:]
        var header: HTTPFields {
            [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
        }
        mutating func take(_ r: TestResponse) {
            for value in r.headers[values: .setCookie] {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) } else if pair.count == 1 { cookies[String(pair[0])] = nil }
                if value.contains("Max-Age=0") { cookies[String(pair[0])] = nil }
            }
        }
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func get(_ client: some TestClientProtocol, _ b: inout Browser, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        let r = try await client.execute(uri: uri, method: .get, headers: b.header, body: nil)
        b.take(r)
        return (r.status, String(buffer: r.body))
    }

    static func post(_ client: some TestClientProtocol, _ b: inout Browser, _ uri: String, _ form: [(String, String)]) async throws -> TestResponse {
        var h = b.header
        h[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\(Form.encode($0.0))=\(Form.encode($0.1))" }.joined(separator: "&")
        let r = try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body))
        b.take(r)
        return r
    }

    static func signIn(_ client: some TestClientProtocol, _ demo: DemoWorkspace, _ name: String) async throws -> Browser {
        var b = Browser()
        let (_, page) = try await get(client, &b, "/signin")
        let token = try #require(hidden("presession", in: page))
        let a = demo.accounts.first { $0.user.name == name }!
        var r = try await post(client, &b, "/signin", [("presession", token), ("name", name), ("password", a.password)])
        #expect(r.status == .seeOther, "sign-in of \(name)")
        if let s = a.totpSecret {
            // The second step: the code on its own page.
            #expect(r.headers[.location] == "/signin/code" && b.cookies["intiqal_session"] == nil)
            let (_, codePage) = try await get(client, &b, "/signin/code")
            let token = try #require(hidden("presession", in: codePage))
            r = try await post(client, &b, "/signin/code", [("presession", token), ("code", TOTP(base32: s)!.code(at: Date()))])
            #expect(r.status == .seeOther && r.headers[.location] == "/", "code of \(name)")
        }
        #expect(b.cookies["intiqal_session"] != nil)
        return b
    }

    @Test func everyRoleSignsInAndSeesItsDashboardInBothLanguages() async throws {
        let demo = try Self.demo()
        try await Self.app(demo).test(.router) { client in
            for name in ["irq-capability", "usa-threat", "irq-secretariat", "usa-analyst", "gbr-liaison", "irq-cochair", "admin"] {
                var b = try await Self.signIn(client, demo, name)
                let (status, en) = try await Self.get(client, &b, "/")
                #expect(status == .ok)
                #expect(en.contains("<html lang=\"en\" dir=\"ltr\">") && en.contains("class=\"gates\""))
                b.cookies["intiqal_lang"] = "ar"
                let (_, ar) = try await Self.get(client, &b, "/")
                #expect(ar.contains("<html lang=\"ar\" dir=\"rtl\">") && !ar.contains("⟦"))
            }
        }
    }

    @Test func aWriteWithoutTheFormTokenIsRefusedAndChangesNothing() async throws {
        let demo = try Self.demo()
        try await Self.app(demo).test(.router) { client in
            var b = try await Self.signIn(client, demo, "irq-capability")
            let before = try demo.commission.assessments(for: .fileHolder("x")).count
            let r = try await Self.post(client, &b, "/assessments", [("csrf", "wrong"), ("group", "capability"), ("region", "anbar"),
                                                                     ("capability", "isr"), ("month", "2025-01"), ("value", "3")])
            #expect(r.status == .forbidden)
            #expect(try demo.commission.assessments(for: .fileHolder("x")).count == before)
        }
    }

    @Test func aRatingIsSeenByTheOtherPartyOnlyAfterItsRelease() async throws {
        let demo = try Self.demo()
        try await Self.app(demo).test(.router) { client in
            var irq = try await Self.signIn(client, demo, "irq-capability")
            var usa = try await Self.signIn(client, demo, "usa-capability")
            let (_, page) = try await Self.get(client, &irq, "/assessments?month=2025-02")
            let csrf = try #require(Self.hidden("csrf", in: page))
            let r = try await Self.post(client, &irq, "/assessments", [("csrf", csrf), ("group", "capability"), ("region", "anbar"),
                                                                       ("capability", "isr"), ("month", "2025-02"), ("value", "1"),
                                                                       ("confidence", "high"), ("trend", ""), ("evidence", "web-test-source-77")])
            #expect(r.status == .seeOther)
            let record = try #require(try demo.commission.assessments(for: .fileHolder("x")).last)
            #expect(record.marking == .rel(["IRQ"]))
            let (_, own) = try await Self.get(client, &irq, "/assessments?month=2025-02")
            #expect(own.contains("data-rating=\"\(record.id)\"") && own.contains("web-test-source-77"))
            for path in ["/", "/assessments?month=2025-02", "/evidence", "/plans", "/decisions", "/commitments", "/account"] {
                let (_, seen) = try await Self.get(client, &usa, path)
                #expect(!seen.contains("data-rating=\"\(record.id)\"") && !seen.contains("web-test-source-77"), "\(path)")
            }
            // Refused input keeps what was typed and names the field.
            let bad = try await Self.post(client, &irq, "/assessments", [("csrf", csrf), ("group", "capability"), ("region", "nowhere"),
                                                                         ("capability", "isr"), ("month", "2025-02"), ("value", "1"),
                                                                         ("evidence", "kept-text-42")])
            let badPage = String(buffer: bad.body)
            #expect(bad.status == .unprocessableContent && badPage.contains("kept-text-42") && badPage.contains("href=\"#f-region\""))
            let rel = try await Self.post(client, &irq, "/assessments/\(record.id)/release", [("csrf", csrf), ("back", "/assessments?month=2025-02")])
            #expect(rel.status == .seeOther)
            let (_, after) = try await Self.get(client, &usa, "/assessments?month=2025-02")
            #expect(after.contains("data-rating=\"\(record.id)\""))
        }
    }

    @Test func aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() async throws {
        let demo = try Self.demo()
        try await Self.app(demo).test(.router) { client in
            var b = try await Self.signIn(client, demo, "usa-analyst")
            let (_, page) = try await Self.get(client, &b, "/account")
            let csrf = try #require(Self.hidden("csrf", in: page))
            let wrong = try await Self.post(client, &b, "/account/password", [("csrf", csrf), ("current", "not my password"), ("new", "a new long passphrase")])
            #expect(wrong.status == .unprocessableContent && String(buffer: wrong.body).contains("href=\"#f-current\""))
            let short = try await Self.post(client, &b, "/account/password", [("csrf", csrf), ("current", demo.accounts.first { $0.user.name == "usa-analyst" }!.password), ("new", "short")])
            #expect(short.status == .unprocessableContent && String(buffer: short.body).contains("href=\"#f-new\""))
            let ok = try await Self.post(client, &b, "/account/password", [("csrf", csrf), ("current", demo.accounts.first { $0.user.name == "usa-analyst" }!.password), ("new", "a new long passphrase")])
            #expect(ok.status == .seeOther)
            #expect(throws: CommissionError.self) { try demo.commission.signIn(name: "usa-analyst", password: demo.accounts.first { $0.user.name == "usa-analyst" }!.password, code: nil, address: "t") }
            #expect(try demo.commission.signIn(name: "usa-analyst", password: "a new long passphrase", code: nil, address: "t").user.name == "usa-analyst")
        }
    }

    @Test func theSignInFormNeedsItsDoubleSubmittedToken() async throws {
        let demo = try Self.demo()
        try await Self.app(demo).test(.router) { client in
            var b = Browser()
            let a = demo.accounts.first { $0.user.name == "irq-analyst" }!
            let r = try await Self.post(client, &b, "/signin", [("presession", "forged"), ("name", "irq-analyst"), ("password", a.password)])
            #expect(r.status == .forbidden)
            #expect(b.cookies["intiqal_session"] == nil)
        }
    }
}

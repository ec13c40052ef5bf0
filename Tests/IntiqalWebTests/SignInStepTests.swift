import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntiqalCommission
import IntiqalServer
import IntiqalStorage
@testable import IntiqalWeb
import Testing

/// Signing in in two steps: the password, then (where required) the one-time code on a page of
/// its own, from a pending sign-in kept server-side and bound to a cookie.
@Suite struct SignInStepTests {
    static func failures(_ demo: DemoWorkspace, _ name: String) throws -> [AuditRecord] {
        try demo.commission.auditLog(for: .fileHolder("x")).filter { $0.action == "sign-in-failed" && $0.actor == name }
    }

    @Test func aRightPasswordOfACoChairLeadsToTheCodesPageNotASessionNorAFailure() async throws {
        let demo = try PageTests.demo()
        let a = demo.accounts.first { $0.user.name == "irq-cochair" }!
        let secret = try #require(a.totpSecret.flatMap { TOTP(base32: $0) })
        try await PageTests.app(demo).test(.router) { client in
            var b = PageTests.Browser()
            let (_, page) = try await PageTests.get(client, &b, "/signin")
            #expect(!page.contains("id=\"f-code\""))   // step one asks no code
            let token = try #require(PageTests.hidden("presession", in: page))
            let r = try await PageTests.post(client, &b, "/signin", [("presession", token), ("name", a.user.name), ("password", a.password)])
            #expect(r.status == .seeOther && r.headers[.location] == "/signin/code")
            #expect(b.cookies["intiqal_session"] == nil && b.cookies["intiqal_pending"] != nil)
            #expect(try Self.failures(demo, a.user.name).isEmpty)
            // Not signed in yet: the pages send to the sign-in.
            let (status, _) = try await PageTests.get(client, &b, "/")
            #expect(status == .seeOther)
            let (_, codePage) = try await PageTests.get(client, &b, "/signin/code")
            #expect(codePage.contains("id=\"f-code\"") && !codePage.contains("id=\"f-password\""))
            // A wrong code is asked again on the code's page and counts as a failure.
            let wrong = String(format: "%06d", (Int(secret.code(at: Date()))! + 1) % 1_000_000)
            let bad = try await PageTests.post(client, &b, "/signin/code", [("presession", token), ("code", wrong)])
            let badPage = String(buffer: bad.body)
            #expect(bad.status == .unauthorized && badPage.contains("id=\"f-code\"") && badPage.contains("href=\"#f-code\""))
            #expect(b.cookies["intiqal_session"] == nil)
            #expect(try Self.failures(demo, a.user.name).count == 1)
            // The right code signs in, and the pending sign-in is spent.
            let pending = try #require(b.cookies["intiqal_pending"])
            let ok = try await PageTests.post(client, &b, "/signin/code", [("presession", token), ("code", secret.code(at: Date()))])
            #expect(ok.status == .seeOther && ok.headers[.location] == "/" && b.cookies["intiqal_session"] != nil)
            #expect(demo.commission.pendingSignIn(id: pending) == nil)
            #expect(try Self.failures(demo, a.user.name).count == 1)
        }
    }

    @Test func theCodesPageWithoutALivePendingSignInSendsBackToStepOne() async throws {
        let demo = try PageTests.demo()
        try await PageTests.app(demo).test(.router) { client in
            var b = PageTests.Browser()
            let (_, page) = try await PageTests.get(client, &b, "/signin")
            let token = try #require(PageTests.hidden("presession", in: page))
            let r1 = try await PageTests.get(client, &b, "/signin/code")
            #expect(r1.0 == .seeOther)
            b.cookies["intiqal_pending"] = String(repeating: "ab", count: 32)   // forged
            let r2 = try await PageTests.post(client, &b, "/signin/code", [("presession", token), ("code", "123456")])
            #expect(r2.status == .seeOther && r2.headers[.location] == "/signin?expired=1" && b.cookies["intiqal_session"] == nil)
            // The code step still needs the double-submitted token.
            let r3 = try await PageTests.post(client, &b, "/signin/code", [("presession", "forged"), ("code", "123456")])
            #expect(r3.status == .forbidden)
        }
    }

    /// Two instances on one workspace (as behind a round robin, issue 12): the pending sign-in is
    /// a row of the workspace, so the code may reach the other instance; and a pending id is
    /// never a session, whichever cookie carries it.
    @Test func thePendingSignInLivesInTheWorkspaceNotInAnInstance() throws {
        let demo = try PageTests.demo()
        let first = Commission(store: demo.commission.store), second = Commission(store: demo.commission.store)
        let a = demo.accounts.first { $0.user.name == "irq-cochair" }!
        let secret = try #require(a.totpSecret.flatMap { TOTP(base32: $0) })
        guard case .codeNeeded(let id, _, _) = try first.signInPassword(name: a.user.name, password: a.password, address: "t") else {
            Issue.record("a co-chair needs a code"); return
        }
        #expect(second.pendingSignIn(id: id) == a.user.name)
        #expect(throws: CommissionError.self) { try second.session(id: id) }   // not a session
        let signedIn = try second.signInCode(pending: id, code: secret.code(at: Date()), address: "t")
        #expect(try first.session(id: signedIn.sessionID).user.name == a.user.name)
        // Spent, on both instances.
        #expect(first.pendingSignIn(id: id) == nil && second.pendingSignIn(id: id) == nil)
        #expect(throws: CommissionError.self) { try first.signInCode(pending: id, code: secret.code(at: Date()), address: "t") }
    }

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Date()
        var now: Date { lock.withLock { value } }
        func advance(_ s: Double) { lock.withLock { value += s } }
    }

    @Test func aPendingSignInExpiresAndWrongCodesAreThrottled() throws {
        let demo = try PageTests.demo()
        let clock = Clock()
        let commission = Commission(store: demo.commission.store, now: { clock.now })
        let a = demo.accounts.first { $0.user.name == "usa-cochair" }!
        let secret = try #require(a.totpSecret.flatMap { TOTP(base32: $0) })
        guard case .codeNeeded(let id, let user, _) = try commission.signInPassword(name: a.user.name, password: a.password, address: "t") else {
            Issue.record("a co-chair needs a code"); return
        }
        #expect(user == a.user.name && commission.pendingSignIn(id: id) == a.user.name)
        clock.advance(Commission.pendingSignInLifetime + 1)
        #expect(commission.pendingSignIn(id: id) == nil)
        #expect(throws: CommissionError.self) { try commission.signInCode(pending: id, code: secret.code(at: clock.now), address: "t") }
        // A user who needs no code gets a session at once.
        let analyst = demo.accounts.first { $0.user.name == "usa-analyst" }!
        guard case .signedIn = try commission.signInPassword(name: analyst.user.name, password: analyst.password, address: "t") else {
            Issue.record("an analyst needs no code"); return
        }
        // A wrong password is a failure; five failures (password or code) and even the right code is refused.
        #expect(throws: CommissionError.self) { try commission.signInPassword(name: a.user.name, password: "wrong password!", address: "t") }
        guard case .codeNeeded(let id2, _, _) = try commission.signInPassword(name: a.user.name, password: a.password, address: "t") else {
            Issue.record("code needed"); return
        }
        for _ in 0..<4 {
            #expect(throws: CommissionError.self) { try commission.signInCode(pending: id2, code: "000000x", address: "t") }
        }
        #expect(throws: CommissionError.throttled("too many failed sign-ins; try again later")) {
            try commission.signInCode(pending: id2, code: secret.code(at: clock.now), address: "t")
        }
    }
}

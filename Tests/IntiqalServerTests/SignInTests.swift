import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalServer
import Testing

/// Sign-in through the real server on loopback.
@Suite struct SignInTests {
    @Test func signInSetsAStrictHttpOnlySessionCookieWithANewIdEachTime() async throws {
        let demo = try makeDemo()
        try await application(demo).test(.live) { client in
            // A session id planted before sign-in (fixation) is not adopted: the server issues its own.
            let planted = "attacker-chosen-id"
            let r = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json", .cookie: "intiqal_session=\(planted)"],
                                          body: demo.signInBody("irq-capability"))
            #expect(r.status == .ok)
            let header = r.headers[.setCookie] ?? ""
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict") && header.contains("Path=/"))
            let first = try #require(sessionCookie(header))
            #expect(first != planted && first.count == 64)
            let second = try await client.signIn(demo, "irq-capability")
            #expect(second.cookie != first)
            #expect(try await client.send("/api/v1/session", headers: [.cookie: "intiqal_session=\(planted)"]).status == .unauthorized)
            let me = try await client.send("/api/v1/session", headers: second.readHeaders)
            #expect(me.status == .ok && object(me)["name"] as? String == "irq-capability")
        }
    }

    @Test func theSixthFailedSignInWithinFifteenMinutesGets429AndEveryFailureIsAudited() async throws {
        let demo = try makeDemo()
        try await application(demo).test(.live) { client in
            for _ in 1...5 {
                let r = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                              body: demo.signInBody("usa-analyst", password: "wrong password!!"))
                #expect(r.status == .unauthorized)
                #expect(r.headers[.contentType] == "application/problem+json")
            }
            let sixth = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                              body: demo.signInBody("usa-analyst"))
            #expect(sixth.status == .tooManyRequests)
            let audit = try demo.commission.auditLog(for: .fileHolder("x"))
            #expect(audit.filter { $0.action == "sign-in-failed" && $0.actor == "usa-analyst" }.count == 5)
            // Another account from another address is not held back by these failures… but this
            // client shares the address, so the per-address limit holds it too.
            let other = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                              body: demo.signInBody("irq-analyst"))
            #expect(other.status == .tooManyRequests)
        }
    }

    @Test func coChairsAndAdminsNeedTheirTOTPCode() async throws {
        let demo = try makeDemo()
        try await application(demo).test(.live) { client in
            let a = demo.account("irq-cochair")
            let noCode = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                               body: json(["name": "irq-cochair", "password": a.password]))
            #expect(noCode.status == .unauthorized)
            let wrong = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                              body: json(["name": "irq-cochair", "password": a.password, "code": "000000"]))
            #expect(wrong.status == .unauthorized)
            _ = try await client.signIn(demo, "irq-cochair")
            _ = try await client.signIn(demo, "admin")
        }
    }

    @Test func aCookieWriteWithoutTheCSRFTokenIsRefused() async throws {
        let demo = try makeDemo()
        try await application(demo).test(.live) { client in
            let s = try await client.signIn(demo, "irq-capability")
            let body = json(["party": "IRQ", "group": "capability", "region": "anbar", "capability": "isr", "month": "2025-01"]).dropLast() + #","value":2}"#
            var headers = s.writeHeaders
            headers[HTTPField.Name("X-CSRF-Token")!] = nil
            let refused = try await client.send("/api/v1/assessments", .post, headers: headers, body: String(body))
            #expect(refused.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = String(s.csrf.reversed())
            #expect(try await client.send("/api/v1/assessments", .post, headers: headers, body: String(body)).status == .forbidden)
            #expect(try await client.send("/api/v1/assessments", .post, headers: s.writeHeaders, body: String(body)).status == .created)
        }
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        let demo = try makeDemo()
        try await application(demo).test(.live) { client in
            let s = try await client.signIn(demo, "usa-secretariat")
            #expect(try await client.send("/api/v1/session", .delete, headers: s.writeHeaders).status == .noContent)
            // The old cookie, replayed, is no longer a session.
            #expect(try await client.send("/api/v1/assessments", headers: s.readHeaders).status == .unauthorized)
        }
    }
}

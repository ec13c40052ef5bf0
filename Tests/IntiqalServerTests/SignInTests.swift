import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntiqalCommission
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

    @Test func signingInOverALiveSessionNeedsItsCSRFTokenIssuesANewIdAndEndsTheOldSession() async throws {
        let demo = try makeDemo(seed: 81)
        try await application(demo).test(.live) { client in
            let first = try await client.signIn(demo, "irq-capability")
            // Login CSRF: a page elsewhere making this browser sign in as someone else sends the live
            // cookie but cannot know the token: refused, no cookie set, still the same user.
            var r = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json", .cookie: "intiqal_session=\(first.cookie)"],
                                          body: demo.signInBody("usa-analyst"))
            #expect(r.status == .forbidden && r.headers[.setCookie] == nil)
            #expect(object(try await client.send("/api/v1/session", headers: first.readHeaders))["name"] as? String == "irq-capability")
            // A form post cannot sign anyone in, even with no cookie (its text/plain body can read as JSON).
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
                r = try await client.send("/api/v1/session", .post, headers: [.contentType: type], body: demo.signInBody("usa-analyst"))
                #expect(r.status == .unsupportedMediaType && r.headers[.setCookie] == nil, "\(type)")
            }
            r = try await client.send("/api/v1/session", .post, body: demo.signInBody("usa-analyst"))
            #expect(r.status == .unsupportedMediaType)
            // With the token: a new id, and the session it replaces ends on the server.
            r = try await client.send("/api/v1/session", .post, headers: first.writeHeaders, body: demo.signInBody("irq-capability"))
            #expect(r.status == .ok)
            let second = try #require(r.headers[.setCookie].flatMap(sessionCookie))
            #expect(second != first.cookie)
            #expect(try await client.send("/api/v1/session", headers: first.readHeaders).status == .unauthorized)
            #expect(try await client.send("/api/v1/session", headers: [.cookie: "intiqal_session=\(second)"]).status == .ok)
            let audit = try demo.commission.auditLog(for: .fileHolder("x"))
            #expect(audit.filter { $0.action == "sign-out" && $0.actor == "irq-capability" }.count == 1)
        }
    }

    @Test func aSessionExpiresAfterEightHours() async throws {
        let demo = try makeDemo(seed: 82)
        let s = try demo.commission.signIn(name: "usa-analyst", password: demo.account("usa-analyst").password, code: nil, address: "test")
        for (hours, status) in [(7.9, HTTPResponse.Status.ok), (8.1, .unauthorized)] {
            let later = Commission(store: demo.commission.store, now: { fixedNow.addingTimeInterval(hours * 3600) })
            let app = Application(router: buildRouter(commission: later), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.router) { client in
                let r = try await client.send("/api/v1/status", headers: [.cookie: "intiqal_session=\(s.sessionID)"])
                #expect(r.status == status, "\(hours) h")
            }
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalServer
import IntiqalStorage
import Testing

@Suite struct TokenTests {
    static func bearer(_ value: String, write: Bool = false) -> HTTPFields {
        var h: HTTPFields = [.authorization: "Bearer \(value)"]
        if write { h[.contentType] = "application/json" }
        return h
    }

    @Test func aReadTokenReadsAndCannotWriteAReadWriteTokenWritesWithoutCSRF() async throws {
        let demo = try makeDemo(seed: 31)
        let viewer = Viewer.user(demo.account("irq-capability").user)
        let read = try demo.commission.newToken(user: "irq-capability", label: "dashboard", scope: .read, days: 30, by: viewer).value
        let write = try demo.commission.newToken(user: "irq-capability", label: "import", scope: .readWrite, days: 30, by: viewer).value
        let body = WriteRulesTests.ratingBody(party: "IRQ", group: "capability")
        try await application(demo).test(.router) { client in
            #expect(try await client.send("/api/v1/assessments", headers: Self.bearer(read)).status == .ok)
            #expect(try await client.send("/api/v1/assessments", .post, headers: Self.bearer(read, write: true), body: body).status == .forbidden)
            let created = try await client.send("/api/v1/assessments", .post, headers: Self.bearer(write, write: true), body: body)
            #expect(created.status == .created && object(created)["recordedBy"] as? String == "irq-capability")
            #expect(try await client.send("/api/v1/assessments", headers: Self.bearer("iqt_" + String(repeating: "0", count: 64))).status == .unauthorized)
        }
        // Kept hashed: no stored field holds the value.
        #expect(try !demo.commission.tokens(by: viewer).contains { "\($0)".contains(read) })
    }

    @Test func anExpiredOrRevokedTokenIsNotSignedIn() async throws {
        let demo = try makeDemo(seed: 32)
        let viewer = Viewer.user(demo.account("usa-analyst").user)
        // Made 40 days before the server's now, for 30 days.
        let earlier = Commission(store: demo.commission.store, now: { fixedNow.addingTimeInterval(-40 * 86_400) })
        let expired = try earlier.newToken(user: "usa-analyst", label: "old", scope: .read, days: 30, by: viewer).value
        let (live, token) = try demo.commission.newToken(user: "usa-analyst", label: "new", scope: .read, days: 30, by: viewer)
        try await application(demo).test(.router) { client in
            #expect(try await client.send("/api/v1/status", headers: Self.bearer(expired)).status == .unauthorized)
            #expect(try await client.send("/api/v1/status", headers: Self.bearer(live)).status == .ok)
            try demo.commission.revokeToken(id: token.id, by: viewer)
            #expect(try await client.send("/api/v1/status", headers: Self.bearer(live)).status == .unauthorized)
        }
    }

    @Test func onlyTheOwnerOrAnAdministratorManagesATokenAndReadsStayMarked() async throws {
        let demo = try makeDemo(seed: 33)
        let owner = Viewer.user(demo.account("gbr-liaison").user)
        let (value, token) = try demo.commission.newToken(user: "gbr-liaison", label: "feed", scope: .read, days: 7, by: owner)
        let other = Viewer.user(demo.account("usa-analyst").user)
        let refused = #expect(throws: CommissionError.self) { try demo.commission.revokeToken(id: token.id, by: other) }
        #expect(refused?.isNotFound == true)
        let forbidden = #expect(throws: CommissionError.self) {
            try demo.commission.newToken(user: "gbr-liaison", label: "x", scope: .readWrite, days: 7, by: other)
        }
        #expect(forbidden?.isForbidden == true)
        #expect(try demo.commission.tokens(by: other).isEmpty)
        try await application(demo).test(.router) { client in
            // A token reads as its user: GBR reads no JOINT rating.
            let r = try await client.send("/api/v1/assessments", headers: Self.bearer(value))
            #expect(r.status == .ok && items(r).isEmpty)
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalLedger
import IntiqalServer
import Testing

/// The hand-kept OpenAPI document is the contract: every documented operation is exercised
/// here, every response's status is documented for it, and every body matches its schema.
@Suite struct ContractTests {
    final class Recorder: @unchecked Sendable {
        var exercised: Set<String> = []
        var problems: [String] = []
    }

    @Test func everyDocumentedOperationAnswersAsDocumented() async throws {
        let demo = try makeDemo(seed: 21)
        let recorder = Recorder()
        try await application(demo).test(.router) { client in
            let spec = object(try await client.send("/openapi.json"))
            #expect(spec["openapi"] as? String == "3.1.0")
            let validator = SchemaValidator(document: spec)
            let paths = spec["paths"] as? [String: [String: Any]] ?? [:]

            func check(_ template: String, _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
                let r = try await client.send(uri, method, headers: headers, body: body)
                let key = "\(method.rawValue.lowercased()) \(template)"
                recorder.exercised.insert(key)
                guard let operation = paths[template]?[method.rawValue.lowercased()] as? [String: Any] else {
                    recorder.problems.append("\(key): not documented"); return r
                }
                guard let response = (operation["responses"] as? [String: Any])?[String(r.status.code)] as? [String: Any] else {
                    recorder.problems.append("\(key): status \(r.status.code) not documented (\(String(buffer: r.body)))"); return r
                }
                guard let content = response["content"] as? [String: [String: Any]] else { return r }
                let type = (r.headers[.contentType] ?? "").split(separator: ";").first.map(String.init) ?? ""
                guard let schema = content[type]?["schema"] as? [String: Any] else {
                    recorder.problems.append("\(key) \(r.status.code): content type \(type) not documented"); return r
                }
                if type.hasSuffix("json") {
                    let value = (try? JSONSerialization.jsonObject(with: Data(buffer: r.body), options: [.fragmentsAllowed])) ?? NSNull()
                    recorder.problems += validator.problems(value, schema).map { "\(key) \(r.status.code): \($0)" }
                }
                return r
            }

            _ = try await check("/health", .get, "/health")
            _ = try await check("/ready", .get, "/ready")
            _ = try await check("/openapi.json", .get, "/openapi.json")
            _ = try await check("/api/v1/session", .post, "/api/v1/session", headers: [.contentType: "application/json"], body: #"{"name":"nobody","password":"x"}"#)
            _ = try await check("/api/v1/session", .post, "/api/v1/session", headers: [.contentType: "application/json"], body: "[]")
            _ = try await check("/api/v1/session", .post, "/api/v1/session", headers: [.contentType: "application/json"], body: demo.signInBody("irq-capability"))
            _ = try await check("/api/v1/assessments", .get, "/api/v1/assessments")
            let s = try await client.signIn(demo, "irq-capability")
            let secretariat = try await client.signIn(demo, "usa-secretariat")
            _ = try await check("/api/v1/session", .get, "/api/v1/session", headers: s.readHeaders)
            _ = try await check("/api/v1/users", .get, "/api/v1/users", headers: s.readHeaders)
            _ = try await check("/api/v1/users", .post, "/api/v1/users", headers: s.writeHeaders, body: #"{"name":"x","party":"IRQ","role":"analyst"}"#)
            let admin = try await client.signIn(demo, "admin")
            _ = try await check("/api/v1/users", .post, "/api/v1/users", headers: admin.writeHeaders,
                                body: #"{"name":"new-analyst","party":"IRQ","role":"analyst","password":"a long enough passphrase"}"#)
            _ = try await check("/api/v1/users", .post, "/api/v1/users", headers: admin.writeHeaders,
                                body: #"{"name":"bad","party":"IRQ","role":"working-group-member"}"#)
            let created = try await check("/api/v1/assessments", .post, "/api/v1/assessments", headers: s.writeHeaders,
                                          body: WriteRulesTests.ratingBody(party: "IRQ", group: "capability"))
            _ = try await check("/api/v1/assessments", .post, "/api/v1/assessments", headers: s.writeHeaders,
                                body: WriteRulesTests.ratingBody(party: "USA", group: "capability"))
            _ = try await check("/api/v1/assessments", .post, "/api/v1/assessments", headers: s.writeHeaders, body: "{}")
            let id = (object(created)["id"] as? NSNumber)?.int64Value ?? 0
            _ = try await check("/api/v1/assessments", .get, "/api/v1/assessments?current=true&party=IRQ", headers: s.readHeaders)
            _ = try await check("/api/v1/assessments", .get, "/api/v1/assessments?month=bad", headers: s.readHeaders)
            _ = try await check("/api/v1/assessments/{id}", .get, "/api/v1/assessments/\(id)", headers: s.readHeaders)
            _ = try await check("/api/v1/assessments/{id}", .get, "/api/v1/assessments/\(id)", headers: secretariat.readHeaders)
            _ = try await check("/api/v1/assessments/{id}/release", .post, "/api/v1/assessments/\(id)/release", headers: s.writeHeaders)
            _ = try await check("/api/v1/assessments/{id}/release", .post, "/api/v1/assessments/\(id)/release", headers: s.writeHeaders)
            _ = try await check("/api/v1/status", .get, "/api/v1/status", headers: s.readHeaders)
            _ = try await check("/api/v1/status", .get, "/api/v1/status?month=2025-01", headers: s.readHeaders)
            _ = try await check("/api/v1/plan", .get, "/api/v1/plan?mode=deadlines", headers: s.readHeaders)
            _ = try await check("/api/v1/evidence/items", .get, "/api/v1/evidence/items", headers: s.readHeaders)
            _ = try await check("/api/v1/evidence/documents", .post, "/api/v1/evidence/documents", headers: s.writeHeaders,
                                body: #"{"name":"report.txt","text":"On 3 March 2025 two attacks struck Anbar.","published":"2025-03-04"}"#)
            _ = try await check("/api/v1/evidence/documents", .post, "/api/v1/evidence/documents", headers: s.writeHeaders,
                                body: #"{"name":"report.txt","text":"x","marking":"SECRET"}"#)
            _ = try demo.commission.ingest([.init(file: "r.txt", sha256: "00", items: [("event", "{}")])], by: .fileHolder("admin"))
            _ = try await check("/api/v1/evidence/items/{id}/review", .post, "/api/v1/evidence/items/1/review", headers: s.writeHeaders,
                                body: #"{"status":"accepted"}"#)
            _ = try await check("/api/v1/evidence/items/{id}/review", .post, "/api/v1/evidence/items/1/review", headers: s.writeHeaders,
                                body: #"{"status":"maybe"}"#)
            _ = try await check("/api/v1/incidents", .get, "/api/v1/incidents")
            _ = try await check("/api/v1/incidents", .get, "/api/v1/incidents?region=anbar", headers: s.readHeaders)
            _ = try await check("/api/v1/incidents", .get, "/api/v1/incidents?month=bad", headers: s.readHeaders)
            _ = try await check("/api/v1/incidents/{id}", .get, "/api/v1/incidents/1", headers: s.readHeaders)
            _ = try await check("/api/v1/incidents/{id}", .get, "/api/v1/incidents/99999", headers: s.readHeaders)
            _ = try await check("/api/v1/incidents/{id}", .get, "/api/v1/incidents/x", headers: s.readHeaders)
            _ = try await check("/api/v1/decisions", .post, "/api/v1/decisions", headers: secretariat.writeHeaders,
                                body: #"{"kind":"gate-met","region":"anbar","capability":"isr","month":"2025-01"}"#)
            _ = try await check("/api/v1/decisions", .post, "/api/v1/decisions", headers: s.writeHeaders,
                                body: #"{"kind":"gate-met","region":"anbar","capability":"isr","month":"2025-01"}"#)
            _ = try await check("/api/v1/ledger", .get, "/api/v1/ledger", headers: s.readHeaders)
            _ = try await check("/api/v1/decisions", .get, "/api/v1/decisions", headers: s.readHeaders)
            let chair = try await client.signIn(demo, "usa-cochair")
            let usaKey = PartyKey(party: "USA")
            _ = try await check("/api/v1/keys", .post, "/api/v1/keys", headers: chair.writeHeaders,
                                body: json(["party": "USA", "publicKey": usaKey.publicKey]))
            let head = object(try await check("/api/v1/ledger/head", .get, "/api/v1/ledger/head", headers: chair.readHeaders))
            let gbr = try await client.signIn(demo, "gbr-liaison")
            _ = try await check("/api/v1/ledger/head", .get, "/api/v1/ledger/head", headers: gbr.readHeaders)
            let receipt = try LedgerReceipt(seq: (head["seq"] as? NSNumber)?.intValue ?? 0, head: head["head"] as? String ?? "",
                                            at: "2026-01-01T00:00:00Z", key: usaKey)
            _ = try await check("/api/v1/ledger/receipts", .post, "/api/v1/ledger/receipts", headers: chair.writeHeaders, body: receiptBody(receipt))
            _ = try await check("/api/v1/ledger/receipts", .post, "/api/v1/ledger/receipts", headers: chair.writeHeaders, body: receiptBody(receipt))
            _ = try await check("/api/v1/ledger/receipts", .post, "/api/v1/ledger/receipts", headers: chair.writeHeaders, body: #"{"seq":1}"#)
            _ = try await check("/api/v1/ledger/receipts", .post, "/api/v1/ledger/receipts", headers: s.writeHeaders, body: receiptBody(receipt))
            _ = try await check("/api/v1/session", .post, "/api/v1/session", headers: [.contentType: "text/plain"], body: demo.signInBody("irq-capability"))
            _ = try await check("/api/v1/session", .post, "/api/v1/session", headers: [.contentType: "application/json", .cookie: "intiqal_session=\(s.cookie)"],
                                body: demo.signInBody("irq-capability"))
            _ = try await check("/api/v1/keys", .post, "/api/v1/keys", headers: s.writeHeaders, body: #"{"party":"USA","publicKey":"x"}"#)
            _ = try await check("/api/v1/keys", .post, "/api/v1/keys", headers: chair.writeHeaders, body: #"{"party":"USA","publicKey":"x"}"#)
            _ = try await check("/api/v1/keys", .get, "/api/v1/keys", headers: s.readHeaders)
            _ = try await check("/api/v1/decisions/{id}/signatures", .post, "/api/v1/decisions/1/signatures", headers: s.writeHeaders,
                                body: #"{"party":"IRQ","publicKey":"x","seq":2,"head":"0","at":"now","signature":"x"}"#)
            _ = try await check("/api/v1/decisions/{id}/signatures", .post, "/api/v1/decisions/9/signatures", headers: s.writeHeaders, body: "{}")
            let token = try demo.commission.newToken(user: "irq-capability", label: "contract", scope: .read, days: 1,
                                                     by: .user(demo.account("irq-capability").user)).value
            _ = try await check("/api/v1/ledger", .get, "/api/v1/ledger", headers: [.authorization: "Bearer \(token)"])
            _ = try await check("/api/v1/decisions", .post, "/api/v1/decisions", headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                body: #"{"kind":"adopt-plan"}"#)
            _ = try await check("/api/v1/commitments", .get, "/api/v1/commitments", headers: s.readHeaders)
            _ = try await check("/api/v1/commitments/{id}", .get, "/api/v1/commitments/hmc-working-groups", headers: s.readHeaders)
            _ = try await check("/api/v1/commitments/{id}", .get, "/api/v1/commitments/none", headers: s.readHeaders)
            _ = try await check("/api/v1/commitments/{id}/status", .get, "/api/v1/commitments/hmc-working-groups/status", headers: s.readHeaders)
            _ = try await check("/api/v1/commitments/{id}/status", .get, "/api/v1/commitments/none/status", headers: s.readHeaders)
            _ = try await check("/api/v1/scenario", .get, "/api/v1/scenario", headers: s.readHeaders)
            _ = try await check("/api/v1/risk", .get, "/api/v1/risk?runs=20&mode=deadlines", headers: s.readHeaders)
            _ = try await check("/api/v1/risk", .get, "/api/v1/risk?runs=0", headers: s.readHeaders)
            _ = try await check("/api/v1/risk", .get, "/api/v1/risk?runs=1000000", headers: s.readHeaders)
            _ = try await check("/api/v1/export", .get, "/api/v1/export", headers: s.readHeaders)
            _ = try await check("/api/v1/evidence/documents", .get, "/api/v1/evidence/documents", headers: s.readHeaders)
            _ = try await check("/api/v1/evidence/documents/{id}", .get, "/api/v1/evidence/documents/1", headers: s.readHeaders)
            _ = try await check("/api/v1/evidence/documents/{id}", .get, "/api/v1/evidence/documents/999", headers: s.readHeaders)
            let note = try await check("/api/v1/notes", .post, "/api/v1/notes", headers: s.writeHeaders,
                                       body: json(["entity": "assessment", "id": "\(id)", "text": "a note", "marking": "JOINT"]))
            _ = try await check("/api/v1/notes", .post, "/api/v1/notes", headers: s.writeHeaders,
                                body: json(["entity": "assessment", "id": "999999", "text": "a note"]))
            _ = try await check("/api/v1/notes", .post, "/api/v1/notes", headers: s.writeHeaders,
                                body: json(["entity": "region", "id": "anbar", "text": "a note"]))
            _ = try await check("/api/v1/notes", .get, "/api/v1/notes?entity=assessment&id=\(id)", headers: s.readHeaders)
            _ = try await check("/api/v1/notes/{id}", .get, "/api/v1/notes/\((object(note)["id"] as? NSNumber)?.int64Value ?? 0)", headers: s.readHeaders)
            _ = try await check("/api/v1/notes/{id}", .get, "/api/v1/notes/999", headers: s.readHeaders)
            let saved = try await check("/api/v1/plans", .post, "/api/v1/plans", headers: s.writeHeaders, body: #"{"name":"draft","mode":"deadlines"}"#)
            _ = try await check("/api/v1/plans", .post, "/api/v1/plans", headers: s.writeHeaders, body: #"{"name":""}"#)
            _ = try await check("/api/v1/plans", .get, "/api/v1/plans?name=draft", headers: s.readHeaders)
            _ = try await check("/api/v1/plans/{id}", .get, "/api/v1/plans/\((object(saved)["id"] as? NSNumber)?.int64Value ?? 0)", headers: s.readHeaders)
            _ = try await check("/api/v1/plans/{id}", .get, "/api/v1/plans/999", headers: s.readHeaders)
            _ = try await check("/api/v1/audit", .get, "/api/v1/audit", headers: s.readHeaders)
            try await RecordWritesTests.exerciseInContract(demo, client) { try await check($0, $1, $2, headers: $3, body: $4) }
            _ = try await check("/api/v1/session", .delete, "/api/v1/session", headers: s.writeHeaders)
            let metrics = try await check("/metrics", .get, "/metrics")
            #expect(String(buffer: metrics.body).contains("intiqal_http_requests_total{status=\"200\"}"))

            var documented: Set<String> = []
            for (path, operations) in paths { for method in operations.keys { documented.insert("\(method) \(path)") } }
            #expect(documented == recorder.exercised, "documented but not exercised: \(documented.subtracting(recorder.exercised)); undocumented: \(recorder.exercised.subtracting(documented))")
        }
        #expect(recorder.problems.isEmpty, "\(recorder.problems.joined(separator: "\n"))")
    }
}

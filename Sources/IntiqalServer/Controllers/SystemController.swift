import Foundation
import Hummingbird
import IntiqalCommission

/// `/health` (the process answers), `/ready` (the workspace can be read and its ledger
/// contradicts no kept signed head), `/metrics`
/// (Prometheus text) and `/openapi.json` (the contract).
struct SystemController {
    let commission: Commission
    let metrics: RequestMetrics

    func addRoutes(to router: Router<ServerContext>) {
        router.get("health") { _, _ in try JSONBody.response(["status": "ok"]) }
        router.get("ready") { _, _ -> Response in
            let problem: String?
            do {
                _ = try commission.store.commissionParties()
                problem = try commission.ledgerProblem()
            } catch {
                throw CommissionError.unavailable("the workspace cannot be read")
            }
            // Not ready while the ledger contradicts a signed head it was shown.
            if let problem { throw CommissionError.unavailable("the ledger contradicts \(problem)") }
            return try JSONBody.response(["status": "ready"])
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        router.get("openapi.json") { _, _ -> Response in
            guard let data = OpenAPIDocument.data else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

import Hummingbird
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

/// Decisions: propose; the ledger as the viewer may read it.
struct DecisionController {
    let commission: Commission

    struct ProposalInput: Codable {
        var kind: Decision.Kind
        var mode: PlanMode?
        var region: String?
        var capability: String?
        var month: String?
        var factor: Factor?
        var value: Double?
        var trend: Trend?
        var phase: String?
        var version: Int?
        var commitment: String?
        var status: Int?
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.post("decisions") { request, context -> Response in
            let viewer = try context.viewer()
            let i = try await JSONBody.decode(ProposalInput.self, from: request, context: context)
            let entry = try commission.propose(DecisionRequest(kind: i.kind, mode: i.mode, region: i.region, capability: i.capability,
                                                               month: i.month, factor: i.factor, value: i.value, trend: i.trend, phase: i.phase,
                                                               version: i.version, commitment: i.commitment, status: i.status), by: viewer)
            return try JSONBody.response(entry, status: .created)
        }
        group.get("ledger") { _, context in
            try JSONBody.response(Page(try commission.ledger(for: try context.viewer())))
        }
    }
}

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

    /// A signature made elsewhere (`LedgerEntry.signatureMessage` of these fields, signed with the co-chair's key).
    struct SignatureInput: Codable {
        var party: String
        var publicKey: String
        /// The signature entry's number and the head it follows, as `GET /ledger` showed them.
        var seq: Int
        var head: String
        var at: String
        var signature: String
    }

    struct SignatureView: Codable {
        var decision: Int
        var signedBy: [String]
        var binding: Bool
    }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.post("decisions/{id}/signatures") { request, context -> Response in
            let viewer = try context.viewer()
            guard let text = context.parameters.get("id"), let id = Int(text) else { throw CommissionError.invalid(field: "id", "an integer") }
            let i = try await JSONBody.decode(SignatureInput.self, from: request, context: context)
            let state = try commission.addSignature(decision: id, party: i.party, publicKey: i.publicKey, entrySeq: i.seq, head: i.head,
                                                    at: i.at, signature: i.signature, by: viewer)
            return try JSONBody.response(SignatureView(decision: id, signedBy: state.signedBy.sorted(), binding: state.binding), status: .created)
        }
        group.post("decisions") { request, context -> Response in
            let viewer = try context.viewer()
            let i = try await JSONBody.decode(ProposalInput.self, from: request, context: context)
            let entry = try commission.propose(DecisionRequest(kind: i.kind, mode: i.mode, region: i.region, capability: i.capability,
                                                               month: i.month, factor: i.factor, value: i.value, trend: i.trend, phase: i.phase,
                                                               version: i.version, commitment: i.commitment, status: i.status), by: viewer)
            return try JSONBody.response(entry, status: .created)
        }
        group.get("decisions") { _, context in
            let report = try commission.ledgerReport(for: try context.viewer())
            return try JSONBody.response(Page((report?.decisions ?? []).map(DecisionView.init)))
        }
        group.get("keys") { _, context in
            let report = try commission.ledgerReport(for: try context.viewer())
            return try JSONBody.response(Page((report?.registrations ?? []).map(KeyView.init)))
        }
        group.post("keys") { request, context -> Response in
            struct KeyInput: Codable { var party: String; var publicKey: String }
            let viewer = try context.viewer()
            let i = try await JSONBody.decode(KeyInput.self, from: request, context: context)
            let entry = try commission.registerKey(party: i.party, publicKey: i.publicKey, by: viewer)
            return try JSONBody.response(entry, status: .created)
        }
        group.get("ledger") { _, context in
            try JSONBody.response(Page(try commission.ledger(for: try context.viewer())))
        }
    }
}

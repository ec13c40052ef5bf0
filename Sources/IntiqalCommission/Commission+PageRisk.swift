import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalStorage

extension Commission {
    /// The run count of the risk estimate pages show (modest: it is made per reading party
    /// whenever the workspace changed; `intiqal risk` and the API take more).
    public static let pageRiskRuns = 300

    /// The Monte Carlo risk of resurgence of both modes and no change (`intiqal risk`'s
    /// comparison, mode `conditions` first, seed 1, the default threshold, `pageRiskRuns` runs),
    /// from only what the viewer may read, with the combined marking of its inputs; kept for the
    /// viewer's party while the workspace does not change. A scenario that cannot be estimated
    /// gives the reason (`RiskSummary.notEstimated`) rather than an error.
    public func keptRisk(for viewer: Viewer) async throws -> (summary: RiskSummary, marking: Marking) {
        let counter = try? store.changeCounter()
        return try await cache.value(DerivedCache.Key(product: "page risk", party: viewer.party ?? "\u{0}"), counter: counter ?? nil) {
            var request = RiskRequest()
            request.runs = Self.pageRiskRuns
            do {
                let (comparison, marking) = try await risk(request, for: viewer)
                return (PlanRisk.summary(comparison), marking)
            } catch let error as CommissionError where error.isInvalid {
                let marking = try derivedMarking(for: viewer)
                return (RiskSummary.notEstimated(runs: request.runs, seed: UInt64(request.seed), incidentsPerMonth: request.threshold,
                                                 consecutiveMonths: request.consecutive, illustrative: false,
                                                 reason: error.detail, reasonAr: error.detail), marking)
            }
        }
    }
}

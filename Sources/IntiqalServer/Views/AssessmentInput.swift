import IntiqalCommission
import IntiqalDomain

/// A rating to record, as a request gives it.
struct AssessmentInput: Codable, Sendable {
    var party: String
    var group: Factor
    var region: String
    var capability: String?
    var month: String
    var value: Double
    var trend: Trend?
    var confidence: Assessment.Confidence?
    var scale: Int?

    func assessment(currentScale: (Factor) -> Int) throws -> Assessment {
        guard let m = YearMonth(month) else { throw CommissionError.invalid(field: "month", "YYYY-MM") }
        return Assessment(party: party, factor: group, region: region, capability: capability, month: m, value: value, trend: trend,
                          scale: ScaleReference(factor: group, version: scale ?? currentScale(group)), confidence: confidence ?? .medium)
    }
}

import IntiqalDomain
import Testing
@testable import IntiqalRisk

/// Every RiskError carries a stable code from the one table, CSV or not, and reads as a diagnostic.
@Suite struct RiskErrorCodeTests {
    static func code(_ body: () throws -> Void) -> DiagnosticCode? {
        do { try body() } catch let error as RiskError { return error.code } catch { return nil }
        return nil
    }

    @Test func parameterAndConfigurationErrorsHaveTheirCodes() {
        #expect(Self.code { try HawkesParameters(mu: -1, alpha: 0.2, beta: 1).validate() } == .riskParametersMu)
        #expect(Self.code { try HawkesParameters(mu: 1, alpha: 1.5, beta: 1).validate(requireStationary: true) } == .riskParametersStationary)
        #expect(Self.code { try NeighbourCSV.parse("a,b,c\n", file: "n.csv") } == .riskNeighboursCsvHeader)
        #expect(Self.code { try NeighbourCSV.parse("region,neighbour\nanbar,anbar\n", file: "n.csv") } == .riskNeighboursCsvSelf)
    }

    @Test func theErrorReadsAsADiagnosticWithItsLocation() {
        do {
            try HawkesParameters(mu: 1, alpha: -0.5, beta: 1).validate()
            Issue.record("a negative alpha was accepted")
        } catch let error as RiskError {
            let d = error.diagnostic
            #expect(d.code == .riskParametersAlpha && d.severity == .error && d.location.path == "alpha")
            #expect(d.message.en == error.message)
            #expect(error.text(.ar) == error.description)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func csvErrorsTakeTheCodeOfTheirFirstProblem() {
        do {
            _ = try IncidentCSV.parse("date,region,count\n2024-13-01,anbar,2\n", file: "i.csv")
            Issue.record("a bad date was read")
        } catch let error as RiskError {
            #expect(error.isCSVError && error.code == error.diagnostics.first?.code && error.code.stage == "risk")
            #expect(error.text(.ar) != error.text(.en))
        } catch {
            Issue.record("\(error)")
        }
    }
}

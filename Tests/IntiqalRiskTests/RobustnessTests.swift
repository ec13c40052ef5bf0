import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

/// Property tests: no input crashes the engine; each either works or throws a RiskError.
@Suite struct RobustnessTests {
    @Test func csvParserNeverCrashesOnNoise() {
        var rng = Xoshiro256StarStar(seed: 1)
        let alphabet = Array("0123456789-,\"\r\n #date region count anbar 2024-01-01 ٢٠٢٤ é\u{FEFF}")
        for _ in 0..<300 {
            let length = Int(rng.next() % 80)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            do {
                let incidents = try IncidentCSV.parse(text, file: "noise.csv")
                for incident in incidents { #expect(CivilDate(incident.date) != nil && incident.count >= 0) }
            } catch let error as RiskError {
                #expect(error.description.contains("noise.csv"))
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
            #expect(throws: Never.self) { _ = try? ExposureHistoryCSV.parse(text, file: "noise.csv") }
        }
    }

    @Test func csvReadersNeverCrashOnShuffledColumns() {
        var rng = Xoshiro256StarStar(seed: 4)
        let words = ["date", "region", "count", "month", "gap", "coalitionShare", "x", ""]
        let tokens = ["2024-01-01", "2024-01", "anbar", "1", "0.5", "-1", "nan", "", "\"a,b\"", "1e400"]
        func pick(_ a: [String]) -> String { a[Int(rng.next() % UInt64(a.count))] }
        for _ in 0..<400 {
            var lines = [(0..<Int(rng.next() % 6)).map { _ in pick(words) }.joined(separator: ",")]
            for _ in 0..<Int(rng.next() % 4) {
                lines.append((0..<Int(rng.next() % 7)).map { _ in pick(tokens) }.joined(separator: ","))
            }
            let text = lines.joined(separator: "\n")
            for parse in [{ _ = try IncidentCSV.parse(text, file: "f.csv") }, { _ = try ExposureHistoryCSV.parse(text, file: "f.csv") }] {
                do { try parse() } catch { #expect(error is RiskError && String(describing: error).contains("f.csv"), "\(error)") }
            }
        }
    }

    @Test func fitNeverCrashesOnOddEventTimes() {
        var rng = Xoshiro256StarStar(seed: 2)
        let specials: [Double] = [0, 1e-300, 1, 1e6, .nan, .infinity, -1, .leastNonzeroMagnitude]
        for trial in 0..<60 {
            let n = Int(rng.next() % 40)
            let horizon = [10.0, 1e-3, 1e9, 0, -5, .nan][trial % 6]
            let times = (0..<n).map { _ -> Double in
                rng.next() % 7 == 0 ? specials[Int(rng.next() % UInt64(specials.count))] : rng.nextOpenUnit() * 10
            }
            do {
                let fit = try HawkesFit.fit(eventTimes: times, horizon: horizon)
                #expect(fit.parameters.mu.isFinite && fit.parameters.alpha.isFinite && fit.parameters.beta.isFinite)
                #expect(fit.logLikelihood.isFinite)
                _ = try JSONEncoder().encode(fit)
            } catch {
                #expect(error is RiskError, "\(error)")
            }
        }
    }

    @Test func monteCarloNeverCrashesOnOddExposures() async {
        var rng = Xoshiro256StarStar(seed: 3)
        let values: [Double] = [0, 0.5, 1, 4, 1e9, -1, .nan, .infinity, 1e-300]
        for _ in 0..<120 {
            let months = Int(rng.next() % 4)
            func pick() -> Double { values[Int(rng.next() % UInt64(values.count))] }
            let exposure = RegionExposure(region: rng.next() % 5 == 0 ? "" : "r",
                                          gap: (0..<months).map { _ in pick() },
                                          coalitionShare: (0..<months + Int(rng.next() % 2)).map { _ in pick() })
            let model = RiskModel(regions: ["r": HawkesParameters(mu: [0.05, 1e-9, 5][Int(rng.next() % 3)], alpha: [0, 0.5, 0.99][Int(rng.next() % 3)], beta: [0.01, 1, 1e4][Int(rng.next() % 3)])],
                                  gammaGap: [0.25, 100, -100][Int(rng.next() % 3)])
            // Sometimes several plans at once (each a perturbed copy), sometimes with redrawn parameters.
            var other = exposure
            other.gap = other.gap.map { $0 * 1.5 }
            other.coalitionShare = other.coalitionShare.reversed()
            let plans = [[exposure], [other], [exposure.noChange]].prefix(1 + Int(rng.next() % 3))
            var uncertain = model
            if rng.next() % 2 == 0 { uncertain.logCovariance["r"] = [0.3, 0, 0, 0, 0.2, 0, 0, 0, 0.5] }
            do {
                let reports = try await MonteCarlo.evaluate(plans: Array(plans), baseline: [exposure.noChange], model: uncertain,
                                                            threshold: .init(incidentsPerMonth: 3, consecutiveMonths: 2), runs: 20, seed: 1,
                                                            parameterUncertainty: rng.next() % 2 == 0)
                #expect(reports.count == plans.count)
                for report in reports {
                    #expect((0...1).contains(report.pResurgence))
                    _ = try JSONEncoder().encode(report)
                }
            } catch {
                #expect(error is RiskError, "\(error)")
            }
        }
    }
}

import Foundation
import Testing
@testable import IntiqalRisk

@Suite struct ProbabilityScoreTests {
    @Test func brierIsMeanSquaredErrorOfHandCase() {
        // (0.2−0)² + (0.7−1)² + (0.5−0)² + (1−1)² = 0.04 + 0.09 + 0.25 + 0 = 0.38, over 4.
        let score = ProbabilityScore(forecasts: [0.2, 0.7, 0.5, 1.0], outcomes: [false, true, false, true])
        #expect(abs(score.brier - 0.095) < 1e-15)
        #expect(score.count == 4 && score.positives == 2)
    }

    @Test func logLossClipsAtTheFloor() {
        let p = [0.2, 0.7, 0.5, 1.0, 0.0]
        let y = [false, true, false, true, true]
        let expected = -(log(0.8) + log(0.7) + log(0.5) + log(0.999) + log(0.001)) / 5
        #expect(abs(ProbabilityScores.logLoss(p, y, floor: 0.001) - expected) < 1e-12)
    }

    @Test func aurocCountsTiesAsOneHalf() {
        // Positives 0.4, 0.8; negatives 0.1, 0.4, 0.4: pairs 1 + ½ + ½ + 1 + 1 + 1 = 5 of 6.
        let auc = ProbabilityScores.auroc([0.1, 0.4, 0.4, 0.8, 0.4], [false, true, false, true, false])
        #expect(auc.map { abs($0 - 5.0 / 6.0) < 1e-15 } == true)
        #expect(ProbabilityScores.auroc([0.3, 0.3, 0.3], [true, false, true]) == 0.5)
        #expect(ProbabilityScores.auroc([0.1, 0.9], [false, true]) == 1)
        #expect(ProbabilityScores.auroc([0.1, 0.9], [true, true]) == nil)
    }

    @Test func reliabilityBinsCountMeanAndFrequency() {
        let bins = ProbabilityScores.reliability([0.05, 0.15, 0.12, 0.95, 1.0], [false, true, false, true, true], bins: 10)
        #expect(bins.count == 10)
        #expect(bins[0].count == 1 && bins[0].observedFrequency == 0)
        #expect(bins[1].count == 2 && abs(bins[1].meanForecast! - 0.135) < 1e-12 && bins[1].observedFrequency == 0.5)
        #expect(bins[9].count == 2 && bins[9].observedFrequency == 1)
        #expect(bins[5].count == 0 && bins[5].meanForecast == nil)
    }

    @Test func brierSkillAgainstReference() {
        let model = ProbabilityScore(forecasts: [0.1, 0.9], outcomes: [false, true])  // 0.01
        let reference = ProbabilityScore(forecasts: [0.5, 0.5], outcomes: [false, true])  // 0.25
        #expect(abs(model.brierSkill(against: reference)! - 0.96) < 1e-12)
        let perfect = ProbabilityScore(forecasts: [0, 1], outcomes: [false, true])
        #expect(model.brierSkill(against: perfect) == nil)
    }

    @Test func poissonTailAndRunProbabilities() {
        #expect(abs(CountProbability.poissonTail(mean: 2, atLeast: 3) - (1 - 5 * exp(-2))) < 1e-14)
        #expect(CountProbability.poissonTail(mean: 0, atLeast: 1) == 0)
        #expect(CountProbability.poissonTail(mean: 5_000, atLeast: 5) == 1)
        // Two consecutive successes among three fair months: 110, 011, 111.
        #expect(abs(CountProbability.runProbability([0.5, 0.5, 0.5], run: 2) - 3.0 / 8.0) < 1e-15)
        #expect(abs(CountProbability.runProbability([0.2, 0.3], run: 1) - 0.44) < 1e-15)
        #expect(CountProbability.runProbability([0.9], run: 2) == 0)
        #expect(CountProbability.hasRun([true, false, true, true], run: 2))
        #expect(!CountProbability.hasRun([true, false, true, false], run: 2))
    }

    @Test func poissonTrendRecoversConstantAndGrowth() {
        let flat = PoissonTrend(counts: [3, 3, 3, 3][...])
        #expect(abs(flat.mean(monthsAhead: 0) - 3) < 1e-9)
        // Counts exactly 2^x: the fit is exact, log-slope ln 2.
        let growth = PoissonTrend(counts: [1, 2, 4, 8, 16][...])
        #expect(abs(growth.b - log(2)) < 1e-6)
        #expect(abs(growth.mean(monthsAhead: 0) - 32) < 1e-4)
        let empty = PoissonTrend(counts: [0, 0, 0, 0][...])
        #expect(empty.mean(monthsAhead: 3) > 0 && empty.mean(monthsAhead: 3) < 0.2)
    }
}

import Foundation

/// Proper scores of probability forecasts of binary events.
public enum ProbabilityScores {
    /// Mean of (p − y)²; 0 for no forecasts.
    public static func brier(_ p: [Double], _ y: [Bool]) -> Double {
        guard !p.isEmpty else { return 0 }
        var s = 0.0
        for i in p.indices { let d = p[i] - (y[i] ? 1 : 0); s += d * d }
        return s / Double(p.count)
    }

    /// Mean of −ln(p) where the event happened and −ln(1 − p) where it did not, p clipped to [floor, 1 − floor].
    public static func logLoss(_ p: [Double], _ y: [Bool], floor: Double) -> Double {
        guard !p.isEmpty else { return 0 }
        var s = 0.0
        for i in p.indices {
            let q = min(1 - floor, max(floor, p[i]))
            s -= log(y[i] ? q : 1 - q)
        }
        return s / Double(p.count)
    }

    /// Area under the ROC curve: the probability that a random event got a higher forecast
    /// than a random non-event, ties counting one half (Mann–Whitney with mid-ranks).
    public static func auroc(_ p: [Double], _ y: [Bool]) -> Double? {
        let positives = y.lazy.filter { $0 }.count
        let negatives = y.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = p.indices.sorted { p[$0] < p[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, p[order[j + 1]] == p[order[i]] { j += 1 }
            let midRank = Double(i + j) / 2 + 1
            for k in i...j where y[order[k]] { rankSum += midRank }
            i = j + 1
        }
        let u = rankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }

    /// Equal-width bins over [0, 1]: count, mean forecast and observed frequency.
    public static func reliability(_ p: [Double], _ y: [Bool], bins: Int) -> [ReliabilityBin] {
        var count = [Int](repeating: 0, count: bins), sum = [Double](repeating: 0, count: bins), hits = [Int](repeating: 0, count: bins)
        for i in p.indices {
            let b = min(bins - 1, max(0, Int(p[i] * Double(bins))))
            count[b] += 1
            sum[b] += p[i]
            if y[i] { hits[b] += 1 }
        }
        return (0..<bins).map { b in
            ReliabilityBin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: count[b],
                           meanForecast: count[b] > 0 ? sum[b] / Double(count[b]) : nil,
                           observedFrequency: count[b] > 0 ? Double(hits[b]) / Double(count[b]) : nil)
        }
    }
}

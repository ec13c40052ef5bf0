/// Finds near-duplicate texts (paragraphs, claims) by MinHash with locality-sensitive hashing.
public enum NearDuplicates {
    /// Pairs `(i, j, similarity)` with i < j whose estimated Jaccard similarity is at least `threshold`.
    public static func pairs(_ texts: [String], threshold: Double = 0.5) -> [(Int, Int, Double)] {
        let sigs = texts.map { MinHash($0) }
        var buckets: [UInt64: [Int]] = [:]
        for (i, s) in sigs.enumerated() where !s.isEmpty {
            for key in s.bandKeys { buckets[key, default: []].append(i) }
        }
        var seen: Set<Int> = []
        var out: [(Int, Int, Double)] = []
        for (_, members) in buckets where members.count > 1 {
            for a in 0..<members.count {
                for b in (a + 1)..<members.count {
                    let i = members[a], j = members[b]
                    guard i != j else { continue }
                    let key = min(i, j) &* 1_000_003 &+ max(i, j)
                    if seen.contains(key) { continue }
                    seen.insert(key)
                    let sim = sigs[i].similarity(sigs[j])
                    if sim >= threshold { out.append((min(i, j), max(i, j), sim)) }
                }
            }
        }
        return out.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}

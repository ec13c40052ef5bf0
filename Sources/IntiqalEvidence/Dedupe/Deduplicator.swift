/// Merges the same event reported by several documents: events of one type whose dates agree and whose
/// sentences are near-duplicates (MinHash/LSH), or whose day-precise dates agree and share a place or actor.
public struct Deduplicator: Sendable {
    private struct Item: Sendable {
        var document: String
        var event: ExtractedEvent
        var hash: MinHash
    }

    private var items: [Item] = []
    /// Minimum estimated Jaccard similarity of the sentences for a text match.
    public var threshold: Double

    public init(threshold: Double = 0.5) { self.threshold = threshold }

    public mutating func add(_ doc: DocumentEvidence) {
        for e in doc.events {
            items.append(Item(document: doc.document, event: e, hash: MinHash(e.evidence.sentence)))
        }
    }

    private static func datesAgree(_ a: ExtractedEvent, _ b: ExtractedEvent) -> Bool {
        switch (a.date, b.date) {
        case (nil, nil): return true
        case let (x?, y?): return x.hasPrefix(y) || y.hasPrefix(x)
        default: return false
        }
    }

    /// Merged events in order of first report.
    public func merged() -> [MergedEvent] {
        var parent = Array(items.indices)
        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            var y = x
            while parent[y] != r { let n = parent[y]; parent[y] = r; y = n }
            return r
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Near-duplicate sentences via LSH buckets.
        var buckets: [UInt64: [Int]] = [:]
        for (i, it) in items.enumerated() where !it.hash.isEmpty {
            for k in it.hash.bandKeys { buckets[k, default: []].append(i) }
        }
        for (_, members) in buckets where members.count > 1 {
            // Large buckets (the same paragraph many times) are compared with their first member only.
            let heads = members.count > 200 ? 1 : members.count
            for a in 0..<heads {
                for b in (a + 1)..<members.count {
                    let x = items[members[a]], y = items[members[b]]
                    guard x.event.type == y.event.type, Deduplicator.datesAgree(x.event, y.event) else { continue }
                    if x.hash.similarity(y.hash) >= threshold { union(members[a], members[b]) }
                }
            }
        }
        // Same type and day, and a shared place or actor (and speaker, for statements): linear, by keys.
        var firstWith: [String: Int] = [:]
        for (i, it) in items.enumerated() where it.event.precision == .day {
            let e = it.event
            if e.type == .statement && e.speaker == nil { continue }
            let head = "\(e.type.rawValue)|\(e.date ?? "")|\(e.type == .statement ? e.speaker ?? "" : "")"
            for key in (e.place.map { ["p:" + $0] } ?? []) + e.actors.map({ "a:" + $0 }) {
                let k = head + "|" + key
                if let j = firstWith[k] { union(j, i) } else { firstWith[k] = i }
            }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in items.indices {
            let r = find(i)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(i)
        }
        return order.map { r in
            let members = groups[r] ?? []
            let evs = members.map { items[$0].event }
            // The most precise date among the reports.
            let best = evs.max { a, b in
                (a.date == nil ? -1 : (a.precision ?? .year).rank) < (b.date == nil ? -1 : (b.precision ?? .year).rank)
            } ?? evs[0]
            var actors: [String] = []
            for e in evs { for a in e.actors where !actors.contains(a) { actors.append(a) } }
            return MergedEvent(type: best.type, date: best.date, dateEnd: best.dateEnd, precision: best.precision,
                               place: evs.compactMap(\.place).first, actors: actors, planned: evs.allSatisfy(\.planned),
                               sources: members.map { EventSource(document: items[$0].document, evidence: items[$0].event.evidence) })
        }
    }
}

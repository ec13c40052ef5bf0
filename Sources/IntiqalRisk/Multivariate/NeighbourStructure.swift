/// Which regions excite which: a symmetric neighbour relation given as data. In the
/// multivariate model an incident raises the rate of its own region (α) and of each neighbour (η).
public struct NeighbourStructure: Sendable, Hashable, Codable {
    public let regions: [String]
    /// neighbours[k]: indices of the regions next to region k (sorted, without k).
    public let neighbours: [[Int]]

    /// Builds the relation from unordered pairs; throws a `RiskError` for an unknown region or a region paired with itself.
    public init(regions: [String], pairs: [(String, String)]) throws {
        let index = Dictionary(regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        guard index.count == regions.count else { throw RiskError.invalid(.riskNeighboursRegionTwice, "regions", "a region is named twice") }
        var sets = [Set<Int>](repeating: [], count: regions.count)
        for (a, b) in pairs {
            guard let i = index[a] else { throw RiskError.invalid(.riskNeighboursUnknownRegion, "neighbours", "unknown region '\(a)'") }
            guard let j = index[b] else { throw RiskError.invalid(.riskNeighboursUnknownNeighbour, "neighbours", "unknown region '\(b)'") }
            guard i != j else { throw RiskError.invalid(.riskNeighboursSelf, "neighbours", "'\(a)' cannot neighbour itself") }
            sets[i].insert(j)
            sets[j].insert(i)
        }
        self.regions = regions
        self.neighbours = sets.map { $0.sorted() }
    }

    /// The same relation restricted to (and ordered as) `subset`; pairs with other regions are dropped.
    public func restricted(to subset: [String]) -> NeighbourStructure {
        let keep = Set(subset)
        var pairs: [(String, String)] = []
        for (k, list) in neighbours.enumerated() where keep.contains(regions[k]) {
            for j in list where keep.contains(regions[j]) && k < j { pairs.append((regions[k], regions[j])) }
        }
        return (try? NeighbourStructure(regions: subset, pairs: pairs)) ?? NeighbourStructure(unchecked: subset)
    }

    private init(unchecked regions: [String]) {
        self.regions = regions
        neighbours = regions.map { _ in [] }
    }
}

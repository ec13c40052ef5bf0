import IntiqalDomain

/// Which of a scenario's regions each gazetteer unit falls in: explicit data per scenario
/// (`regionMaps` in `Resources/iraq-places.json`: region id → the unit ids it covers), else the
/// default rule: a region covers the unit of its own id (a governorate `anbar`), a
/// `kurdistan-region` region the area `kurdistan-region`, a `border-zone` region the area
/// `syria-border`. A place is in the region that covers the most specific of its containers
/// (`PlaceUnit.containers`): a town of al-Qaim district is in the Syria border zone when the
/// scenario has one, else in Anbar.
public struct RegionMap: Sendable, Hashable {
    /// Region id → the unit ids it covers.
    public let covers: [String: [String]]
    /// Whether `covers` came from the gazetteer's explicit map for the scenario.
    public let explicit: Bool
    private let regionOf: [String: String]

    public init(scenarioID: String, regions: [Region], gazetteer: IraqGazetteer = .bundled) {
        let ids = Set(regions.map(\.id))
        if let map = gazetteer.regionMaps[scenarioID], Set(map.keys).isSubset(of: ids) {
            covers = map
            explicit = true
        } else {
            var c: [String: [String]] = [:]
            for r in regions {
                var units = [r.id]
                if r.kind == .kurdistanRegion { units.append("kurdistan-region") }
                if r.kind == .borderZone { units.append("syria-border") }
                c[r.id] = units
            }
            covers = c
            explicit = false
        }
        var regionOf: [String: String] = [:]
        for region in regions.map(\.id) {
            for unit in covers[region] ?? [] where regionOf[unit] == nil { regionOf[unit] = region }
        }
        self.regionOf = regionOf
    }

    /// The scenario region of `unit`, with the container that decided it; nil when no region covers it.
    public func region(of unit: PlaceUnit) -> (region: String, by: String)? {
        for c in unit.containers { if let r = regionOf[c] { return (r, c) } }
        return nil
    }
}

import Foundation

/// The one gazetteer of Iraq: its eighteen governorates, their districts and main towns and
/// sites, the Kurdistan Region and the Syria border zone, in Arabic and English with the
/// common spellings — data in `Resources/iraq-places.json`, not code. The report reader
/// (`IntiqalEvidence`) takes its Iraqi places from it, the dataset imports (`IntiqalRisk`,
/// `IntiqalCommission`) their admin units, and `RegionMap` maps its units to a scenario's regions.
public struct IraqGazetteer: Sendable {
    /// Every unit: areas, governorates, districts, then towns and sites.
    public let units: [PlaceUnit]
    /// Written forms the report reader does not match alone (they are also common words).
    public let readerExclude: Set<String>
    /// Explicit scenario region maps: scenario id → region id → the unit ids the region covers.
    public let regionMaps: [String: [String: [String]]]

    private let byID: [String: Int]
    private let byKey: [String: Int]
    /// District keys per governorate id.
    private let districtsByGovernorate: [String: [String: Int]]

    struct File: Decodable {
        struct Area: Decodable { var id: String; var en: String; var ar: String?; var aliases: [String] }
        struct Governorate: Decodable { var id: String; var en: String; var ar: String?; var aliases: [String]; var areas: [String] }
        struct District: Decodable { var id: String; var governorate: String; var en: String; var ar: String?; var aliases: [String]; var areas: [String] }
        struct Place: Decodable { var id: String; var `in`: String; var kind: String; var en: String; var ar: String?; var aliases: [String]; var areas: [String] }
        var version: Int
        var areas: [Area]
        var governorates: [Governorate]
        var districts: [District]
        var places: [Place]
        var readerExclude: [String]
        var regionMaps: [String: [String: [String]]]
    }

    /// The gazetteer bundled with the module.
    public static let bundled: IraqGazetteer = {
        guard let url = Bundle.module.url(forResource: "iraq-places", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else {
            fatalError("IntiqalPlaces: the bundled Resources/iraq-places.json is missing")
        }
        do { return try IraqGazetteer(json: data) } catch {
            fatalError("IntiqalPlaces: the bundled Resources/iraq-places.json does not read: \(error)")
        }
    }()

    /// Reads a gazetteer file in the bundled layout.
    public init(json data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        var units: [PlaceUnit] = []
        for a in file.areas {
            units.append(PlaceUnit(id: a.id, kind: .area, english: a.en, arabic: a.ar, aliases: a.aliases, governorate: nil, district: nil, areas: [a.id]))
        }
        var governorateAreas: [String: [String]] = [:]
        for g in file.governorates {
            governorateAreas[g.id] = g.areas
            units.append(PlaceUnit(id: g.id, kind: .governorate, english: g.en, arabic: g.ar, aliases: g.aliases, governorate: g.id, district: nil, areas: g.areas))
        }
        var districts: [String: File.District] = [:]
        for d in file.districts {
            districts[d.id] = d
            let areas = d.areas + (governorateAreas[d.governorate] ?? []).filter { !d.areas.contains($0) }
            units.append(PlaceUnit(id: d.id, kind: .district, english: d.en, arabic: d.ar, aliases: d.aliases, governorate: d.governorate, district: d.id, areas: areas))
        }
        for p in file.places {
            let kind: PlaceUnit.Kind = p.kind == "site" ? .site : p.kind == "area" ? .area : .town
            if let d = districts[p.in] {
                let areas = p.areas + (d.areas + (governorateAreas[d.governorate] ?? [])).filter { !p.areas.contains($0) }
                units.append(PlaceUnit(id: p.id, kind: kind, english: p.en, arabic: p.ar, aliases: p.aliases, governorate: d.governorate, district: d.id, areas: areas))
            } else {
                units.append(PlaceUnit(id: p.id, kind: kind, english: p.en, arabic: p.ar, aliases: p.aliases, governorate: nil, district: nil,
                                       areas: Array(Set(p.areas + [p.in])).sorted()))
            }
        }
        self.init(units: units, readerExclude: Set(file.readerExclude), regionMaps: file.regionMaps)
    }

    public init(units: [PlaceUnit], readerExclude: Set<String> = [], regionMaps: [String: [String: [String]]] = [:]) {
        self.units = units
        self.readerExclude = readerExclude
        self.regionMaps = regionMaps
        var byID: [String: Int] = [:], byKey: [String: Int] = [:], districts: [String: [String: Int]] = [:]
        for (i, u) in units.enumerated() {
            byID[u.id] = i
            for name in u.names {
                let k = PlaceName.key(name)
                guard !k.isEmpty else { continue }
                if byKey[k] == nil { byKey[k] = i }     // the first (coarsest) unit of a name keeps it
                if u.kind == .district, let g = u.governorate, districts[g]?[k] == nil { districts[g, default: [:]][k] = i }
            }
        }
        self.byID = byID
        self.byKey = byKey
        self.districtsByGovernorate = districts
    }

    /// The unit with this identifier.
    public func unit(id: String) -> PlaceUnit? { byID[id].map { units[$0] } }

    /// The unit a free-text name denotes (any kind); nil for an empty or unknown name.
    public func place(named name: String) -> PlaceUnit? {
        let k = PlaceName.key(name)
        return k.isEmpty ? nil : byKey[k].map { units[$0] }
    }

    /// The governorate a dataset's admin-1 name denotes.
    public func governorate(named name: String) -> PlaceUnit? {
        guard let u = place(named: name), u.kind == .governorate else { return nil }
        return u
    }

    /// The district of `governorate` a dataset's admin-2 name denotes.
    public func district(named name: String, in governorate: String) -> PlaceUnit? {
        let k = PlaceName.key(name)
        guard !k.isEmpty else { return nil }
        if let i = districtsByGovernorate[governorate]?[k] { return units[i] }
        // Otherwise a town of that governorate whose district is then known.
        if let u = place(named: name), u.governorate == governorate, let d = u.district { return unit(id: d) }
        return nil
    }

    /// The governorates, in the file's order.
    public var governorates: [PlaceUnit] { units.filter { $0.kind == .governorate } }
}

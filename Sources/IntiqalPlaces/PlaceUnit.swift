/// One named unit of the gazetteer: an area (the Kurdistan Region, the Syria border zone), a
/// governorate, a district, or a town or site within a district.
public struct PlaceUnit: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case area, governorate, district, town, site
    }

    /// Stable identifier: a governorate's (`anbar`), a district's `governorate/district`
    /// (`anbar/qaim`), a town's or site's own (`husaybah`), an area's (`syria-border`).
    public let id: String
    public let kind: Kind
    public let english: String
    public let arabic: String?
    /// Other written forms (Arabic and Latin transliterations) that name it.
    public let aliases: [String]
    /// The governorate it lies in (itself for a governorate; nil for an area or a place outside Iraq).
    public let governorate: String?
    /// The district it lies in (itself for a district).
    public let district: String?
    /// The areas it belongs to (`kurdistan-region`, `syria-border`), its own and its district's and governorate's.
    public let areas: [String]

    public init(id: String, kind: Kind, english: String, arabic: String?, aliases: [String], governorate: String?,
                district: String?, areas: [String]) {
        self.id = id
        self.kind = kind
        self.english = english
        self.arabic = arabic
        self.aliases = aliases
        self.governorate = governorate
        self.district = district
        self.areas = areas
    }

    /// Every written form: the English and Arabic names and the aliases.
    public var names: [String] { [english] + (arabic.map { [$0] } ?? []) + aliases }

    /// The units a place stands in, most specific first: itself, its district, its areas, its
    /// governorate. A scenario region that covers an earlier one wins (a town in the border zone
    /// is in the border zone before it is in its governorate).
    public var containers: [String] {
        var out = [id]
        if let district, district != id { out.append(district) }
        for a in areas where !out.contains(a) { out.append(a) }
        if let governorate, !out.contains(governorate) { out.append(governorate) }
        return out
    }
}

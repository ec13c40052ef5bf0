import Foundation
import IntiqalPlaces

/// Iraq's eighteen governorates: the regions of the UCDP and ACLED back-tests. They, their
/// spellings and the folding that matches them ("Nīnawá province", "Al Başrah  province",
/// ACLED's "Ninewa", Kirkuk's old name "At-Ta'mim") come from the one gazetteer,
/// `IntiqalPlaces/Resources/iraq-places.json` (`IraqGazetteer`).
public struct IraqGovernorate: Sendable, Hashable, Codable {
    /// Stable identifier, the region name in incidents (e.g. `ninewa`).
    public let id: String
    public let english: String
    public let arabic: String

    public static let all: [IraqGovernorate] = IraqGazetteer.bundled.governorates.map {
        IraqGovernorate(id: $0.id, english: $0.english, arabic: $0.arabic ?? $0.english)
    }

    private static let byID: [String: IraqGovernorate] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The governorate a dataset's name denotes; nil for an empty or unknown name.
    public static func named(_ name: String) -> IraqGovernorate? {
        IraqGazetteer.bundled.governorate(named: name).flatMap { byID[$0.id] }
    }

    /// The governorate with this identifier.
    public static func withID(_ id: String) -> IraqGovernorate? { byID[id] }
}

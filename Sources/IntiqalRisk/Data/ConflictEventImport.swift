import IntiqalDomain

/// What `ConflictEventCSV` read: incidents per governorate and an account of every row.
///
/// Rows whose governorate field is empty are placed by their coordinates (the nearest
/// governorate centroid, `placedByCoordinates`) unless the dataset marks their location as the
/// whole country or coarser (`unplaced`); unplaced rows are counted, never dropped silently.
public struct ConflictEventImport: Sendable, Hashable, Codable {
    /// The dataset's layout: `ucdp-ged` or `acled`.
    public var layout: String
    /// One incident per event row, region = `IraqGovernorate.id`, kind attack.
    public var incidents: [Incident]
    /// Data rows read.
    public var rows: Int
    /// Rows named by their governorate field (after folding spellings).
    public var placedByName: Int
    /// Rows with no governorate placed by their coordinates, per governorate id.
    public var placedByCoordinates: [String: Int]
    /// Rows with no governorate and a location no finer than the country: not in any region.
    public var unplaced: Int
    /// Unplaced row identifiers (the dataset's `id`/`event_id_cnty`, else the line), at most 20.
    public var unplacedExamples: [String]
    /// Governorate names of the file that matched no governorate, with their counts (reported, rows unplaced).
    public var unknownNames: [String: Int]

    /// Notes for a report, in English.
    public var notes: [String] {
        var notes: [String] = []
        let byCoordinates = placedByCoordinates.values.reduce(0, +)
        notes.append("\(rows) event rows: \(placedByName) placed by their governorate field, \(byCoordinates) without one placed by coordinates (nearest governorate centroid), \(unplaced) unplaced (location only the whole country) and left out of every region")
        for (name, count) in unknownNames.sorted(by: { $0.key < $1.key }) {
            notes.append("\(count) rows name an unknown governorate '\(name)': unplaced")
        }
        if layout == "ucdp-ged" { notes.append(Self.ucdpCitation) }
        return notes
    }

    /// The same notes in Arabic, position by position.
    public var notesAr: [String] {
        let byCoordinates = placedByCoordinates.values.reduce(0, +)
        var notes = ["\(rows) صفًّا من الأحداث: \(placedByName) حُدِّدت محافظتها بالاسم، و\(byCoordinates) بلا محافظة حُدِّدت بالإحداثيات (أقرب مركز محافظة)، و\(unplaced) غير محدَّدة المكان (الموقع هو البلد كله) ولم تُحسب في أي محافظة"]
        for (name, count) in unknownNames.sorted(by: { $0.key < $1.key }) {
            notes.append("\(count) صفًّا تسمّي محافظة غير معروفة '\(name)': غير محدَّدة المكان")
        }
        if layout == "ucdp-ged" { notes.append(Self.ucdpCitation) }
        return notes
    }

    /// UCDP's data are CC BY 4.0: every output built on them cites them.
    static let ucdpCitation = "UCDP GED 19.1 (CC BY 4.0): Sundberg & Melander (2013), Journal of Peace Research 50(4); Pettersson, Högbladh & Öberg (2019), Journal of Peace Research 56(4)"

}

import IntiqalDomain

/// One event row of a UCDP GED or ACLED export, with the fields an incident keeps: its date
/// and the dataset's date precision, its admin units, place and coordinates with the
/// dataset's location precision, type, actors, fatalities, source and notes. Fields the file
/// lacks are nil.
public struct ConflictEventRow: Sendable, Hashable, Codable {
    /// The line the row starts on.
    public var line: Int
    /// The dataset's own identifier (`id`, `event_id_cnty`), if the file has the column.
    public var id: String?
    /// A key stable across re-exports of the same row: the layout and the dataset's id, else a
    /// hash of every field of the row.
    public var key: String
    public var date: CivilDate
    /// The last day (UCDP `date_end`); nil when the dataset gives one day.
    public var dateEnd: CivilDate?
    /// UCDP `date_prec` (1 exact day … 5 a longer span) or ACLED `time_precision` (1 day, 2 week, 3 month).
    public var datePrecision: String?
    /// ACLED `event_type`, UCDP `type_of_violence` (1 state-based, 2 non-state, 3 one-sided).
    public var eventType: String?
    public var subEventType: String?
    /// ACLED `actor1`/`actor2`, UCDP `side_a`/`side_b`.
    public var actor1: String?
    public var actor2: String?
    /// ACLED `admin1`, UCDP `adm_1`.
    public var admin1: String
    /// ACLED `admin2`, UCDP `adm_2`.
    public var admin2: String?
    /// ACLED `location`, UCDP `where_coordinates`.
    public var location: String?
    public var latitude: Double?
    public var longitude: Double?
    /// UCDP `where_prec` (1 exact place … 7 international waters) or ACLED `geo_precision` (1 town … 3 region).
    public var locationPrecision: String?
    /// ACLED `fatalities`, UCDP `best`.
    public var fatalities: Int?
    /// UCDP `low` and `high`.
    public var fatalitiesLow: Int?
    public var fatalitiesHigh: Int?
    /// ACLED `source`, UCDP `source_article`.
    public var source: String?
    /// ACLED `notes`.
    public var notes: String?
}

/// What `ConflictEventCSV.rows` read: the layout (`ucdp-ged`, `acled`) and the rows, in file order.
public struct ConflictEventTable: Sendable, Hashable {
    public var layout: String
    public var rows: [ConflictEventRow]
}

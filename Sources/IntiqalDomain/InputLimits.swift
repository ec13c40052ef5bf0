/// The ranges every integer read from a file, a flag or a request must fall in, and the bounds on
/// the work one input may cause. One table, so that the scenario reader, the CSV readers, the CLI
/// and (later) the server refuse the same things with the same numbers, and so that no arithmetic
/// the engines do on values inside these ranges can overflow.
///
/// Why these numbers: the largest real deployment the commission plans for is a few thousand
/// advisers at a few dozen sites over a few years; the ranges are two to three orders of
/// magnitude above that and far below where `Int` arithmetic on sums and products could trap
/// (e.g. 10,000 teams × 100,000 advisers × 1,200 months < 2^63).
public enum InputLimits {
    // MARK: Values

    /// Advisers in one team.
    public static let headcount: ClosedRange<Int> = 0...100_000
    /// A site's minimum garrison while open.
    public static let garrison: ClosedRange<Int> = 0...1_000_000
    /// Retrograde capacity per month, overall or per site.
    public static let capacity: ClosedRange<Int> = 0...1_000_000
    /// Months in a scenario's horizon (100 years).
    public static let horizonMonths: ClosedRange<Int> = 1...1_200
    /// Months a gate must hold, or a site must stay able to re-intervene.
    public static let policyMonths: ClosedRange<Int> = 0...120
    /// Incidents one record counts.
    public static let incidentCount: ClosedRange<Int> = 0...1_000_000
    /// A rating scale's bounds and version.
    public static let scaleBound: ClosedRange<Int> = -1_000...1_000
    public static let scaleVersion: ClosedRange<Int> = 1...1_000
    /// Calendar years a month may name.
    public static let year: ClosedRange<Int> = 1900...2200
    /// Monte Carlo runs of one risk estimate.
    public static let riskRuns: ClosedRange<Int> = 1...100_000_000
    /// Monte Carlo runs one request to the server may ask for (a request must end in seconds).
    public static let riskRunsPerRequest: ClosedRange<Int> = 1...10_000
    /// Incidents per month that count as a resurgence, and the consecutive months it must last.
    public static let riskThreshold: ClosedRange<Int> = 1...1_000_000
    public static let riskConsecutiveMonths: ClosedRange<Int> = 1...1_200
    /// A random seed (any non-negative 64-bit value that fits an `Int`).
    public static let seed: ClosedRange<Int> = 0...Int.max
    /// Rows a listing may be asked for (`--last`, page sizes).
    public static let listLength: ClosedRange<Int> = 1...1_000_000

    // MARK: Work one input may cause

    /// Bytes of one scenario file, CSV or report read whole.
    public static let fileBytes = 256 * 1024 * 1024
    /// Nodes of one YAML document after aliases are expanded.
    public static let yamlNodes = 20_000_000
    /// Nodes that aliases may add to a YAML document beyond those written in it: the work of
    /// reading a document is then bounded by its size, whatever its aliases (a 50 KB file of
    /// nested aliases would otherwise expand to millions of nodes).
    public static let yamlAliasNodes = 100_000
    /// Nesting depth of one YAML or JSON document.
    public static let nestingDepth = 64
    /// Records in one section of a scenario (sites, teams, assessments, incidents…).
    public static let recordsPerSection = 5_000_000
    /// Rows of one CSV file.
    public static let csvRows = 10_000_000
    /// Bytes of one CSV line (a longer line is refused, not buffered without end).
    public static let csvLineBytes = 1024 * 1024
}

/// Monthly incident counts of one region under several scenarios at once (the no-change
/// baseline and one or more plans), by the cluster (branching) representation of the Hawkes
/// process and a superposition of Poisson layers (`RegionLayout`): each scenario receives
/// immigrants at exactly its own rate, each immigrant's cluster (Poisson(α) children per
/// event, each Exp(β) days after its parent) is simulated once and counted in every scenario it
/// belongs to. Exact for each scenario; and a coupling: where two scenarios' rates agree, their
/// outcomes agree, and a scenario whose rate is at least another's in every month has at least
/// its count in every month.
///
/// Built once for many runs (its Poisson laws tabulated), it owns the memory its `view` reads.
final class RegionSimulator: Sendable {
    static let monthDays = 365.25 / 12
    /// Events per region and run beyond which a run is cut short (and reported).
    static let eventCap = 2_000_000

    private let layerStart: FrozenBuffer<Int>
    private let layers: FrozenBuffer<RegionLayout.Layer>
    private let childless: FrozenBuffer<RegionLayout.Draw>
    private let monthCells: FrozenBuffer<AliasTable.Cell>
    private let parents: FrozenBuffer<RegionLayout.Draw>
    private let segmentCells: FrozenBuffer<AliasTable.Cell>
    private let segmentStart: FrozenBuffer<Double>
    private let segmentLength: FrozenBuffer<Double>
    private let scenarioRowStart: FrozenBuffer<Int>
    private let scenarioRows: FrozenBuffer<Int>
    private let poissonCells: FrozenBuffer<AliasTable.Cell>
    private let layout: (months: Int, scenarios: Int, classes: Int, tabulated: Bool, branching: Branching)

    /// `background[s][m]` is scenario s's immigrant rate per day in month m (finite, ≥ 0;
    /// every scenario has the same number of months). `tabulate` builds Poisson tables
    /// (worth it when the simulator serves many runs).
    init(background: [[Double]], alpha: Double, beta: Double, tabulate: Bool = true) {
        let months = background.first?.count ?? 0
        let rates = background.flatMap { $0 }
        var l = RegionLayout()
        rates.withUnsafeBufferPointer {
            l.rebuild(rates: $0, scenarios: background.count, months: months, alpha: alpha, beta: beta, tabulate: tabulate)
        }
        layerStart = FrozenBuffer(l.layerStart)
        layers = FrozenBuffer(l.layers)
        childless = FrozenBuffer(l.childless)
        monthCells = FrozenBuffer(l.monthCells)
        parents = FrozenBuffer(l.parents)
        segmentCells = FrozenBuffer(l.segmentCells)
        segmentStart = FrozenBuffer(l.segmentStart)
        segmentLength = FrozenBuffer(l.segmentLength)
        scenarioRowStart = FrozenBuffer(l.scenarioRowStart)
        scenarioRows = FrozenBuffer(l.scenarioRows)
        poissonCells = FrozenBuffer(l.tables.cells)
        layout = (l.months, l.scenarios, l.classes, l.tabulated, l.branching)
    }

    /// What a run reads (valid while this simulator lives).
    var view: RegionView {
        RegionView(months: layout.months, scenarios: layout.scenarios, classes: layout.classes, tabulated: layout.tabulated,
                   branching: layout.branching, layerStart: layerStart.buffer, layers: layers.buffer,
                   childless: childless.buffer, monthCells: monthCells.buffer, parents: parents.buffer,
                   segmentCells: segmentCells.buffer, segmentStart: segmentStart.buffer, segmentLength: segmentLength.buffer,
                   scenarioRowStart: scenarioRowStart.buffer, scenarioRows: scenarioRows.buffer, poissonCells: poissonCells.buffer)
    }

    var months: Int { layout.months }
    var scenarios: Int { layout.scenarios }
    var warmUpDays: Double { layout.branching.warmUpDays }
    var countsLength: Int { view.countsLength }
}

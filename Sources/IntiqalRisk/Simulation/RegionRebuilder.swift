/// A region's layout rebuilt in place for every run (parameters redrawn run by run): the
/// layout's arrays and the copies a run reads keep their memory from rebuild to rebuild, so a
/// run allocates nothing once they have grown. One per chunk and region; not shared.
final class RegionRebuilder {
    private var layout = RegionLayout()
    private var rates = GrowableBuffer<Double>()
    private var layerStart = GrowableBuffer<Int>()
    private var layers = GrowableBuffer<RegionLayout.Layer>()
    private var childless = GrowableBuffer<RegionLayout.Draw>()
    private var monthCells = GrowableBuffer<AliasTable.Cell>()
    private var parents = GrowableBuffer<RegionLayout.Draw>()
    private var segmentCells = GrowableBuffer<AliasTable.Cell>()
    private var segmentStart = GrowableBuffer<Double>()
    private var segmentLength = GrowableBuffer<Double>()
    private var scenarioRowStart = GrowableBuffer<Int>()
    private var scenarioRows = GrowableBuffer<Int>()

    deinit {
        rates.deallocate()
        layerStart.deallocate()
        layers.deallocate()
        childless.deallocate()
        monthCells.deallocate()
        parents.deallocate()
        segmentCells.deallocate()
        segmentStart.deallocate()
        segmentLength.deallocate()
        scenarioRowStart.deallocate()
        scenarioRows.deallocate()
    }

    /// The rates buffer to fill (`scenarios × months`, scenario by scenario) before `rebuild`.
    func rateBuffer(count: Int) -> UnsafeMutableBufferPointer<Double> {
        rates.resize(count)
    }

    /// Lays out the rates written into `rateBuffer(count:)`, without Poisson tables, and returns
    /// what a run reads (valid until the next rebuild).
    func rebuild(scenarios: Int, months: Int, alpha: Double, beta: Double) -> RegionView {
        layout.rebuild(rates: UnsafeBufferPointer(rates.buffer), scenarios: scenarios, months: months,
                       alpha: alpha, beta: beta, tabulate: false)
        return RegionView(months: months, scenarios: scenarios, classes: layout.classes, tabulated: false,
                          branching: layout.branching, layerStart: layerStart.copy(layout.layerStart),
                          layers: layers.copy(layout.layers), childless: childless.copy(layout.childless),
                          monthCells: monthCells.copy(layout.monthCells), parents: parents.copy(layout.parents),
                          segmentCells: segmentCells.copy(layout.segmentCells), segmentStart: segmentStart.copy(layout.segmentStart),
                          segmentLength: segmentLength.copy(layout.segmentLength),
                          scenarioRowStart: scenarioRowStart.copy(layout.scenarioRowStart),
                          scenarioRows: scenarioRows.copy(layout.scenarioRows), poissonCells: UnsafeBufferPointer(start: nil, count: 0))
    }
}

/// Memory that grows and is reused: the owner deallocates it.
struct GrowableBuffer<Element> {
    private(set) var buffer = UnsafeMutableBufferPointer<Element>(start: nil, count: 0)
    private var capacity = 0

    /// The first `count` elements (uninitialised beyond what was written; trivial types only).
    mutating func resize(_ count: Int) -> UnsafeMutableBufferPointer<Element> {
        if count > capacity {
            let grown = max(count, 2 * capacity, 16)
            deallocate()
            capacity = grown
            buffer = .allocate(capacity: grown)
        }
        buffer = UnsafeMutableBufferPointer(start: buffer.baseAddress, count: count)
        return buffer
    }

    /// A copy of `array`.
    mutating func copy(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let target = resize(array.count)
        _ = target.initialize(from: array)
        return UnsafeBufferPointer(target)
    }

    mutating func deallocate() {
        buffer.baseAddress.map { UnsafeMutableRawPointer($0).deallocate() }
        buffer = UnsafeMutableBufferPointer(start: nil, count: 0)
        capacity = 0
    }
}

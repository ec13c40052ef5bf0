import Foundation

/// How one region's immigrants are drawn under several scenarios at once: the Poisson layers
/// of every month, their scenario sets ("classes"), and the draws of a run. Built from the
/// scenarios' rates by `rebuild`, which reuses its arrays, so redrawing parameters every run
/// does not allocate. `RegionSimulator` and `RegionRebuilder` own the memory a run reads
/// (`RegionView`).
///
/// With the month's rates sorted, r₍₁₎ ≤ … ≤ r₍S₎, layer j has rate r₍j₎ − r₍j−1₎ and belongs to
/// every scenario whose rate is at least r₍j₎. Immigrants without children (probability e^{−α})
/// need only their month; with `tabulate`, they are drawn per layer and month from tabulated
/// Poisson laws (one draw each); without, per class over the horizon (one Poisson draw, then a
/// month for each from an alias table), which needs no tables. Immigrants with children are
/// drawn per class over the warm-up and the months: one Poisson draw, then for each a segment
/// from an alias table weighted by the segments' rates.
struct RegionLayout {
    /// One layer of one month: its childless immigrants, counted in class row `row`.
    struct Layer: Sendable {
        var row: Int
        var childless: PoissonTables.Entry
    }

    /// One class's immigrants of one kind over the horizon: how many (`count`), and where
    /// (the alias table at `cellStart`).
    struct Draw: Sendable {
        var row: Int
        var count: PoissonTables.Entry
        var cellStart: Int
    }

    var months = 0
    var scenarios = 0
    var classes = 0
    var tabulated = false
    var branching = Branching(alpha: 0, beta: 1)
    /// Layers of month m are `layers[layerStart[m] ..< layerStart[m + 1]]` (tabulated only).
    var layerStart: [Int] = []
    var layers: [Layer] = []
    /// Childless immigrants per class over the months (not tabulated), tables in `monthCells`.
    var childless: [Draw] = []
    var monthCells: [AliasTable.Cell] = []
    /// Immigrants with children per class over the segments (0: the warm-up, m + 1: month m),
    /// tables in `segmentCells`.
    var parents: [Draw] = []
    var segmentCells: [AliasTable.Cell] = []
    var segmentStart: [Double] = []
    var segmentLength: [Double] = []
    /// The class rows of scenario s: `scenarioRows[scenarioRowStart[s] ..< scenarioRowStart[s + 1]]`.
    var scenarioRowStart: [Int] = []
    var scenarioRows: [Int] = []
    var tables = PoissonTables(tabulate: false)

    // Scratch space, kept between rebuilds.
    private var order: [Int] = []
    private var masks: [UInt64] = []
    private var childlessWeights: [Double] = []
    private var parentWeights: [Double] = []
    private var builder = AliasTable.Builder()

    /// Lays out `rates[s * months + m]`, scenario s's immigrant rate per day in month m (finite,
    /// ≥ 0), for offspring law Poisson(`alpha`) and delays Exp(`beta`).
    mutating func rebuild(rates: UnsafeBufferPointer<Double>, scenarios: Int, months: Int,
                          alpha: Double, beta: Double, tabulate: Bool) {
        self.months = months
        self.scenarios = scenarios
        tabulated = tabulate
        branching = Branching(alpha: alpha, beta: beta)
        let day = RegionSimulator.monthDays, warmUp = branching.warmUpDays
        let p0 = exp(-alpha)
        if tabulate { tables = PoissonTables(tabulate: true) }
        layerStart.removeAll(keepingCapacity: true)
        layers.removeAll(keepingCapacity: true)
        childless.removeAll(keepingCapacity: true)
        monthCells.removeAll(keepingCapacity: true)
        parents.removeAll(keepingCapacity: true)
        segmentCells.removeAll(keepingCapacity: true)
        masks.removeAll(keepingCapacity: true)
        childlessWeights.removeAll(keepingCapacity: true)
        parentWeights.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: 0..<scenarios)

        layerStart.append(0)
        for m in 0..<months {
            order.sort { (rates[$0 * months + m], $0) < (rates[$1 * months + m], $1) }
            var level = 0.0
            for i in order.indices {
                let rate = rates[order[i] * months + m]
                guard rate > level else { continue }
                // This layer belongs to every scenario at or above `rate`.
                var mask: UInt64 = 0
                for t in order[i...] { mask |= 1 << UInt64(t) }
                var cls = masks.firstIndex(of: mask) ?? -1
                if cls < 0 {
                    cls = masks.count
                    masks.append(mask)
                    childlessWeights.append(contentsOf: repeatElement(0, count: months))
                    parentWeights.append(contentsOf: repeatElement(0, count: months + 1))
                }
                let immigrants = (rate - level) * day
                if tabulate {
                    layers.append(Layer(row: cls * months, childless: tables.entry(mean: immigrants * p0)))
                } else {
                    childlessWeights[cls * months + m] = immigrants * p0
                }
                parentWeights[cls * (months + 1) + m + 1] = immigrants * (1 - p0)
                if m == 0 { parentWeights[cls * (months + 1)] = (rate - level) * warmUp * (1 - p0) }
                level = rate
            }
            layerStart.append(layers.count)
        }
        classes = masks.count
        for cls in 0..<classes {
            let parentRow = parentWeights[(cls * (months + 1))..<((cls + 1) * (months + 1))]
            let total = parentRow.reduce(0, +)
            if total > 0 {
                parents.append(Draw(row: cls * months, count: tables.entry(mean: total), cellStart: segmentCells.count))
                builder.append(parentRow, total: total, to: &segmentCells)
            }
            guard !tabulate else { continue }
            let childlessRow = childlessWeights[(cls * months)..<((cls + 1) * months)]
            let childlessTotal = childlessRow.reduce(0, +)
            if childlessTotal > 0 {
                childless.append(Draw(row: cls * months, count: .direct(childlessTotal), cellStart: monthCells.count))
                builder.append(childlessRow, total: childlessTotal, to: &monthCells)
            }
        }
        scenarioRowStart.removeAll(keepingCapacity: true)
        scenarioRows.removeAll(keepingCapacity: true)
        scenarioRowStart.append(0)
        for s in 0..<scenarios {
            for (cls, mask) in masks.enumerated() where mask & (1 << UInt64(s)) != 0 { scenarioRows.append(cls * months) }
            scenarioRowStart.append(scenarioRows.count)
        }
        segmentStart.removeAll(keepingCapacity: true)
        segmentLength.removeAll(keepingCapacity: true)
        segmentStart.append(-warmUp)
        segmentLength.append(warmUp)
        for m in 0..<months {
            segmentStart.append(Double(m) * day)
            segmentLength.append(day)
        }
    }
}

/// The offspring law and delays of a region: Poisson(α) children, each Exp(β) days after its
/// parent, as thresholds on raw 64-bit generator output for draws without jumps.
struct Branching: Sendable {
    let alpha: Double
    let invBeta: Double
    /// Long enough for clusters started before month 0 to have died down.
    let warmUpDays: Double
    /// P(K ≤ 0), P(K ≤ 1), P(K ≤ 2), P(K ≤ 3), each · 2⁶⁴: the number of thresholds at or
    /// below a raw draw below the last one is K.
    let offspring: SIMD4<UInt64>
    /// The same given K ≥ 1 (an immigrant drawn as a parent): 0, P(K ≤ 1 | K ≥ 1), …, · 2⁶⁴.
    let offspringOfParent: SIMD4<UInt64>
    /// P(K = 0), P(K = 3) and P(K ≤ 3), where the inversion of the rare tail starts.
    let tailStart: (p0: Double, p3: Double, cdf3: Double)

    init(alpha: Double, beta: Double) {
        self.alpha = alpha
        invBeta = min(1 / beta, 1e12)  // finite delays even for a vanishing β
        warmUpDays = min(max(10 / beta, RegionSimulator.monthDays), 3 * 365.25)
        let p0 = exp(-alpha)
        var p = p0, sum = p0
        var cdf = SIMD4<Double>(p0, 0, 0, 0)
        for k in 1...3 {
            p *= alpha / Double(k)
            sum += p
            cdf[k] = min(sum, 1)
        }
        offspring = SIMD4(Self.bits(cdf[0]), Self.bits(cdf[1]), Self.bits(cdf[2]), Self.bits(cdf[3]))
        let given = p0 < 1 ? (cdf - p0) / (1 - p0) : SIMD4(repeating: 1)
        offspringOfParent = SIMD4(0, Self.bits(given[1]), Self.bits(given[2]), Self.bits(given[3]))
        tailStart = (p0, p, cdf[3])
    }

    /// A probability as a threshold on raw 64-bit generator output.
    static func bits(_ p: Double) -> UInt64 {
        guard p > 0 else { return 0 }
        return p >= 1 ? .max : UInt64(p * 0x1p64)
    }

    /// The number of `thresholds` at or below `u`: one vector comparison (scalar comparisons
    /// get compiled into jumps on random outcomes).
    @inline(__always)
    static func count(_ u: UInt64, below thresholds: SIMD4<UInt64>) -> Int {
        let one = SIMD4<UInt64>(repeating: 1), none = SIMD4<UInt64>(repeating: 0)
        return Int(truncatingIfNeeded: none.replacing(with: one, where: SIMD4(repeating: u) .>= thresholds).wrappedSum())
    }

    /// The rare tail of the offspring law: K ≥ 4 given the raw draw `u` ≥ P(K ≤ 3)·2⁶⁴, by
    /// continuing the inversion (`givenSome`: the law given K ≥ 1).
    func tail(_ u: UInt64, givenSome: Bool) -> Int {
        let p0 = tailStart.p0
        let target = Double(u) * 0x1p-64 * (givenSome ? 1 - p0 : 1) + (givenSome ? p0 : 0)
        var p = tailStart.p3, cdf = tailStart.cdf3
        var k = 3
        while target >= cdf && k < 400 {
            k += 1
            p *= alpha / Double(k)
            cdf += p
        }
        return max(k, 4)
    }
}

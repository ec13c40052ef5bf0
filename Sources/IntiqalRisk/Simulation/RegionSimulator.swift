import Foundation

/// Monthly incident counts of one region under several scenarios at once (the no-change
/// baseline and one or more plans), by the cluster (branching) representation of the Hawkes
/// process and a superposition of Poisson layers.
///
/// Immigrants (background events) of every scenario come from one Poisson process per month,
/// cut into layers: with the month's rates sorted, r₍₁₎ ≤ … ≤ r₍S₎, layer j has rate
/// r₍j₎ − r₍j−1₎ and its immigrants belong to every scenario whose rate is at least r₍j₎. So
/// each scenario receives immigrants at exactly its own rate, and each immigrant's cluster
/// (Poisson(α) children per event, each Exp(β) days after its parent) is simulated once and
/// counted in every scenario it belongs to. Exact for each scenario; and a coupling: where two
/// scenarios' rates agree, their outcomes agree.
///
/// An immigrant without children (probability e^{−α}) needs no time, only its month: per
/// layer and month the number of childless immigrants is one Poisson draw. Immigrants with
/// children (an independent thinning) are drawn per scenario set over the whole horizon, the
/// warm-up included: one Poisson draw for their number, then for each a segment (the warm-up
/// or a month) from an alias table weighted by the segments' rates, a uniform time in it, and
/// its children as pending births, followed generation by generation.
final class RegionSimulator: Sendable {
    static let monthDays = 365.25 / 12
    /// Events per region and run beyond which a run is cut short (and reported).
    static let eventCap = 2_000_000

    /// One layer of one month: its childless immigrants, counted in class row `row`.
    struct Layer: Sendable {
        var row: Int
        var childless: PoissonTables.Entry
    }

    /// The immigrants with children of one class over the warm-up and every month.
    struct Parents: Sendable {
        var row: Int
        var count: PoissonTables.Entry
        /// The alias table over segments (0: the warm-up, m + 1: month m) in `segmentCells`.
        var cellStart: Int
    }

    let months: Int
    let scenarios: Int
    /// Layers of month m are `layers[layerStart[m] ..< layerStart[m + 1]]`.
    let layerStart: FrozenBuffer<Int>
    let layers: FrozenBuffer<Layer>
    let parents: FrozenBuffer<Parents>
    /// Alias tables of the parents' segments, `months + 1` cells per class.
    let segmentCells: FrozenBuffer<PoissonTables.Cell>
    /// Start and length (days) of each segment: the warm-up, then the months.
    let segmentStart: FrozenBuffer<Double>
    let segmentLength: FrozenBuffer<Double>
    /// Distinct scenario sets ("classes") of the layers; counts are kept per class.
    let classes: Int
    /// The class rows of scenario s: `scenarioRows[scenarioRowStart[s] ..< scenarioRowStart[s + 1]]`.
    let scenarioRowStart: FrozenBuffer<Int>
    let scenarioRows: FrozenBuffer<Int>
    let poisson: PoissonTables.Frozen
    let warmUpDays: Double
    let alpha: Double
    /// The offspring law, Poisson(α): P(K ≤ 0), P(K ≤ 1), P(K ≤ 2), P(K ≤ 3), each · 2⁶⁴.
    let offspring: SIMD4<UInt64>
    /// The same given K ≥ 1 (an immigrant drawn as a parent): 0, P(K ≤ 1 | K ≥ 1),
    /// P(K ≤ 2 | K ≥ 1), P(K ≤ 3 | K ≥ 1), each · 2⁶⁴ (the count of thresholds at or below a
    /// raw draw is K, as for `offspring`).
    let offspringOfParent: SIMD4<UInt64>
    /// P(K = 0), P(K = 3) and P(K ≤ 3), where the inversion of the rare tail starts.
    let tailStart: (p0: Double, p3: Double, cdf3: Double)
    let invBeta: Double

    /// `background[s][m]` is scenario s's immigrant rate per day in month m (finite, ≥ 0;
    /// every scenario has the same number of months). `tabulate` builds Poisson tables
    /// (worth it when the simulator serves many runs).
    init(background: [[Double]], alpha: Double, beta: Double, tabulate: Bool = true) {
        scenarios = background.count
        months = background.first?.count ?? 0
        // Long enough for clusters started before month 0 to have died down.
        warmUpDays = min(max(10 / beta, Self.monthDays), 3 * 365.25)
        self.alpha = alpha
        let p0 = exp(-alpha)
        let cdf = Self.offspringCDF(alpha: alpha, through: 3)
        offspring = SIMD4(Self.bits(cdf[0]), Self.bits(cdf[1]), Self.bits(cdf[2]), Self.bits(cdf[3]))
        let given = cdf.map { p0 < 1 ? ($0 - p0) / (1 - p0) : 1 }
        offspringOfParent = SIMD4(0, Self.bits(given[1]), Self.bits(given[2]), Self.bits(given[3]))
        tailStart = (p0, p0 * alpha * alpha * alpha / 6, cdf[3])
        invBeta = min(1 / beta, 1e12)  // finite delays even for a vanishing β

        var tables = PoissonTables(tabulate: tabulate)
        var classOf: [UInt64: Int] = [:]
        var classMembers: [[Int]] = []
        var parentWeights: [[Double]] = []   // per class: immigrants with children per segment
        var layerStart = [0]
        var layers: [Layer] = []
        var order = Array(0..<scenarios)
        for m in 0..<months {
            order.sort { (background[$0][m], $0) < (background[$1][m], $1) }
            var level = 0.0
            for (i, s) in order.enumerated() {
                let rate = background[s][m]
                guard rate > level else { continue }
                // This layer belongs to every scenario at or above `rate`.
                var mask: UInt64 = 0
                for t in order[i...] { mask |= 1 << UInt64(t) }
                let cls: Int
                if let known = classOf[mask] {
                    cls = known
                } else {
                    cls = classMembers.count
                    classOf[mask] = cls
                    classMembers.append(order[i...].sorted())
                    parentWeights.append(Array(repeating: 0, count: months + 1))
                }
                let immigrants = (rate - level) * Self.monthDays
                layers.append(Layer(row: cls * months, childless: tables.entry(mean: immigrants * p0)))
                parentWeights[cls][m + 1] = immigrants * (1 - p0)
                if m == 0 { parentWeights[cls][0] = (rate - level) * warmUpDays * (1 - p0) }
                level = rate
            }
            layerStart.append(layers.count)
        }
        var parents: [Parents] = []
        var cells: [PoissonTables.Cell] = []
        for (cls, weights) in parentWeights.enumerated() {
            let total = weights.reduce(0, +)
            guard total > 0 else { continue }
            parents.append(Parents(row: cls * months, count: tables.entry(mean: total), cellStart: cells.count))
            cells.append(contentsOf: PoissonTables.aliasTable(weights.map { $0 / total }))
        }
        classes = classMembers.count
        var rowStart = [0], rows: [Int] = []
        let width = months
        for s in 0..<scenarios {
            rows.append(contentsOf: classMembers.indices.filter { classMembers[$0].contains(s) }.map { $0 * width })
            rowStart.append(rows.count)
        }
        scenarioRowStart = FrozenBuffer(rowStart)
        scenarioRows = FrozenBuffer(rows)
        self.layerStart = FrozenBuffer(layerStart)
        self.layers = FrozenBuffer(layers)
        self.parents = FrozenBuffer(parents)
        segmentCells = FrozenBuffer(cells)
        segmentStart = FrozenBuffer([-warmUpDays] + (0..<months).map { Double($0) * Self.monthDays })
        segmentLength = FrozenBuffer([warmUpDays] + Array(repeating: Self.monthDays, count: months))
        poisson = tables.frozen()
    }

    /// Length of the class counts buffer `run` fills.
    var countsLength: Int { max(1, classes) * months }

    /// P(K ≤ k) for k = 0…`through`, K ~ Poisson(α).
    static func offspringCDF(alpha: Double, through: Int) -> [Double] {
        var p = exp(-alpha), sum = p
        var cdf = [sum]
        for k in 1...max(1, through) {
            p *= alpha / Double(k)
            sum += p
            cdf.append(min(sum, 1))
        }
        return cdf
    }

    /// A probability as a threshold on raw 64-bit generator output.
    static func bits(_ p: Double) -> UInt64 {
        guard p > 0 else { return 0 }
        return p >= 1 ? .max : UInt64(p * 0x1p64)
    }

    /// The rare tail of the offspring law: K ≥ 4 given the raw draw `u` ≥ P(K ≤ 3)·2⁶⁴,
    /// by continuing the inversion (`givenSome`: the law given K ≥ 1).
    func offspringTail(_ u: UInt64, givenSome: Bool) -> Int {
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

    /// Number of children of an immigrant drawn as a parent, Poisson(α) given ≥ 1, from a raw
    /// draw `u` below `offspringOfParent[2]`: one vector comparison, no jumps.
    @inline(__always)
    static func count(_ u: UInt64, below thresholds: SIMD4<UInt64>) -> Int {
        let one = SIMD4<UInt64>(repeating: 1), none = SIMD4<UInt64>(repeating: 0)
        return Int(truncatingIfNeeded: none.replacing(with: one, where: SIMD4(repeating: u) .>= thresholds).wrappedSum())
    }

    /// Fills `counts` (`countsLength` values: class by class, month by month) for one run;
    /// `births` is scratch space. Returns false when the run hit the event cap.
    ///
    /// First every immigrant is drawn (counts per layer and month; the parents' children put
    /// in the first generation of pending births), then the births are followed generation by
    /// generation: each child born Exp(β) days after its parent, counted in its month, its own
    /// children put in the next generation. The order of births does not change any count.
    func run(_ generator: inout Xoshiro256StarStar, exp1: ExponentialZiggurat.Tables,
             counts: UnsafeMutableBufferPointer<Int>, births: inout Generations) -> Bool {
        // Work on local copies so the optimiser keeps generator and buffers in registers.
        var rng = generator
        var current = births.current, next = births.next
        defer {
            generator = rng
            births.current = current
            births.next = next
        }
        let base = counts.baseAddress!
        base.update(repeating: 0, count: countsLength)
        current.count = 0
        let layers = self.layers.buffer, layerStart = self.layerStart.buffer
        var total = 0
        for m in 0..<months {
            for l in layerStart[m]..<layerStart[m + 1] {
                let layer = layers[l]
                let n = poisson.draw(layer.childless, &rng)
                base[layer.row &+ m] &+= n
                total &+= n
            }
        }
        // Immigrants with children, counted where they fall (not in the warm-up), their
        // children the first generation of births.
        let cells = segmentCells.buffer.baseAddress!
        let segmentStart = self.segmentStart.buffer, segmentLength = self.segmentLength.buffer
        let segments = months + 1
        let parentLaw = offspringOfParent, parentTail = parentLaw[3]
        for p in parents.buffer {
            let n = poisson.draw(p.count, &rng)
            current.reserve(3 * n)
            for i in 0..<n {
                let segment = PoissonTables.pick(cells + p.cellStart, count: segments, &rng)
                let t = segmentStart[segment] + segmentLength[segment] * rng.nextUnit()
                // Counted where it falls, unless in the warm-up (segment 0): no jump.
                let counted = segment > 0 ? 1 : 0
                base[p.row &+ max(segment &- 1, 0)] &+= counted
                total &+= counted
                let u = rng.next()
                if u < parentTail {
                    current.push(.init(time: t, row: p.row), copies: Self.count(u, below: parentLaw))
                } else {
                    current.push(.init(time: t, row: p.row), times: offspringTail(u, givenSome: true))
                    current.reserve(3 * (n - i))
                }
            }
            if total > Self.eventCap { return false }
        }

        let horizon = Double(months) * Self.monthDays
        let invMonth = 1 / Self.monthDays
        let lastMonth = SIMD2<Double>(repeating: Double(months - 1))
        let invBeta = self.invBeta
        let offspring = self.offspring, k3 = offspring[3]
        while current.count > 0 {
            let n = current.count
            next.count = 0
            next.reserve(3 * n)
            let items = current.base
            for i in 0..<n {
                let parent = items[i]
                // Branch-free: whether the child falls in the horizon (and after month 0's
                // start) and how many children it has are random, so they are applied as 0/1
                // arithmetic.
                let c = parent.time + exp1.next(&rng) * invBeta
                let inside = c < horizon
                let counted = inside && c >= 0
                // Clamped as a vector: scalar min and max get compiled into jumps.
                let slot = Int(pointwiseMax(pointwiseMin(SIMD2(repeating: c * invMonth), lastMonth), .zero)[0])
                base[parent.row &+ slot] &+= counted ? 1 : 0
                total &+= counted ? 1 : 0
                let u = rng.next()
                if u < k3 {
                    // K = the number of thresholds at or below u: one vector comparison (scalar
                    // comparisons get compiled into jumps on random outcomes).
                    next.push(.init(time: c, row: parent.row), copies: inside ? Self.count(u, below: offspring) : 0)
                } else if inside {
                    // Rare (four or more children): room for the rest of the generation again.
                    next.push(.init(time: c, row: parent.row), times: offspringTail(u, givenSome: false))
                    next.reserve(3 * (n - i))
                }
            }
            swap(&current, &next)
            if total > Self.eventCap { return false }
        }
        return true
    }

    /// Scenario `s`'s monthly counts from the class counts of a run: a view of `counts` when
    /// the scenario has a single class, else summed into `scratch` (`months` values).
    @inline(__always)
    func counts(of s: Int, from counts: UnsafeMutableBufferPointer<Int>,
                scratch: UnsafeMutableBufferPointer<Int>) -> UnsafeBufferPointer<Int> {
        let first = scenarioRowStart.buffer[s], end = scenarioRowStart.buffer[s + 1]
        let rows = scenarioRows.buffer
        switch end - first {
        case 0:
            scratch.baseAddress!.update(repeating: 0, count: months)
            return UnsafeBufferPointer(rebasing: scratch[0..<months])
        case 1:
            return UnsafeBufferPointer(rebasing: counts[rows[first]..<(rows[first] + months)])
        default:
            let out = scratch.baseAddress!
            let source = counts.baseAddress!
            out.update(from: source + rows[first], count: months)
            for i in (first + 1)..<end {
                let row = source + rows[i]
                for m in 0..<months { out[m] &+= row[m] }
            }
            return UnsafeBufferPointer(rebasing: scratch[0..<months])
        }
    }
}

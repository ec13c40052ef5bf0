/// What a run of one region reads: unsafe views of a `RegionLayout`'s arrays (owned by a
/// `RegionSimulator` or a `RegionRebuilder`, valid while the owner lives), without reference
/// counting or exclusivity checks in the hot loop.
struct RegionView {
    let months: Int
    let scenarios: Int
    let classes: Int
    let tabulated: Bool
    let branching: Branching
    let layerStart: UnsafeBufferPointer<Int>
    let layers: UnsafeBufferPointer<RegionLayout.Layer>
    let childless: UnsafeBufferPointer<RegionLayout.Draw>
    let monthCells: UnsafeBufferPointer<AliasTable.Cell>
    let parents: UnsafeBufferPointer<RegionLayout.Draw>
    let segmentCells: UnsafeBufferPointer<AliasTable.Cell>
    let segmentStart: UnsafeBufferPointer<Double>
    let segmentLength: UnsafeBufferPointer<Double>
    let scenarioRowStart: UnsafeBufferPointer<Int>
    let scenarioRows: UnsafeBufferPointer<Int>
    let poissonCells: UnsafeBufferPointer<AliasTable.Cell>

    /// Length of the class counts buffer `run` fills.
    var countsLength: Int { max(1, classes) * months }

    /// Fills `counts` (`countsLength` values: class by class, month by month) for one run;
    /// `births` is scratch space. Returns false when the run hit the event cap.
    ///
    /// First every immigrant is drawn (counts per class and month; the parents' children put
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
        var total = 0
        let poisson = poissonCells.baseAddress ?? UnsafePointer(bitPattern: 8)!
        if tabulated {
            for m in 0..<months {
                for l in layerStart[m]..<layerStart[m + 1] {
                    let layer = layers[l]
                    let n = PoissonTables.draw(layer.childless, cells: poisson, &rng)
                    base[layer.row &+ m] &+= n
                    total &+= n
                }
            }
        } else if let cells = monthCells.baseAddress {
            for d in childless {
                let n = Poisson.draw(mean: d.count.mean, &rng)
                for _ in 0..<n { base[d.row &+ AliasTable.pick(cells + d.cellStart, count: months, &rng)] &+= 1 }
                total &+= n
            }
        }
        if total > RegionSimulator.eventCap { return false }

        // Immigrants with children, counted where they fall (not in the warm-up), their
        // children the first generation of births.
        let segments = months + 1
        let parentLaw = branching.offspringOfParent, parentTail = parentLaw[3]
        if let cells = segmentCells.baseAddress {
            for p in parents {
                let n = PoissonTables.draw(p.count, cells: poisson, &rng)
                current.reserve(3 * n)
                for i in 0..<n {
                    let segment = AliasTable.pick(cells + p.cellStart, count: segments, &rng)
                    let t = segmentStart[segment] + segmentLength[segment] * rng.nextUnit()
                    // Counted where it falls, unless in the warm-up (segment 0): no jump.
                    let counted = segment > 0 ? 1 : 0
                    base[p.row &+ max(segment &- 1, 0)] &+= counted
                    total &+= counted
                    let u = rng.next()
                    if u < parentTail {
                        current.push(.init(time: t, row: p.row), copies: Branching.count(u, below: parentLaw))
                    } else {
                        current.push(.init(time: t, row: p.row), times: branching.tail(u, givenSome: true))
                        current.reserve(3 * (n - i))
                    }
                }
                if total > RegionSimulator.eventCap { return false }
            }
        }

        let horizon = Double(months) * RegionSimulator.monthDays
        let invMonth = 1 / RegionSimulator.monthDays
        let lastMonth = SIMD2<Double>(repeating: Double(months - 1))
        let invBeta = branching.invBeta
        let offspring = branching.offspring, k3 = offspring[3]
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
                    next.push(.init(time: c, row: parent.row), copies: inside ? Branching.count(u, below: offspring) : 0)
                } else if inside {
                    // Rare (four or more children): room for the rest of the generation again.
                    next.push(.init(time: c, row: parent.row), times: branching.tail(u, givenSome: false))
                    next.reserve(3 * (n - i))
                }
            }
            swap(&current, &next)
            if total > RegionSimulator.eventCap { return false }
        }
        return true
    }

    /// Scenario `s`'s monthly counts from the class counts of a run: a view of `counts` when
    /// the scenario has a single class, else summed into `scratch` (`months` values).
    @inline(__always)
    func counts(of s: Int, from counts: UnsafeMutableBufferPointer<Int>,
                scratch: UnsafeMutableBufferPointer<Int>) -> UnsafeBufferPointer<Int> {
        let first = scenarioRowStart[s], end = scenarioRowStart[s + 1]
        switch end - first {
        case 0:
            scratch.baseAddress!.update(repeating: 0, count: months)
            return UnsafeBufferPointer(rebasing: scratch[0..<months])
        case 1:
            return UnsafeBufferPointer(rebasing: counts[scenarioRows[first]..<(scenarioRows[first] + months)])
        default:
            let out = scratch.baseAddress!
            let source = counts.baseAddress!
            out.update(from: source + scenarioRows[first], count: months)
            for i in (first + 1)..<end {
                let row = source + scenarioRows[i]
                for m in 0..<months { out[m] &+= row[m] }
            }
            return UnsafeBufferPointer(rebasing: scratch[0..<months])
        }
    }
}

/// Walker's alias method (Vose 1991) for drawing from a finite distribution: a draw is one
/// 64-bit random number, one table cell and one comparison, with no search and no jump on the
/// outcome.
enum AliasTable {
    /// One cell of a table: value i is kept with probability `keep`, else `alias`.
    struct Cell: Sendable, Hashable {
        var keep: Double
        var alias: Int32
    }

    /// Builds tables without allocating once its scratch space has grown.
    struct Builder {
        private var scaled: [Double] = []
        private var stack: [Int] = []

        /// Appends to `cells` the table of the distribution proportional to `weights`
        /// (finite, ≥ 0, summing to `total` > 0).
        mutating func append(_ weights: ArraySlice<Double>, total: Double, to cells: inout [Cell]) {
            let n = weights.count
            guard n > 0 else { return }
            let start = cells.count
            cells.append(contentsOf: repeatElement(Cell(keep: 1, alias: 0), count: n))
            if scaled.count < n {
                scaled = Array(repeating: 0, count: n)
                stack = Array(repeating: 0, count: n)
            }
            weights.withUnsafeBufferPointer { w in
                scaled.withUnsafeMutableBufferPointer { q in
                    stack.withUnsafeMutableBufferPointer { stack in
                        cells.withUnsafeMutableBufferPointer { all in
                            let table = all.baseAddress! + start
                            // Small values are stacked from the bottom, large ones from the top.
                            var small = 0, large = n
                            let scale = Double(n) / total
                            for i in 0..<n {
                                q[i] = w[i] * scale
                                table[i] = Cell(keep: 1, alias: Int32(i))
                                if q[i] < 1 { stack[small] = i; small += 1 } else { large -= 1; stack[large] = i }
                            }
                            while small > 0 && large < n {
                                small -= 1
                                let s = stack[small], l = stack[large]
                                table[s] = Cell(keep: q[s], alias: Int32(l))
                                q[l] = (q[l] + q[s]) - 1
                                if q[l] < 1 {
                                    // l moves from the large stack to the small one.
                                    large += 1
                                    stack[small] = l
                                    small += 1
                                }
                            }
                            // What remains is 1 up to rounding: kept whole (already so).
                        }
                    }
                }
            }
        }
    }

    /// A value 0 ..< `count` from the table at `cells`: the high word of r·count picks the
    /// cell, the low word decides between the cell's value and its alias.
    @inline(__always)
    static func pick(_ cells: UnsafePointer<Cell>, count: Int, _ rng: inout Xoshiro256StarStar) -> Int {
        let (cell, fraction) = UInt64(count).multipliedFullWidth(by: rng.next())
        let c = cells[Int(cell)]
        // Branch-free (the comparison is random; a jump on it would be mispredicted half the
        // time): all ones when the cell keeps its own value.
        let keep = Double(fraction >> 11) * 0x1p-53 < c.keep
        let mask = 0 &- Int(unsafeBitCast(keep, to: UInt8.self))
        let alias = Int(c.alias)
        return alias ^ ((alias ^ Int(cell)) & mask)
    }
}

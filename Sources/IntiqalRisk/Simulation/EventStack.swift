/// A growable list of pending births without Array's per-operation checks: each item is one
/// child still to be born of a parent at `time`, to be counted in class row `row`.
struct EventStack {
    struct Item {
        var time: Double
        var row: Int
    }

    private(set) var base: UnsafeMutablePointer<Item>
    var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for `n` more items.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(to: count + n) }
    }

    /// Writes `item` into the next three slots and keeps `copies` (0…3) of them, without a
    /// branch on `copies` (it is random and would be mispredicted). Needs `reserve(3)` first.
    @inline(__always)
    mutating func push(_ item: Item, copies: Int) {
        base[count] = item
        base[count &+ 1] = item
        base[count &+ 2] = item
        count &+= copies
    }

    /// Pushes `n` copies of `item`.
    mutating func push(_ item: Item, times n: Int) {
        reserve(n)
        for i in 0..<n { base[count + i] = item }
        count += n
    }

    @inline(__always)
    mutating func pop() -> Item {
        count &-= 1
        return base[count]
    }

    private mutating func grow(to needed: Int) {
        var bigger = capacity * 2
        while bigger < needed { bigger *= 2 }
        let memory = UnsafeMutablePointer<Item>.allocate(capacity: bigger)
        memory.update(from: base, count: count)
        base.deallocate()
        base = memory
        capacity = bigger
    }

    func deallocate() { base.deallocate() }
}

/// The births of one generation and the next, reused from run to run.
struct Generations {
    var current = EventStack()
    var next = EventStack()

    func deallocate() {
        current.deallocate()
        next.deallocate()
    }
}

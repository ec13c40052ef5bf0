/// A growable stack of event times without Array's per-operation checks.
struct EventStack {
    private(set) var base: UnsafeMutablePointer<Double>
    var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func push(_ t: Double) {
        if count == capacity { grow() }
        base[count] = t
        count += 1
    }

    /// Pushes `t` when `condition` holds, without a branch on `condition` (it is random
    /// and would be mispredicted half the time).
    @inline(__always)
    mutating func push(_ t: Double, if condition: Bool) {
        if count == capacity { grow() }
        base[count] = t
        count &+= condition ? 1 : 0
    }

    @inline(__always)
    mutating func pop() -> Double {
        count -= 1
        return base[count]
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Double>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    func deallocate() { base.deallocate() }
}

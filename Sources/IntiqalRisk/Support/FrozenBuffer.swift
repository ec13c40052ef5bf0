/// An immutable copy of an array in memory of its own, read through an unsafe buffer by hot
/// loops without closures (and so without the exclusivity checks captured variables bring).
/// The memory lives as long as the object.
final class FrozenBuffer<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    init(_ elements: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, elements.count))
        _ = memory.initialize(from: elements)
        buffer = UnsafeBufferPointer(rebasing: memory[0..<elements.count])
    }

    deinit {
        _ = UnsafeMutableBufferPointer(mutating: buffer).deinitialize()
        UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
    }
}

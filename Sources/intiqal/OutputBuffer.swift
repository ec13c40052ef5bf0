#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output with a bounded buffer: bytes are written in pieces of at most `capacity`, so a
/// very long line never has to be held whole.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let capacity: Int
    private let fd: Int32

    init(fd: Int32 = 1, capacity: Int = 1 << 18) {
        self.fd = fd
        self.capacity = capacity
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ piece: UnsafeBufferPointer<UInt8>) {
        if bytes.count + piece.count > capacity { flush() }
        if piece.count >= capacity { Self.writeAll(fd, piece); return }
        bytes.append(contentsOf: piece)
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { Self.writeAll(fd, $0) }
        bytes.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ piece: UnsafeBufferPointer<UInt8>) {
        guard var p = piece.baseAddress else { return }
        var left = piece.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                _ = "intiqal: cannot write the output: \(reason)\n".utf8CString.withUnsafeBufferPointer { systemWrite(2, $0.baseAddress, $0.count - 1) }
                exit(1)
            }
            p += n
            left -= n
        }
    }
}

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int {
    write(fd, p, n)
}

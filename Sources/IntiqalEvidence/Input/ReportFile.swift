#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IntiqalDomain

/// A report on disk: checked before anything is read (exists, a file, readable, within the size
/// limit, UTF-8 rather than UTF-16, and optionally text rather than binary), then read in bounded
/// chunks, so the memory reading takes does not grow with the file.
public enum ReportFile {
    /// Bytes read at a time; the buffer also holds one paragraph of lookahead.
    static let chunkBytes = 1 << 20
    /// Bytes looked at to tell text from binary.
    static let sniffBytes = 8192

    /// Why `path` cannot be read as a report, or nil when it can. With `requireText`, a file with a
    /// NUL byte in its first 8 KiB is refused as not text (what a directory walk skips); without,
    /// such a file is read like any other (NULs are control characters).
    public static func problem(at path: String, requireText: Bool = false,
                               limit: Int = InputLimits.fileBytes) -> EvidenceError? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return openError(path, errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return openError(path, errno) }
        if st.st_mode & S_IFMT == S_IFDIR { return .unreadable(path, reason: "is a directory") }
        // Pipes and devices are read as they come; only regular files are sized and looked into.
        guard st.st_mode & S_IFMT == S_IFREG else { return nil }
        if Int(st.st_size) > limit { return .tooLarge(path, bytes: Int(st.st_size), limit: limit) }
        var head = [UInt8](repeating: 0, count: sniffBytes)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, sniffBytes) }
        guard n >= 0 else { return .unreadable(path, reason: "read error (\(String(cString: strerror(errno))))") }
        return head.withUnsafeBufferPointer { buf in
            let prefix = UnsafeBufferPointer(rebasing: buf[0..<n])
            if let (name, mark) = foreignEncoding(prefix) { return .encoding(path, name: name, mark: mark) }
            if requireText, let nul = prefix.firstIndex(of: 0) { return .notText(path, byteOffset: nul) }
            return nil
        }
    }

    /// UTF-16 or UTF-32 by the byte order mark at the start of `bytes`, with the mark as hex.
    static func foreignEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, mark: String)? {
        guard bytes.count >= 2 else { return nil }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return ("UTF-32LE", "FF FE 00 00") }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return ("UTF-32BE", "00 00 FE FF") }
        if bytes[0] == 0xFF, bytes[1] == 0xFE { return ("UTF-16LE", "FF FE") }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return ("UTF-16BE", "FE FF") }
        return nil
    }

    /// Reads `path` in chunks, handing each window of bytes to `body` with the index in it of the first
    /// byte not yet consumed and the document offset of the window's first byte; `body` consumes one
    /// paragraph and returns the index after it. A window that does not reach the end of the file holds
    /// at least `lookahead` bytes past that index. `observe` sees every byte once, in order.
    static func stream(path: String, limit: Int, lookahead: Int, chunkBytes: Int = chunkBytes,
                       observe: ((UnsafeRawBufferPointer) -> Void)?,
                       body: (UnsafeBufferPointer<UInt8>, _ from: Int, _ offset: Int) -> Int) throws(EvidenceError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openError(path, errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path, reason: "is a directory") }
        let capacity = max(1, chunkBytes) + lookahead
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return }
        var start = 0, count = 0, offset = 0, atEnd = false, first = true
        while true {
            if !atEnd && count - start < lookahead {
                // Keep the unconsumed tail, then fill up to capacity or the end of the file.
                let rest = max(0, count - start)
                if start > 0 && rest > 0 { memmove(base, base + start, rest) }
                offset += min(start, count)
                count = rest
                start = 0
                while count < capacity && !atEnd {
                    let r = read(fd, base + count, capacity - count)
                    if r < 0 {
                        if errno == EINTR { continue }
                        throw .unreadable(path, reason: "read error at byte \(offset + count) (\(String(cString: strerror(errno))))")
                    }
                    if r == 0 { atEnd = true; break }
                    observe?(UnsafeRawBufferPointer(start: base + count, count: r))
                    count += r
                    if offset + count > limit { throw .tooLarge(path, bytes: offset + count, limit: limit) }
                }
                if first {
                    first = false
                    if let (name, mark) = foreignEncoding(UnsafeBufferPointer(rebasing: buffer[0..<count])) {
                        throw .encoding(path, name: name, mark: mark)
                    }
                }
            }
            if start >= count { return }
            start = body(UnsafeBufferPointer(rebasing: buffer[0..<count]), start, offset)
        }
    }

    private static func openError(_ path: String, _ code: Int32) -> EvidenceError {
        switch code {
        case ENOENT, ENOTDIR: return .unreadable(path, reason: "no such file")
        case EACCES, EPERM: return .unreadable(path, reason: "not readable (permission denied)")
        case EISDIR: return .unreadable(path, reason: "is a directory")
        default: return .unreadable(path, reason: String(cString: strerror(code)))
        }
    }
}

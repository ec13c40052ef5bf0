/// Cuts a document's bytes into paragraphs (lines, an over-long line cut at a space or a character
/// boundary), decodes each to Unicode scalars and hands it to the builder with its offset in scalars
/// of the whole document. It sees the document through a window of bytes, so a file can be read in
/// bounded chunks: a window that does not reach the end of the document must hold at least
/// ``minimumLookahead`` bytes from the paragraph it starts, and then the cuts are the same as on
/// the whole document in memory.
struct ParagraphSplitter {
    /// The maximum paragraph, in bytes; longer lines are cut at a space or character boundary.
    static let maxParagraphBytes = 1 << 16
    /// Bytes a window must hold from the start of a paragraph unless it reaches the end of the document.
    static let minimumLookahead = maxParagraphBytes + 1

    private var scalars: [UInt32] = []
    /// Byte offsets in the document of the first invalid sequences, and the count of all of them.
    private(set) var invalid: [Int] = []
    private(set) var invalidCount = 0
    /// Lines cut because they were longer than ``maxParagraphBytes``.
    private(set) var cut = 0
    /// Offset, in scalars of the document, of the next paragraph.
    private var base = 0

    init() { scalars.reserveCapacity(4096) }

    /// Cuts and hands on the paragraph that starts at `window[i]`; returns where the next one starts.
    /// `n` is the end of the bytes held (the end of the document, or at least ``minimumLookahead`` past `i`);
    /// `offset` is the document offset of `window[0]`.
    mutating func next(_ window: UnsafeBufferPointer<UInt8>, from i: Int, end n: Int, offset: Int,
                       into builder: inout DocumentBuilder) -> Int {
        var j = i
        let limit = min(n, i + Self.maxParagraphBytes)
        while j < limit && window[j] != 0x0A { j += 1 }
        var next = j + 1
        if j == limit && j < n {
            // An over-long line: cut after the last space, else at a character boundary.
            var k = j
            let floor = i + Self.maxParagraphBytes / 2
            while k > floor && window[k - 1] != 0x20 { k -= 1 }
            if k <= floor { k = j; while k > i + 1 && window[k] & 0xC0 == 0x80 { k -= 1 } }
            j = k
            next = k
            cut += 1
        }
        scalars.removeAll(keepingCapacity: true)
        let before = invalid.count
        UTF8Scalars.decode(window, from: i, to: j, into: &scalars, invalid: &invalid, invalidCount: &invalidCount)
        for k in before..<invalid.count { invalid[k] += offset }
        scalars.withUnsafeBufferPointer { builder.add(paragraph: $0, base: base) }
        base += scalars.count + (next > j ? 1 : 0)
        return next
    }

    /// Adds the diagnostics of the reading (invalid UTF-8, lines cut) to the builder.
    func report(into builder: inout DocumentBuilder, document: String) {
        if invalidCount > 0 {
            builder.diagnostics.append(Diagnostic(severity: .warning, document: document, byteOffset: invalid.first,
                message: "invalid UTF-8: \(invalidCount) byte(s) replaced by U+FFFD (each counts as one scalar)"))
        }
        if cut > 0 {
            builder.diagnostics.append(Diagnostic(severity: .warning, document: document,
                message: "\(cut) line(s) longer than \(Self.maxParagraphBytes) bytes were split"))
        }
    }
}

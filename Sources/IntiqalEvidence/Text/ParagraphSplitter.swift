import IntiqalDomain

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
        var lineStart = j
        while true {
            while j < limit && window[j] != 0x0A { j += 1 }
            guard j < limit, Self.continues(window, lineStart: lineStart, newline: j, end: n) else { break }
            // A hard wrap: the line break stays in the paragraph, where the tokenizer reads it as a space.
            j += 1
            lineStart = j
        }
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

    /// Whether the line break at `newline` is a hard wrap inside a sentence rather than a paragraph break:
    /// plain-text publications (statements, letters) wrap their lines at a fixed width, so a long line that
    /// stops in the middle of Latin prose (after a letter, digit, comma, hyphen or semicolon) and is followed
    /// by a line that goes on with prose (a letter, a digit or an opening bracket or quote) continues it.
    /// Arabic news pages keep a paragraph per line and are left alone.
    static func continues(_ w: UnsafeBufferPointer<UInt8>, lineStart: Int, newline: Int, end n: Int) -> Bool {
        // The last visible byte of the line (skipping spaces, tabs, CR and NBSP).
        var k = newline
        while k > lineStart {
            let b = w[k - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D { k -= 1; continue }
            if b == 0xA0, k - 2 >= lineStart, w[k - 2] == 0xC2 { k -= 2; continue }
            break
        }
        guard k - lineStart >= minimumWrappedLine, k > lineStart else { return false }
        let last = w[k - 1]
        let isAlnum = (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A || (last >= 0x30 && last <= 0x39)
        guard isAlnum || last == 0x2C || last == 0x2D || last == 0x3B else { return false }
        // The first visible byte of the next line, which must be in the window.
        var m = newline + 1
        while m < n, w[m] == 0x20 || w[m] == 0x09 { m += 1 }
        guard m < n else { return false }
        let first = w[m]
        if (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || (first >= 0x30 && first <= 0x39) || first == 0x28 { return true }
        // An opening curly quote (U+201C) or a dash (U+2014).
        return first == 0xE2 && m + 2 < n && w[m + 1] == 0x80 && (w[m + 2] == 0x9C || w[m + 2] == 0x94)
    }

    /// The shortest line (in bytes) that can be a wrapped line of prose.
    static let minimumWrappedLine = 40

    /// Adds the diagnostics of the reading (invalid UTF-8, lines cut) to the builder.
    func report(into builder: inout DocumentBuilder, document: String) {
        if invalidCount > 0 {
            builder.diagnostics.append(.warning(.evidenceInvalidUTF8, at: DiagnosticLocation(file: document, byteOffset: invalid.first),
                en: "invalid UTF-8: \(invalidCount) byte(s) replaced by U+FFFD (each counts as one scalar)",
                ar: "UTF-8 غير صالح: استُبدل U+FFFD بـ \(invalidCount) بايت (كلٌّ منها يُعدّ محرفًا واحدًا)"))
        }
        if cut > 0 {
            builder.diagnostics.append(.warning(.evidenceLineSplit, at: DiagnosticLocation(file: document),
                en: "\(cut) line(s) longer than \(Self.maxParagraphBytes) bytes were split",
                ar: "قُسِّم \(cut) سطرًا أطول من \(Self.maxParagraphBytes) بايت"))
        }
    }
}

import Foundation

/// Reads Arabic and English reports and turns them into evidence: dated, typed events with actors and places,
/// numbers with units, and named entities, each tied to the sentence it came from.
///
/// Documents are read paragraph by paragraph, so memory does not grow with the size of the input beyond
/// the items extracted.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    let lexicon: Lexicon
    let filter: BloomBits
    /// Entities whose start is a meeting ("انطلقت أعمال اللجنة").
    let meetingBodies: Set<Int32>
    /// Entities with an alias that itself begins with ب (so a leading ب is not the preposition "in").
    let startsWithBa: [Bool]

    public init(gazetteer: Gazetteer = .bundled) {
        self.gazetteer = gazetteer
        self.lexicon = .shared
        var f = BloomBits()
        for (h, _) in lexicon.index { f.insert(h) }
        for (h, _) in gazetteer.firstToken { f.insert(h) }
        self.filter = f
        var bodies: Set<Int32> = []
        for (i, e) in gazetteer.entries.enumerated() where DocumentBuilder.meetingBodies.contains(e.name) { bodies.insert(Int32(i)) }
        self.meetingBodies = bodies
        self.startsWithBa = gazetteer.entries.map { e in e.aliases.contains { $0.unicodeScalars.first?.value == 0x0628 } }
    }

    /// Extracts from a file. Throws ``EvidenceError`` naming the file when it cannot be read.
    public func extract(path: String, published: CivilDate? = nil, name: String? = nil) throws -> DocumentEvidence {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw EvidenceError.unreadable(path, reason: "no such file")
        }
        guard !isDir.boolValue else { throw EvidenceError.unreadable(path, reason: "is a directory") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: [.mappedIfSafe])
        } catch {
            throw EvidenceError.unreadable(path, reason: "permission denied or I/O error")
        }
        return extract(data: data, document: name ?? path, published: published)
    }

    public func extract(data: Data, document: String, published: CivilDate? = nil) -> DocumentEvidence {
        data.withUnsafeBytes { raw in
            extract(bytes: raw.bindMemory(to: UInt8.self), document: document, published: published)
        }
    }

    public func extract(text: String, document: String, published: CivilDate? = nil) -> DocumentEvidence {
        var s = text
        return s.withUTF8 { extract(bytes: $0, document: document, published: published) }
    }

    /// The maximum paragraph, in bytes; longer lines are cut at a space or character boundary.
    static let maxParagraphBytes = 1 << 16

    public func extract(bytes: UnsafeBufferPointer<UInt8>, document: String, published: CivilDate? = nil) -> DocumentEvidence {
        var builder = DocumentBuilder(extractor: self, document: document, published: published)
        var scalars: [UInt32] = []
        scalars.reserveCapacity(4096)
        var invalid: [Int] = []
        var invalidCount = 0
        var cut = 0
        let n = bytes.count
        var i = 0
        var base = 0
        while i < n {
            var j = i
            let limit = min(n, i + Extractor.maxParagraphBytes)
            while j < limit && bytes[j] != 0x0A { j += 1 }
            var next = j + 1
            if j == limit && j < n {
                // An over-long line: cut after the last space, else at a character boundary.
                var k = j
                let floor = i + Extractor.maxParagraphBytes / 2
                while k > floor && bytes[k - 1] != 0x20 { k -= 1 }
                if k <= floor { k = j; while k > i + 1 && bytes[k] & 0xC0 == 0x80 { k -= 1 } }
                j = k
                next = k
                cut += 1
            }
            scalars.removeAll(keepingCapacity: true)
            UTF8Scalars.decode(bytes, from: i, to: j, into: &scalars, invalid: &invalid, invalidCount: &invalidCount)
            scalars.withUnsafeBufferPointer { builder.add(paragraph: $0, base: base) }
            base += scalars.count + (next > j ? 1 : 0)
            i = next
        }
        if invalidCount > 0 {
            builder.diagnostics.append(Diagnostic(severity: .warning, document: document, byteOffset: invalid.first,
                message: "invalid UTF-8: \(invalidCount) byte(s) replaced by U+FFFD (each counts as one scalar)"))
        }
        if cut > 0 {
            builder.diagnostics.append(Diagnostic(severity: .warning, document: document,
                message: "\(cut) line(s) longer than \(Extractor.maxParagraphBytes) bytes were split"))
        }
        return builder.finish()
    }
}

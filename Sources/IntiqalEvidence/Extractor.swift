import Foundation
import IntiqalDomain

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
    /// Items one document may yield before the rest of it is left unread (tests lower it).
    var maxItemsPerDocument = DocumentBuilder.maxItems

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

    /// Extracts from a file, read in bounded chunks (about 1 MiB) split at paragraph boundaries, so
    /// memory does not grow with the file beyond what it yields. Throws ``EvidenceError`` naming the
    /// file when it cannot be read, is larger than `limit`, or is UTF-16 or UTF-32. `observe` sees
    /// every byte of the file once, in order (to hash it while it is read).
    public func extract(path: String, published: CivilDate? = nil, name: String? = nil,
                        limit: Int = InputLimits.fileBytes,
                        observe: ((UnsafeRawBufferPointer) -> Void)? = nil) throws -> DocumentEvidence {
        try extract(path: path, published: published, name: name, limit: limit, chunkBytes: ReportFile.chunkBytes,
                    observe: observe)
    }

    /// As ``extract(path:published:name:limit:observe:)``, reading `chunkBytes` at a time (tests use small chunks).
    func extract(path: String, published: CivilDate? = nil, name: String? = nil, limit: Int = InputLimits.fileBytes,
                 chunkBytes: Int, observe: ((UnsafeRawBufferPointer) -> Void)? = nil) throws -> DocumentEvidence {
        let document = name ?? path
        var builder = DocumentBuilder(extractor: self, document: document, published: published)
        var splitter = ParagraphSplitter()
        try ReportFile.stream(path: path, limit: limit, lookahead: ParagraphSplitter.minimumLookahead,
                              chunkBytes: chunkBytes, observe: observe) { window, from, offset in
            splitter.next(window, from: from, end: window.count, offset: offset, into: &builder)
        }
        splitter.report(into: &builder, document: document)
        return builder.finish()
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
    static let maxParagraphBytes = ParagraphSplitter.maxParagraphBytes

    public func extract(bytes: UnsafeBufferPointer<UInt8>, document: String, published: CivilDate? = nil) -> DocumentEvidence {
        var builder = DocumentBuilder(extractor: self, document: document, published: published)
        if let (name, mark) = ReportFile.foreignEncoding(bytes) {
            builder.diagnostics.append(.error(.evidenceForeignEncoding, at: DiagnosticLocation(file: document, byteOffset: 0),
                en: "\(name) text (byte order mark \(mark)) not read; convert it to UTF-8",
                ar: "لم يُقرأ نص \(name) (علامة ترتيب البايتات \(mark))؛ حوّله إلى UTF-8"))
            return builder.finish()
        }
        var splitter = ParagraphSplitter()
        var i = 0
        while i < bytes.count {
            i = splitter.next(bytes, from: i, end: bytes.count, offset: 0, into: &builder)
        }
        splitter.report(into: &builder, document: document)
        return builder.finish()
    }
}

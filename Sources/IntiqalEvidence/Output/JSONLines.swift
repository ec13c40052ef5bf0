import IntiqalDomain

/// Writes extraction results as JSON lines with the key order of DESIGN §8 (document, published, events, numbers,
/// entities), faster and lighter than `JSONEncoder` on large documents. One object per call, ending in a newline.
public enum JSONLines {
    public static func encode(_ doc: DocumentEvidence) -> [UInt8] {
        var out: [UInt8] = []
        write(doc) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the line of `doc` in pieces of about `chunk` bytes, so a document with a great many items
    /// is never held twice (items and their text); the pieces make exactly the bytes of ``encode(_:)-(DocumentEvidence)``.
    public static func write(_ doc: DocumentEvidence, chunk: Int = 1 << 16, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = Writer()
        w.bytes.reserveCapacity(chunk + 4096)
        w.raw("{\"document\":"); w.string(doc.document)
        w.raw(",\"published\":"); w.optional(doc.published)
        w.raw(",\"publishedSource\":"); w.optional(doc.publishedSource)
        w.raw(",\"events\":[")
        for (i, e) in doc.events.enumerated() {
            if i > 0 { w.raw(",") }
            w.event(type: e.type, date: e.date, dateEnd: e.dateEnd, precision: e.precision, place: e.place,
                    actors: e.actors, planned: e.planned)
            w.raw(",\"speaker\":"); w.optional(e.speaker)
            w.raw(",\"evidence\":"); w.evidence(e.evidence)
            w.raw("}")
            w.spill(chunk, sink)
        }
        w.raw("],\"numbers\":[")
        for (i, n) in doc.numbers.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"value\":"); w.number(n.value)
            w.raw(",\"unit\":"); w.string(n.unit)
            w.raw(",\"qualifier\":"); w.optional(n.qualifier)
            w.raw(",\"evidence\":"); w.evidence(n.evidence)
            w.raw("}")
            w.spill(chunk, sink)
        }
        w.raw("],\"entities\":[")
        for (i, e) in doc.entities.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"name\":"); w.string(e.name)
            w.raw(",\"kind\":"); w.string(e.kind.rawValue)
            w.raw(",\"mentions\":[")
            for (k, m) in e.mentions.enumerated() {
                if k > 0 { w.raw(",") }
                w.raw("{\"start\":"); w.int(m.start); w.raw(",\"end\":"); w.int(m.end); w.raw("}")
                w.spill(chunk, sink)
            }
            w.raw("]}")
        }
        w.raw("],\"diagnostics\":[")
        for (i, d) in doc.diagnostics.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"severity\":"); w.string(d.severity.rawValue)
            w.raw(",\"byteOffset\":"); if let b = d.location.byteOffset { w.int(b) } else { w.raw("null") }
            w.raw(",\"message\":"); w.string(d.message.en)
            w.raw("}")
        }
        w.raw("]}\n")
        w.bytes.withUnsafeBufferPointer(sink)
    }

    public static func encode(_ m: MergedEvent) -> [UInt8] {
        var w = Writer()
        w.event(type: m.type, date: m.date, dateEnd: m.dateEnd, precision: m.precision, place: m.place,
                actors: m.actors, planned: m.planned)
        w.raw(",\"sources\":[")
        for (i, s) in m.sources.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"document\":"); w.string(s.document)
            w.raw(",\"evidence\":"); w.evidence(s.evidence)
            w.raw("}")
        }
        w.raw("]}\n")
        return w.bytes
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func raw(_ s: StaticString) {
            s.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Hands the bytes so far to `sink` once they reach `chunk`.
        mutating func spill(_ chunk: Int, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard bytes.count >= chunk else { return }
            bytes.withUnsafeBufferPointer(sink)
            bytes.removeAll(keepingCapacity: true)
        }

        mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

        mutating func number(_ v: Double) {
            if v.isFinite, v.rounded() == v, abs(v) < 9.0e15 { int(Int(v)) }
            else if v.isFinite { bytes.append(contentsOf: String(v).utf8) }
            else { raw("null") }
        }

        mutating func optional(_ s: String?) {
            if let s { string(s) } else { raw("null") }
        }

        mutating func string(_ s: String) {
            bytes.append(0x22)
            for b in s.utf8 {
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                default: bytes.append(b)
                }
            }
            bytes.append(0x22)
        }

        mutating func evidence(_ e: EvidenceSpan) {
            raw("{\"sentence\":"); string(e.sentence)
            raw(",\"start\":"); int(e.start)
            raw(",\"end\":"); int(e.end)
            raw("}")
        }

        mutating func event(type: EventType, date: String?, dateEnd: String?, precision: DatePrecision?, place: String?,
                            actors: [String], planned: Bool) {
            raw("{\"type\":"); string(type.rawValue)
            raw(",\"date\":"); optional(date)
            raw(",\"dateEnd\":"); optional(dateEnd)
            raw(",\"precision\":"); optional(precision?.rawValue)
            raw(",\"place\":"); optional(place)
            raw(",\"actors\":[")
            for (i, a) in actors.enumerated() {
                if i > 0 { raw(",") }
                string(a)
            }
            raw("],\"planned\":"); if planned { raw("true") } else { raw("false") }
        }
    }
}

import Foundation

/// What can be checked of one entry on its own, before the in-order walk: its body parsed, its
/// format, whether it is canonical, whether its hash matches its body and stored previous hash,
/// and, for a signature, whether the Ed25519 signature verifies. Entries are prepared in
/// parallel; the walk then only links them, in order.
struct PreparedEntry: Sendable {
    enum Body: Sendable {
        case invalidJSON
        case unknownFormat(String)
        case notCanonical(LedgerFormat)
        case valid(CanonicalValue, LedgerFormat)
    }

    var body: Body
    /// SHA-256(stored prev_hash ‖ body) equals the stored hash.
    var hashMatches: Bool
    /// False only for a signature entry whose signature does not verify.
    var signatureValid = true

    init(_ entry: LedgerEntry) {
        let bytes = Array(entry.body.utf8)
        hashMatches = LedgerEntry.chainHash(prevHash: entry.prevHash, body: Data(bytes)) == entry.hash
        guard let value = try? CanonicalValue(parsing: Data(bytes)) else {
            body = .invalidJSON
            return
        }
        let format: LedgerFormat
        switch value["format"] {
        case nil: format = .legacy
        case .integer(let v)? where v == Int64(LedgerFormat.jcs.rawValue): format = .jcs
        default:
            body = .unknownFormat(value["format"]!.jcsText)
            return
        }
        guard format.encode(value) == bytes else {
            body = .notCanonical(format)
            return
        }
        body = .valid(value, format)
        if entry.kind == .signature, let pub = value["publicKey"]?.stringValue, let signature = value["signature"]?.stringValue {
            switch format {
            case .legacy:
                signatureValid = PartyKey.verify(signature: signature, entryHash: value["entryHash"]?.stringValue ?? "", publicKey: pub)
            case .jcs:
                var unsigned = value.objectValue ?? [:]
                unsigned["signature"] = nil
                signatureValid = PartyKey.verify(signature: signature, message: CanonicalValue.object(unsigned).jcsBytes, publicKey: pub)
            }
        }
    }

    /// Prepares every entry, in parallel chunks.
    static func all(_ entries: [LedgerEntry]) -> [PreparedEntry] {
        guard !entries.isEmpty else { return [] }
        let chunks = min(entries.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 8)
        var out = [PreparedEntry?](repeating: nil, count: entries.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let range = (entries.count * c / chunks)..<(entries.count * (c + 1) / chunks)
                for i in range { slots.buffer[i] = PreparedEntry(entries[i]) }
            }
        }
        return out.map { $0! }
    }
}

/// Each concurrent chunk writes only its own slots.
private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<PreparedEntry?>
}

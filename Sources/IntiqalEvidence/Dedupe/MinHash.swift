/// MinHash signatures over folded word shingles, for near-duplicate detection across reports.
public struct MinHash: Sendable, Hashable {
    public static let functions = 64
    public static let bands = 16
    static let rows = functions / bands

    public private(set) var signature: [UInt64]
    /// False when the text had no words to hash.
    public let isEmpty: Bool

    /// Signature of `text`: word 3-grams (or single words for very short texts), folded.
    public init(_ text: String, shingle: Int = 3) {
        var tokenizer = Tokenizer()
        let scalars = text.unicodeScalars.map(\.value)
        scalars.withUnsafeBufferPointer { tokenizer.tokenize($0) }
        var words: [UInt64] = []
        for t in tokenizer.tokens where t.kind != .punct {
            // Drop the Arabic conjunction "و" and article so "والتحالف" and "التحالف" shingle alike.
            words.append(Gazetteer.canonicalHash(t, tokenizer.text))
        }
        var sig = [UInt64](repeating: .max, count: MinHash.functions)
        let k = max(1, min(shingle, words.count))
        var any = false
        if words.count >= k {
            for i in 0...(words.count - k) {
                var h: UInt64 = 0x9E3779B97F4A7C15
                for j in 0..<k { h = (h ^ words[i + j]) &* 0x100000001b3; h ^= h >> 29 }
                any = true
                for f in 0..<MinHash.functions {
                    let v = MinHash.mix(h &+ UInt64(f) &* 0x9E3779B97F4A7C15)
                    if v < sig[f] { sig[f] = v }
                }
            }
        }
        signature = sig
        isEmpty = !any
    }

    @inline(__always) static func mix(_ x0: UInt64) -> UInt64 {
        var x = x0
        x = (x ^ (x >> 30)) &* 0xbf58476d1ce4e5b9
        x = (x ^ (x >> 27)) &* 0x94d049bb133111eb
        return x ^ (x >> 31)
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    public func similarity(_ other: MinHash) -> Double {
        guard !isEmpty, !other.isEmpty else { return 0 }
        var same = 0
        for i in 0..<MinHash.functions where signature[i] == other.signature[i] { same += 1 }
        return Double(same) / Double(MinHash.functions)
    }

    /// LSH band keys: two texts sharing any band are candidate near-duplicates.
    public var bandKeys: [UInt64] {
        (0..<MinHash.bands).map { b in
            var h: UInt64 = UInt64(b) &* 0x9E3779B97F4A7C15
            for r in 0..<MinHash.rows { h = MinHash.mix(h ^ signature[b * MinHash.rows + r]) }
            return h
        }
    }
}

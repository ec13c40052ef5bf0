/// A token of one paragraph. `os`/`oe` are offsets of original scalars within the paragraph;
/// `ts`/`te` index the folded text buffer of the paragraph.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case arabic, latin, number, punct }

    var kind: Kind
    var os: Int32
    var oe: Int32
    var ts: Int32
    var te: Int32
    /// FNV-1a hash of the folded text.
    var hash: UInt64
    /// For numbers: the value; for punctuation: the folded scalar.
    var value: Double = 0
    /// For numbers: digits in the integer part; 0 when it had thousands separators.
    var digits: Int8 = 0
    /// Lexicon entry index (-1 none) and how the token matched it.
    var lex: Int32 = -1
    var lexArticle: Bool = false
    var lexClitic: Bool = false
    /// Hash of the article-stripped form, for words after the first of a multi-word name.
    var canon: UInt64 = 0

    var length: Int { Int(te - ts) }
    var punct: UInt32 { kind == .punct ? UInt32(value) : 0 }
}

enum FNV {
    static let offset: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    @inline(__always) static func step(_ h: UInt64, _ c: UInt32) -> UInt64 {
        (h ^ UInt64(c)) &* prime
    }

    static func hash(_ buf: [UInt32], _ lo: Int, _ hi: Int, seed: UInt64 = offset) -> UInt64 {
        var h = seed
        var i = lo
        while i < hi { h = step(h, buf[i]); i += 1 }
        return h
    }

    static func hash(_ s: String) -> UInt64 {
        var h = offset
        for u in s.unicodeScalars { h = step(h, u.value) }
        return h
    }
}

/// Hashes of the few function words the recognisers test by identity (folded forms).
enum Words {
    static let fi = FNV.hash("في")
    static let min = FNV.hash("من")
    static let an = FNV.hash("عن")
    static let mundhu = FNV.hash("منذ")
    static let hatta = FNV.hash("حتى")
    static let yaqill = FNV.hash("يقل")
    static let since = FNV.hash("since")
    static let inn = FNV.hash("in")
    static let at = FNV.hash("at")
    static let than = FNV.hash("than")
    static let least = FNV.hash("least")
    static let to = FNV.hash("to")
    static let up = FNV.hash("up")
    static let http = FNV.hash("http")
    static let https = FNV.hash("https")
    static let pic = FNV.hash("pic")
    static let anna = FNV.hash("ان")
    static let annahu = FNV.hash("انه")
    static let that = FNV.hash("that")

    /// UTF-8 text of original scalars `lo..<hi`.
    static func string(_ s: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((hi - lo) * 2)
        var i = lo
        while i < hi {
            let c = s[i]
            if c < 0x80 {
                bytes.append(UInt8(c))
            } else if c < 0x800 {
                bytes.append(UInt8(0xC0 | (c >> 6))); bytes.append(UInt8(0x80 | (c & 0x3F)))
            } else if c < 0x10000 {
                bytes.append(UInt8(0xE0 | (c >> 12))); bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (c & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (c >> 18))); bytes.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (c & 0x3F)))
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

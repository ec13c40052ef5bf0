/// Decodes UTF-8 bytes to Unicode scalars without ever trapping. Each invalid byte becomes
/// one U+FFFD, so offsets stay defined; the first few invalid positions are reported.
struct UTF8Scalars {
    /// Decodes `bytes[range]`, appending to `out`. Returns the byte offsets (relative to `bytes`) of invalid sequences, at most `limit`,
    /// and the count of all invalid sequences.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int, into out: inout [UInt32],
                       invalid: inout [Int], invalidCount: inout Int, limit: Int = 5) {
        var i = lo
        out.reserveCapacity(out.count + (hi - lo))
        while i < hi {
            let b0 = bytes[i]
            if b0 < 0x80 {
                out.append(UInt32(b0)); i += 1; continue
            }
            var need = 0
            var cp: UInt32 = 0
            var minCP: UInt32 = 0
            if b0 & 0xE0 == 0xC0 { need = 1; cp = UInt32(b0 & 0x1F); minCP = 0x80 }
            else if b0 & 0xF0 == 0xE0 { need = 2; cp = UInt32(b0 & 0x0F); minCP = 0x800 }
            else if b0 & 0xF8 == 0xF0 { need = 3; cp = UInt32(b0 & 0x07); minCP = 0x10000 }
            var ok = need > 0 && i + need < hi
            if ok {
                var k = 1
                while k <= need {
                    let b = bytes[i + k]
                    if b & 0xC0 != 0x80 { ok = false; break }
                    cp = (cp << 6) | UInt32(b & 0x3F)
                    k += 1
                }
            }
            if ok && (cp < minCP || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ok = false }
            if ok {
                out.append(cp); i += need + 1
            } else {
                if invalid.count < limit { invalid.append(i) }
                invalidCount += 1
                out.append(0xFFFD); i += 1
            }
        }
    }
}

/// Splits one paragraph of original scalars into word, number and punctuation tokens over folded text.
struct Tokenizer {
    var text: [UInt32] = []
    var tokens: [Token] = []

    mutating func reset() {
        text.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
    }

    mutating func tokenize(_ s: UnsafeBufferPointer<UInt32>) {
        reset()
        Folding.low.withUnsafeBufferPointer { table in tokenize(s, table) }
    }

    private mutating func tokenize(_ s: UnsafeBufferPointer<UInt32>, _ table: UnsafeBufferPointer<UInt32>) {
        @inline(__always) func fold(_ c: UInt32) -> UInt32 { c < 0x0700 ? table[Int(c)] : Folding.fold(c) }
        let n = s.count
        var i = 0
        while i < n {
            let c = fold(s[i])
            if c == 0 || Folding.isSpace(c) || c == 0x0A { i += 1; continue }
            let start = i
            let ts = Int32(text.count)
            if Folding.isArabicLetter(c) || Folding.isLatinLetter(c) {
                let arabic = Folding.isArabicLetter(c)
                var h = FNV.offset
                var end = i
                while i < n {
                    let d = fold(s[i])
                    if d == 0 { i += 1; continue }
                    let same = arabic ? Folding.isArabicLetter(d) : Folding.isLatinLetter(d)
                    if !same { break }
                    text.append(d)
                    h = FNV.step(h, d)
                    i += 1
                    end = i
                }
                tokens.append(Token(kind: arabic ? .arabic : .latin, os: Int32(start), oe: Int32(end),
                                    ts: ts, te: Int32(text.count), hash: h))
                i = end
            } else if Folding.isDigit(c) {
                var h = FNV.offset
                var intPart: Double = 0
                var frac: Double = 0
                var scale: Double = 1
                var inFrac = false
                var digits = 0
                var grouped = false
                var end = i
                while i < n {
                    let d = fold(s[i])
                    if d == 0 { i += 1; continue }
                    if Folding.isDigit(d) {
                        let v = Double(d - 0x30)
                        if inFrac { scale /= 10; frac += v * scale } else { intPart = intPart * 10 + v; digits += 1 }
                        text.append(d); h = FNV.step(h, d)
                        i += 1; end = i
                        continue
                    }
                    if (d == 0x2C || d == 0x2E) && !inFrac && i + 1 < n && Folding.isDigit(fold(s[i + 1])) {
                        // 2,500 (group of three) or 2.5 (decimal)
                        var k = i + 1
                        var run = 0
                        while k < n, Folding.isDigit(fold(s[k])) { run += 1; k += 1 }
                        if k + 1 < n, Folding.isDigit(fold(s[k + 1])) {
                            let sep = fold(s[k])
                            if sep == 0x2E || sep == 0x2F || sep == 0x2D { break } // 27.1.2024
                        }
                        if d == 0x2C && run == 3 { grouped = true; i += 1; continue }
                        // A decimal comma, as Arabic prose writes it: "2,5 مليون".
                        if d == 0x2C && run <= 2 && digits <= 3 && !grouped && k + 1 < n && Folding.isSpace(fold(s[k]))
                            && Folding.isArabicLetter(fold(s[k + 1])) { inFrac = true; i += 1; continue }
                        if d == 0x2E && run != 3 || d == 0x2E && !grouped && digits > 3 { inFrac = true; i += 1; continue }
                        if d == 0x2E && run == 3 && digits <= 3 { grouped = true; i += 1; continue }
                    }
                    break
                }
                var t = Token(kind: .number, os: Int32(start), oe: Int32(end), ts: ts, te: Int32(text.count), hash: h)
                t.value = intPart + frac
                t.digits = grouped ? 0 : Int8(clamping: digits)
                tokens.append(t)
                i = end
            } else {
                text.append(c)
                var t = Token(kind: .punct, os: Int32(i), oe: Int32(i + 1), ts: ts, te: ts + 1, hash: FNV.step(FNV.offset, c))
                t.value = Double(c)
                tokens.append(t)
                i += 1
            }
        }
    }
}

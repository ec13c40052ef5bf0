/// One paragraph, tokenized and annotated with lexicon entries and gazetteer matches.
struct Paragraph {
    var tokenizer = Tokenizer()
    /// Gazetteer matches: token range and entity index.
    var entities: [(start: Int, end: Int, entity: Int32)] = []
    private var cands: [(lo: Int, hash: UInt64, article: Bool, clitic: Bool)] = []
    private var gazetteerAt: [(pos: Int, hashes: [UInt64])] = []

    var tokens: [Token] { tokenizer.tokens }
    var text: [UInt32] { tokenizer.text }
    var count: Int { tokenizer.tokens.count }

    mutating func analyze(_ scalars: UnsafeBufferPointer<UInt32>, lexicon: Lexicon, gazetteer: Gazetteer, filter: BloomBits) {
        tokenizer.tokenize(scalars)
        entities.removeAll(keepingCapacity: true)
        gazetteerAt.removeAll(keepingCapacity: true)
        let n = tokenizer.tokens.count
        var i = 0
        while i < n {
            let t = tokenizer.tokens[i]
            candidates(t)
            tokenizer.tokens[i].canon = Gazetteer.canonicalHash(t, tokenizer.text)
            var lexFound = false
            var gazFound = false
            for c in cands where filter.mayContain(c.hash) {
                if !lexFound, let e = lexicon.lookup(c.hash) {
                    tokenizer.tokens[i].lex = e
                    tokenizer.tokens[i].lexArticle = c.article
                    tokenizer.tokens[i].lexClitic = c.clitic
                    lexFound = true
                }
                if t.kind != .number && t.kind != .punct, gazetteer.aliases(startingWith: c.hash) != nil {
                    if !gazFound { gazetteerAt.append((i, [])); gazFound = true }
                    gazetteerAt[gazetteerAt.count - 1].hashes.append(c.hash)
                }
            }
            i += 1
        }
        // Gazetteer: longest alias at each candidate position; later tokens compared by canonical hash.
        var skipUntil = 0
        for (pos, hashes) in gazetteerAt where pos >= skipUntil {
            var best: (len: Int, entity: Int32)? = nil
            for h in hashes {
                guard let list = gazetteer.aliases(startingWith: h) else { continue }
                for alias in list {
                    let len = alias.tokens.count
                    if let b = best, b.len >= len { break }
                    if pos + len > n { continue }
                    var ok = true
                    var k = 1
                    while k < len {
                        if tokenizer.tokens[pos + k].canon != alias.tokens[k] { ok = false; break }
                        k += 1
                    }
                    if ok { best = (len, alias.entity); break }
                }
            }
            if let b = best {
                entities.append((pos, pos + b.len, b.entity))
                skipUntil = pos + b.len
            }
        }
    }

    /// Canonical forms of a token: itself, then with conjunction, preposition and article clitics removed.
    private mutating func candidates(_ t: Token) {
        cands.removeAll(keepingCapacity: true)
        let text = tokenizer.text
        let lo = Int(t.ts), hi = Int(t.te)
        guard t.kind == .arabic, hi - lo >= 2 else {
            cands.append((lo, t.hash, false, false))
            return
        }
        func addStem(_ s: Int, clitic: Bool, forceArticle: Bool) {
            if forceArticle {
                cands.append((s, FNV.hash(text, s, hi), true, clitic))
            } else if hi - s >= 4, text[s] == 0x0627, text[s + 1] == 0x0644 {
                cands.append((s + 2, FNV.hash(text, s + 2, hi), true, clitic))
            } else {
                cands.append((s, s == lo ? t.hash : FNV.hash(text, s, hi), false, clitic))
            }
        }
        let conj = hi - lo >= 3 && (text[lo] == 0x0648 || text[lo] == 0x0641)
        for pass in 0..<(conj ? 2 : 1) {
            let b = lo + pass
            let cl = pass == 1
            addStem(b, clitic: cl, forceArticle: false)
            guard hi - b >= 3 else { continue }
            let c = text[b]
            if c == 0x0644, hi - b >= 4, text[b + 1] == 0x0644 {
                addStem(b + 2, clitic: true, forceArticle: true)
            }
            if c == 0x0628 || c == 0x0644 || c == 0x0643 {
                addStem(b + 1, clitic: true, forceArticle: false)
            }
        }
    }

    func lex(_ i: Int, _ lexicon: Lexicon) -> LexEntry? {
        guard i >= 0, i < count else { return nil }
        let l = tokenizer.tokens[i].lex
        return l >= 0 ? lexicon.entry(l) : nil
    }

    func isPunct(_ i: Int, _ c: UInt32) -> Bool {
        guard i >= 0, i < count else { return false }
        return tokenizer.tokens[i].kind == .punct && tokenizer.tokens[i].punct == c
    }

    func isWord(_ i: Int, _ hash: UInt64) -> Bool {
        i >= 0 && i < count && tokenizer.tokens[i].hash == hash
    }

    /// The folded text of token `i` as a String (for small look-ups in tests and heuristics).
    func word(_ i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        let t = tokenizer.tokens[i]
        var s = String.UnicodeScalarView()
        for k in Int(t.ts)..<Int(t.te) { if let u = Unicode.Scalar(tokenizer.text[k]) { s.append(u) } }
        return String(s)
    }
}

/// A 65,536-bit prefilter over the hashes the lexicon and gazetteer know, so most words cost one bit test.
struct BloomBits: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    mutating func insert(_ h: UInt64) {
        let k = Int(h >> 48)
        bits[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always) func mayContain(_ h: UInt64) -> Bool {
        let k = Int(h >> 48)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}

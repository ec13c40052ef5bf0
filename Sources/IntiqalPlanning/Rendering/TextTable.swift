/// A plain-text table whose columns line up for Arabic as well as Latin text: width counts
/// what a terminal draws (combining marks and format characters take no cell), and right-to-left
/// cells are wrapped in Unicode directional isolates so that they do not reorder their neighbours.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns aligned to the end (numbers).
    public var numeric: Set<Int> = []

    public init(_ header: [String], numeric: Set<Int> = []) {
        self.header = header
        self.numeric = numeric
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.width(cell)) } }
        var out = ""
        for (n, row) in all.enumerated() {
            var line = ""
            for i in widths.indices {
                let cell = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: widths[i] - Self.width(cell))
                let shown = Self.isolate(cell)
                line += numeric.contains(i) ? pad + shown : shown + pad
                if i < widths.count - 1 { line += "  " }
            }
            out += Self.trimTrailing(line) + "\n"
            if n == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Terminal cells a string occupies.
    static func width(_ s: String) -> Int {
        var n = 0
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: n += scalar.properties.isEmojiPresentation ? 2 : 1
            }
        }
        return n
    }

    static func isRightToLeft(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFF).contains($0.value) }
    }

    /// Wraps text containing right-to-left script in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE.
    public static func isolate(_ s: String) -> String {
        isRightToLeft(s) ? "\u{2068}\(s)\u{2069}" : s
    }
}

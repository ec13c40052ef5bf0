import Foundation

/// A one-line progress bar on stderr, shown only when stderr is a terminal and the work is long.
final class Progress: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    private var shown = false

    init(total: Int, showFrom minimum: Int = 8) {
        self.total = total
        self.enabled = total >= minimum && isatty(2) != 0
    }

    func step(_ done: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

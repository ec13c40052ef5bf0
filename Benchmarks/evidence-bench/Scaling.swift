import Foundation

/// Many small reports through the intiqal executable, three ways: a directory, a list of paths on
/// standard input, and the paths as arguments. Linear growth means CPU time per file stays flat.
enum Scaling {
    static func run(executable: String, counts: [Int], scratch: URL) throws {
        print("evidence-bench scaling: \(executable), small generated reports (about 2 KB each); CPU = user + system of the child")
        print("input".padding(toLength: 20, withPad: " ", startingAt: 0) + "   files    wall s     CPU s  CPU µs/file  ×first")
        var generator = Generated(state: 1)
        var first: [String: Double] = [:]
        for n in counts {
            let dir = scratch.appendingPathComponent("files-\(n)")
            try generator.files(n, into: dir)
            let paths = (0..<n).map { dir.appendingPathComponent(String(format: "r%05d.txt", $0)).path }
            let list = scratch.appendingPathComponent("list-\(n)")
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: list)
            let runs: [(String, Child)] = [
                ("directory", Child.run(executable, ["extract", dir.path])),
                ("--files-from -", Child.run(executable, ["extract", "--files-from", "-"], stdin: list.path)),
                ("paths as arguments", Child.run(executable, ["extract"] + paths)),
            ]
            for (label, c) in runs {
                let name = label.padding(toLength: 20, withPad: " ", startingAt: 0)
                guard c.status == 0 else { print(name + String(format: " %7d  exit status %d", n, c.status)); continue }
                let perFile = c.cpuSeconds / Double(n) * 1e6
                if first[label] == nil { first[label] = perFile }
                print(name + String(format: " %7d %9.2f %9.2f %12.0f %7.2f", n, c.wallSeconds, c.cpuSeconds,
                                    perFile, perFile / (first[label] ?? perFile)))
            }
            try FileManager.default.removeItem(at: dir)
        }
    }
}

import Foundation

/// Many small reports through the intiqal executable, three ways: a directory, a list of paths on
/// standard input, and the paths as arguments. Linear growth means CPU time per file stays flat.
enum Scaling {
    static func run(executable: String, counts: [Int], scratch: URL) throws {
        print("evidence-bench scaling: \(executable), small generated reports (about 2 KB each); CPU = user + system of the child")
        print(String(format: "%-22@ %8@ %9@ %9@ %13@ %8@", "input" as NSString, "files" as NSString, "wall s" as NSString,
                     "CPU s" as NSString, "CPU µs/file" as NSString, "×first" as NSString))
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
                guard c.status == 0 else { throw BenchError("\(label) with \(n) files exited \(c.status)") }
                let perFile = c.cpuSeconds / Double(n) * 1e6
                if first[label] == nil { first[label] = perFile }
                print(String(format: "%-22@ %8d %9.2f %9.2f %13.0f %8.2f", label as NSString, n, c.wallSeconds, c.cpuSeconds,
                             perFile, perFile / (first[label] ?? perFile)))
            }
            try FileManager.default.removeItem(at: dir)
        }
    }
}

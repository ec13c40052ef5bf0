import Foundation
import IntiqalEvidence

// Usage (build first: swift build -c release):
//   swift run -c release evidence-bench [SEEDS_DIR] [MB]     extraction throughput on one core, seed articles repeated
//   swift run -c release evidence-bench scaling [N…]         N small generated reports (default 1000 2000 5000 10000)
//                                                           through the intiqal executable: a directory, a list on
//                                                           stdin (--files-from -), and the paths as arguments
//   swift run -c release evidence-bench memory [MB…]         one generated report of MB megabytes (default 50 100 200)
//                                                           through intiqal extract: peak RSS, CPU time, MB/s
//   swift run evidence-bench accuracy GOLD DIR [-v]             scores per language on a gold file (facts and offsets,
//                                                           e.g. Tests/IntiqalEvidenceTests/Fixtures/dev-gold.json with
//                                                           ../shared/corpus-dev) and every wrong day-date with its gold
//                                                           counterpart; -v adds sentences, missed and extra events
// INTIQAL=path/to/intiqal runs another build of the executable (e.g. an older one, to compare).
/// CPU time of this thread, in seconds: the one-core cost, independent of other load on a shared machine.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

let args = CommandLine.arguments
if args.count > 3, args[1] == "accuracy" {
    do {
        try Accuracy.run(goldPath: args[2], directory: args[3], verbose: args.dropFirst(4).contains("-v"))
    } catch {
        FileHandle.standardError.write(Data("evidence-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if args.count > 1, ["scaling", "memory"].contains(args[1]) {
    let mode = args[1]
    let numbers = args.dropFirst(2).compactMap { Int($0) }
    let executable = ProcessInfo.processInfo.environment["INTIQAL"]
        ?? URL(fileURLWithPath: args[0]).deletingLastPathComponent().appendingPathComponent("intiqal").path
    guard FileManager.default.isExecutableFile(atPath: executable) else {
        FileHandle.standardError.write(Data("evidence-bench: no intiqal executable at \(executable); run swift build -c release first\n".utf8))
        exit(1)
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-bench-\(getpid())")
    do {
        if mode == "scaling" {
            try Scaling.run(executable: executable, counts: numbers.isEmpty ? [1000, 2000, 5000, 10000] : numbers, scratch: scratch)
        } else {
            try Memory.run(executable: executable, megabytes: numbers.isEmpty ? [50, 100, 200] : numbers, scratch: scratch)
        }
    } catch {
        try? FileManager.default.removeItem(at: scratch)
        FileHandle.standardError.write(Data("evidence-bench: \(error)\n".utf8))
        exit(1)
    }
    try? FileManager.default.removeItem(at: scratch)
    exit(0)
}
let dir = args.count > 1 ? args[1] : "../shared/seeds"
let targetMB = args.count > 2 ? (Double(args[2]) ?? 20) : 20
let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("evidence-bench: no seed articles in \(dir)\n".utf8))
    exit(1)
}
let seeds = files.compactMap { FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent($0)) }
let seedBytes = seeds.reduce(0) { $0 + $1.count }
let extractor = Extractor()

// Warm up (loads the gazetteer and lexicon).
_ = extractor.extract(data: seeds[0], document: "warmup")

func run(_ label: String, target: Int, asOneDocument: Bool) {
    var total = 0, events = 0, numbers = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let c0 = cpuSeconds()
    if asOneDocument {
        // Pages with a tag list end there (the rest is furniture), so the one-file corpus repeats the others.
        let bodies = seeds.filter { s in !s.withUnsafeBytes { raw in String(decoding: raw.bindMemory(to: UInt8.self), as: UTF8.self) }.contains("كلمات دلالية") && !String(decoding: s, as: UTF8.self).contains("عرض مقالات") }
        var big = Data()
        big.reserveCapacity(target + seedBytes)
        while big.count < target { for s in bodies { big.append(s); big.append(0x0A) } }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let c0 = cpuSeconds()
        let r = extractor.extract(data: big, document: "big")
        let secs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        report(label, bytes: big.count, secs: secs, cpu: cpuSeconds() - c0, events: r.events.count, numbers: r.numbers.count)
        return
    }
    var i = 0
    while total < target {
        let s = seeds[i % seeds.count]
        let r = extractor.extract(data: s, document: "doc\(i)")
        events += r.events.count
        numbers += r.numbers.count
        total += s.count
        i += 1
    }
    let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    report(label, bytes: total, secs: secs, cpu: cpuSeconds() - c0, events: events, numbers: numbers)
}

func report(_ label: String, bytes: Int, secs: Double, cpu: Double, events: Int, numbers: Int) {
    let mb = Double(bytes) / 1_000_000
    let line = String(format: "%@: %.1f MB, %.1f MB/s of CPU time on one core (%.1f MB/s wall clock), %d events, %d numbers, peak RSS %d MiB",
                      label, mb, mb / cpu, mb / secs, events, numbers, peakRSSKiB() / 1024)
    print(line)
}

let target = Int(targetMB * 1_000_000)
print("evidence-bench: \(seeds.count) seed articles (\(seedBytes) bytes), target \(Int(targetMB)) MB, one core")
run("streamed documents", target: target, asOneDocument: false)
run("streamed, 5x the input", target: 5 * target, asOneDocument: false)
run("one \(Int(targetMB)) MB document", target: target, asOneDocument: true)

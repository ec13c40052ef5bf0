#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import IntiqalDomain
import IntiqalEvidence

/// The reports `extract` and `ingest` read: files named on the command line, directories walked
/// (recursively, sorted by path in byte order, hidden entries and non-text files skipped), and lists
/// of paths read from a file or standard input (`--files-from LIST`, `-` for stdin; one path a line).
/// Every named file is checked before anything is read or written; the cost is linear in the number
/// of paths.
struct ReportInputs {
    /// Files to read, in order.
    var files: [String] = []
    /// Files found in directories and not read, with the reason.
    var skipped: [(path: String, reason: String)] = []

    /// Resolves `arguments` (files or directories) and the paths listed in `filesFrom`, in that order.
    static func resolve(_ arguments: [String], filesFrom: String?) throws(ReportInputError) -> ReportInputs {
        var inputs = ReportInputs()
        for path in arguments { try inputs.add(path) }
        if let filesFrom {
            for path in try list(filesFrom) { try inputs.add(path) }
        }
        if inputs.files.isEmpty {
            throw .nothingToRead(skipped: inputs.skipped.count)
        }
        return inputs
    }

    /// A named path: a directory is walked; a file must be readable as a report.
    private mutating func add(_ path: String) throws(ReportInputError) {
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            walk(path)
            return
        }
        if path == "-" && !FileManager.default.fileExists(atPath: path) {
            throw .report(.unreadable(path, reason: "no such file (to read a list of paths from standard input, use --files-from -)"))
        }
        if let problem = ReportFile.problem(at: path) { throw .report(problem) }
        files.append(path)
    }

    /// Every file under `root`, sorted by path; what is not a text report is skipped with its reason.
    private mutating func walk(_ root: String) {
        var found: [String] = []
        var pending = [root]
        while let dir = pending.popLast() {
            guard let handle = opendir(dir) else {
                skipped.append((dir, "directory not readable (\(String(cString: strerror(errno))))"))
                continue
            }
            defer { closedir(handle) }
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                let path = prefix + name
                var st = stat()
                guard lstat(path, &st) == 0 else {
                    skipped.append((path, String(cString: strerror(errno))))
                    continue
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    found.append(path)
                case S_IFLNK:
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                        found.append(path)
                    } else {
                        skipped.append((path, "symbolic link to something other than a file (not followed)"))
                    }
                default:
                    skipped.append((path, "not a regular file"))
                }
            }
        }
        found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for path in found {
            if let problem = ReportFile.problem(at: path, requireText: true) {
                skipped.append((path, problem.reason))
            } else {
                files.append(path)
            }
        }
    }

    /// The paths in a list file (or standard input for `-`): one a line, blank lines ignored.
    private static func list(_ source: String) throws(ReportInputError) -> [String] {
        let data: Data
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            if let problem = ReportFile.problem(at: source) { throw .list(source, reason: problem.reason) }
            guard let d = FileManager.default.contents(atPath: source) else { throw .list(source, reason: "cannot read the file") }
            data = d
        }
        if data.count > InputLimits.fileBytes {
            throw .list(source, reason: "more than \(InputLimits.fileBytes) bytes of paths")
        }
        var paths: [String] = []
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var bytes = line[...]
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.isEmpty { continue }
            paths.append(String(decoding: bytes, as: UTF8.self))
        }
        return paths
    }
}

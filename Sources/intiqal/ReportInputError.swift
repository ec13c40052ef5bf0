import IntiqalEvidence

/// Why the reports named to `extract` or `ingest` cannot be read: a named file that is not a
/// readable report, a list of paths that cannot be read, or nothing to read at all.
struct ReportInputError: Error, CustomStringConvertible {
    private enum Code {
        case report(EvidenceError)
        case list(reason: String)
        case nothingToRead(skipped: Int)
    }

    private let code: Code
    /// The file the error is about (the report or the list), or nil when it is about all of them.
    let file: String?

    private init(_ code: Code, file: String?) {
        self.code = code
        self.file = file
    }

    /// A report named on the command line or in a list that cannot be read.
    static func report(_ error: EvidenceError) -> ReportInputError {
        ReportInputError(.report(error), file: error.file)
    }

    /// The list of paths (`--files-from LIST`) cannot be read.
    static func list(_ file: String, reason: String) -> ReportInputError {
        ReportInputError(.list(reason: reason), file: file)
    }

    /// No report left to read (empty directories, or every file in them skipped).
    static func nothingToRead(skipped: Int) -> ReportInputError {
        ReportInputError(.nothingToRead(skipped: skipped), file: nil)
    }

    var description: String {
        switch code {
        case .report(let error):
            return "\(error.file): \(error.reason)"
        case .list(let reason):
            return "--files-from \(file ?? "-"): \(reason)"
        case .nothingToRead(let skipped):
            return skipped == 0
                ? "no reports to read (the directories given hold no files)"
                : "no reports to read (\(skipped) file(s) skipped, none of them a text report)"
        }
    }
}

/// Report paths given as arguments to `extract` and `ingest`, taken out of the command line before
/// ArgumentParser sees it when there are many. ArgumentParser (1.8) copies an array argument's values
/// for every value it adds, so N paths cost N² (about 2.4 s of CPU for 10,000 paths, against 0.9 s to read
/// the 10,000 reports); taken out here, they cost one pass. Options and their values stay where they
/// are and are parsed as usual.
enum PathArguments {
    /// The paths taken out, in order (empty when there were few).
    nonisolated(unsafe) private(set) static var lifted: [String] = []
    /// Fewer positional paths than this are left to ArgumentParser (its messages unchanged).
    static let threshold = 64
    /// The options of each command that take a value (the next argument, unless written `--opt=value`).
    static let optionsWithValues: [String: Set<String>] = [
        "extract": ["--files-from", "--published", "--format"],
        "ingest": ["--files-from", "--published", "--workspace", "--by"],
    ]

    /// `arguments` (without the program name) with the paths of `extract` or `ingest` taken out when
    /// there are more than ``threshold``; any other command line unchanged.
    static func lift(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, let valued = optionsWithValues[command] else { return arguments }
        var kept = [command]
        var paths: [String] = []
        var i = 1
        var afterTerminator = false
        while i < arguments.count {
            let a = arguments[i]
            if afterTerminator || a == "-" || !a.hasPrefix("-") {
                paths.append(a)
            } else if a == "--" {
                afterTerminator = true
            } else {
                kept.append(a)
                if valued.contains(a), i + 1 < arguments.count {
                    kept.append(arguments[i + 1])
                    i += 1
                }
            }
            i += 1
        }
        guard paths.count >= threshold else { return arguments }
        lifted = paths
        return kept
    }
}

import IntiqalDomain
import Yams

/// Collects diagnostics while a scenario is read.
final class DiagnosticLog {
    let file: String
    let limits: ScenarioLimits
    private(set) var items: [Diagnostic] = []

    init(file: String, limits: ScenarioLimits = .standard) {
        self.file = file
        self.limits = limits
    }

    func error(_ code: DiagnosticCode, _ node: Node?, _ path: String, _ message: String, ar: String) {
        add(.error(code, at: location(node, path), en: message, ar: ar))
    }

    func warning(_ code: DiagnosticCode, _ node: Node?, _ path: String, _ message: String, ar: String) {
        add(.warning(code, at: location(node, path), en: message, ar: ar))
    }

    private func location(_ node: Node?, _ path: String) -> DiagnosticLocation {
        DiagnosticLocation(file: file, line: node?.mark?.line, column: node?.mark?.column, path: path)
    }

    /// A node read twice (a list re-read to locate an entry) reports its problem once.
    private var seen: Set<Diagnostic> = []

    private func add(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// A YAML node with its field path; typed accessors report problems instead of throwing.
struct NodeReader {
    let node: Node
    let path: String
    let log: DiagnosticLog

    func child(_ key: String) -> NodeReader? {
        guard case .mapping(let mapping) = node else { return nil }
        for (k, v) in mapping where k.scalar?.string == key {
            return NodeReader(node: v, path: path.isEmpty ? key : "\(path).\(key)", log: log)
        }
        return nil
    }

    /// Reports keys that are not in `known` (likely typos).
    func expectMapping(keys known: Set<String>) -> Bool {
        guard case .mapping(let mapping) = node else {
            log.error(.scenarioExpectedFields, node, path, "expected a mapping of fields", ar: "المتوقع تعيين من الحقول")
            return false
        }
        for (k, _) in mapping {
            let name = k.scalar?.string ?? "?"
            if !known.contains(name) {
                let hint = Self.closest(name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                log.error(.scenarioUnknownField, k, path.isEmpty ? name : "\(path).\(name)", "unknown field '\(name)'\(hint)", ar: "حقل غير معروف '\(name)'\(hint)")
            }
        }
        return true
    }

    var isNull: Bool {
        if case .scalar(let s) = node { return s.tag == .implicit && ["", "~", "null", "Null", "NULL"].contains(s.string) && s.style == .plain }
        return false
    }

    func items() -> [NodeReader] {
        guard case .sequence(let sequence) = node else {
            if !isNull { log.error(.scenarioExpectedList, node, path, "expected a list", ar: "المتوقع قائمة") }
            return []
        }
        guard withinRecordLimit(sequence.count) else { return [] }
        return sequence.enumerated().map { NodeReader(node: $1, path: "\(path)[\($0)]", log: log) }
    }

    /// Reports a list or mapping with more entries than a section may hold.
    private func withinRecordLimit(_ count: Int) -> Bool {
        let limit = log.limits.recordsPerSection
        guard count > limit else { return true }
        log.error(.scenarioTooManyEntries, node, path, "\(count) entries; at most \(limit) entries in one list or mapping (InputLimits.recordsPerSection)", ar: "\(count) مُدخلًا؛ الحد \(limit) مُدخلًا في القائمة أو التعيين الواحد (InputLimits.recordsPerSection)")
        return false
    }

    func entries() -> [(key: String, keyNode: Node, value: NodeReader)] {
        guard case .mapping(let mapping) = node else {
            if !isNull { log.error(.scenarioExpectedMapping, node, path, "expected a mapping", ar: "المتوقع تعيين") }
            return []
        }
        guard withinRecordLimit(mapping.count) else { return [] }
        return mapping.map { k, v in
            let name = k.scalar?.string ?? "?"
            return (name, k, NodeReader(node: v, path: "\(path).\(name)", log: log))
        }
    }

    var scalarText: String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    func string() -> String? {
        guard let text = scalarText, !isNull else {
            log.error(.scenarioExpectedText, node, path, "expected text", ar: "المتوقع نص")
            return nil
        }
        return text
    }

    func identifier() -> String? {
        guard let text = string() else { return nil }
        if text.isEmpty || text.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "@" }) {
            log.error(.scenarioInvalidID, node, path, "'\(text)' is not a valid id (no spaces, '/' or '@')", ar: "'\(text)' ليس معرّفًا صالحًا (بلا مسافات ولا '/' ولا '@')")
            return nil
        }
        return text
    }

    func int() -> Int? {
        guard let text = scalarText, let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            log.error(.scenarioExpectedInteger, node, path, "expected a whole number, got '\(scalarText ?? "a \(kind)")'", ar: "المتوقع عدد صحيح، ورد '\(scalarText ?? "\(kind)")'")
            return nil
        }
        return value
    }

    /// A whole number in `range`, the documented range of the field (`InputLimits`); a number
    /// outside it, even one too large for any integer type, is reported with the range.
    func int(in range: ClosedRange<Int>) -> Int? {
        guard let text = scalarText else { return int() }
        let digits = text.replacingOccurrences(of: "_", with: "")
        let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : Substring(digits)
        let value = Int(digits)
        guard value != nil || (!unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }) else { return int() }
        let negative = digits.first == "-"
        let span = "range \(range.lowerBound)–\(range.upperBound)"
        if value.map({ $0 < range.lowerBound }) ?? negative {
            let rule = switch range.lowerBound {
            case 1: "must be positive"
            case 0: "must not be negative"
            default: "must be at least \(range.lowerBound)"
            }
            log.error(.scenarioRangeBelow, node, path, "\(rule) (got \(text)), \(span)", ar: "القيمة \(text) دون الحد الأدنى \(range.lowerBound)، \(span)")
            return nil
        }
        guard let value, value <= range.upperBound else {
            log.error(.scenarioRangeAbove, node, path, "must be at most \(range.upperBound) (got \(text)), \(span)", ar: "يجب ألا تزيد على \(range.upperBound) (ورد \(text))، \(span)")
            return nil
        }
        return value
    }

    func double() -> Double? {
        guard let text = scalarText, let value = Double(text), value.isFinite else {
            log.error(.scenarioExpectedNumber, node, path, "expected a number, got '\(scalarText ?? "a \(kind)")'", ar: "المتوقع رقم، ورد '\(scalarText ?? "\(kind)")'")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        switch scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(.scenarioExpectedBoolean, node, path, "expected true or false, got '\(scalarText ?? "a \(kind)")'", ar: "المتوقع true أو false، ورد '\(scalarText ?? "\(kind)")'")
            return nil
        }
    }

    func strings() -> [String] { items().compactMap { $0.identifier() } }

    var kind: String {
        switch node {
        case .mapping: "mapping"
        case .sequence: "list"
        case .scalar: "value"
        case .alias: "alias"
        }
    }

    /// Reads a required field, reporting its absence at the enclosing node.
    func required<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        guard let field = child(key), !field.isNull else {
            log.error(.scenarioMissingField, node, path.isEmpty ? key : "\(path).\(key)", "missing required field '\(key)'", ar: "الحقل المطلوب '\(key)' مفقود")
            return nil
        }
        return read(field)
    }

    func optional<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        guard let field = child(key), !field.isNull else { return nil }
        return read(field)
    }

    static func closest(_ word: String, in candidates: Set<String>) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

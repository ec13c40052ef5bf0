// libyaml, as Yams builds it (Yams's own C target): the document is read event by event to
// measure it before Yams composes it, since composing is where the work of aliases is done
// (Yams hashes every mapping key, so an alias used as a key is expanded there already).
import CYaml

/// Checks, before a YAML document is composed, the work it would cause: lists and mappings
/// nested at most `nestingDepth` deep, at most `nodes` nodes once aliases are expanded, and at
/// most `aliasNodes` of those added by aliases. Each alias counts the expanded size of the node
/// it names, remembered when that node was read, so the check costs what reading the text
/// costs and stops at the first event over a limit.
enum DocumentBudget {
    /// What is over a limit, and where.
    struct Excess: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private struct Frame {
        var anchor: String?
        var nodes = 1
    }

    static func check(_ text: String, limits: ScenarioLimits) -> Excess? {
        func read(_ buffer: UnsafeBufferPointer<UInt8>) -> Excess? {
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, buffer.count)
            return walk(&parser, limits: limits)
        }
        // A native string's bytes are read in place; a bridged one is copied once.
        if let excess = text.utf8.withContiguousStorageIfAvailable(read) { return excess }
        return Array(text.utf8).withUnsafeBufferPointer(read)
    }

    private static func walk(_ parser: inout yaml_parser_t, limits: ScenarioLimits) -> Excess? {
        let cap = limits.nodes + 1
        var anchors: [String: Int] = [:]
        var stack: [Frame] = []
        var expanded = 0
        var written = 0
        var event = yaml_event_t()
        while true {
            // A syntax error is left to the composer, which reports it with its location.
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            var leaf: Int?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                leaf = 1
                if let name = name(event.data.scalar.anchor) { anchors[name] = 1 }
            case YAML_ALIAS_EVENT:
                leaf = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                stack.append(Frame(anchor: name(anchor)))
                written += 1
                expanded = min(cap, expanded + 1)
                if stack.count > limits.nestingDepth {
                    return Excess(line: line, column: column, message: ScenarioLoader.nestingMessage(limits))
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                if let anchor = frame.anchor { anchors[anchor] = frame.nodes }
                if !stack.isEmpty { stack[stack.count - 1].nodes = min(cap, stack[stack.count - 1].nodes + frame.nodes) }
            default:
                break
            }
            if let leaf {
                written += 1
                expanded = min(cap, expanded + leaf)
                if !stack.isEmpty { stack[stack.count - 1].nodes = min(cap, stack[stack.count - 1].nodes + leaf) }
            }
            if expanded - written > limits.aliasNodes {
                return Excess(line: line, column: column,
                              message: "aliases expand the document by more than \(limits.aliasNodes) values (InputLimits.yamlAliasNodes); \(written) are written up to here")
            }
            if expanded > limits.nodes {
                return Excess(line: line, column: column,
                              message: "more than \(limits.nodes) values (scalars, lists and mappings, aliases expanded); at most \(limits.nodes) (InputLimits.yamlNodes)")
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

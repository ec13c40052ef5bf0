import Foundation

/// Checks a JSON value against the subset of JSON Schema the OpenAPI document uses: `type`,
/// `required`, `properties`, `items`, `enum`, `const`, `pattern`, `$ref`. Returns the problems.
struct SchemaValidator {
    let document: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let target = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] else {
                return ["\(path): unknown $ref \(ref)"]
            }
            return problems(value, target, at: path)
        }
        var out: [String] = []
        if let type = schema["type"] as? String, !Self.has(value, type: type) { return ["\(path): not \(type): \(value)"] }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) { out.append("\(path): \(value) not in enum") }
        if let constant = schema["const"], "\(constant)" != "\(value)" { out.append("\(path): \(value) is not \(constant)") }
        if let pattern = schema["pattern"] as? String, let text = value as? String, text.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path).\(key): required, missing") }
            for (key, sub) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let v = object[key] { out += problems(v, sub, at: "\(path).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { out += problems(v, items, at: "\(path)[\(i)]") }
        }
        return out
    }

    static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            guard let n = value as? NSNumber else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber
        case "boolean": return value is Bool
        default: return true
        }
    }
}

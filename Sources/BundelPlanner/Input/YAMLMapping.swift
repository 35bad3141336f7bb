import Foundation
import Yams

/// A YAML mapping being read field by field: typed accessors that log a located problem and
/// return `nil` instead of throwing, so that one pass over a file reports everything wrong in it.
struct YAMLMapping {
    let file: String
    /// Key path of this mapping inside the document, such as `hubs[0]`; empty at the top.
    let path: String
    let node: Node
    let log: ProblemLog

    /// Parses a YAML file whose top level must be a mapping; logs and returns `nil` otherwise.
    static func load(_ url: URL, displayPath: String, log: ProblemLog) -> YAMLMapping? {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            log.add(displayPath, line: nil, field: nil, "cannot read the file (\(Self.reason(error)))")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text), node.mapping != nil else {
                log.add(displayPath, line: 1, field: nil, "expected a YAML mapping of fields (key: value)")
                return nil
            }
            return YAMLMapping(file: displayPath, path: "", node: node, log: log)
        } catch let error as YamlError {
            let line = Self.line(of: error)
            log.add(
                displayPath, line: line, field: nil,
                "not valid YAML: \(Self.summary(of: error))\(Self.hint(error, text, line: line))")
        } catch {
            log.add(displayPath, line: nil, field: nil, "not valid YAML: \(error)")
        }
        return nil
    }

    var line: Int? { node.mark?.line }

    /// The full key path of a field of this mapping.
    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Logs a problem located at a field of this mapping (or at the mapping itself).
    func problem(_ key: String?, _ message: String) {
        // A value set by a ScenarioEdit has no position in the file: name no line for it.
        let line = key.flatMap { node[$0] }.map { $0.mark?.line } ?? self.line
        log.add(file, line: line, field: key.map(fieldPath) ?? (path.isEmpty ? nil : path), message)
    }

    /// Logs every key that is not in `allowed`, so that typos do not pass silently.
    func rejectUnknownKeys(_ allowed: Set<String>) {
        guard let mapping = node.mapping else { return }
        for (key, _) in mapping {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                log.add(
                    file, line: key.mark?.line, field: fieldPath(name),
                    "unknown field; expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    func has(_ key: String) -> Bool { node[key] != nil && node[key]?.null == nil }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = node[key], value.null == nil else {
            if required { problem(nil, "missing required field '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            problem(key, "expected a single value, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.isEmpty, required {
            problem(key, "must not be empty")
            return nil
        }
        return text
    }

    func double(_ key: String, required: Bool = true, minimum: Double? = nil, greaterThanZero: Bool = false) -> Double?
    {
        guard let text = string(key, required: required) else { return nil }
        guard let value = NumberParsing.double(text) else {
            problem(key, NumberParsing.explain(text))
            return nil
        }
        if let minimum, value < minimum {
            problem(key, "must be at least \(NumberParsing.format(minimum)), got \(text)")
            return nil
        }
        if greaterThanZero, value <= 0 {
            problem(key, "must be greater than 0, got \(text)")
            return nil
        }
        return value
    }

    func int(_ key: String, required: Bool = true, minimum: Int? = nil) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = NumberParsing.int(text) else {
            problem(key, NumberParsing.explainWhole(text))
            return nil
        }
        if let minimum, value < minimum {
            problem(key, "must be at least \(minimum), got \(value)")
            return nil
        }
        return value
    }

    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = NumberParsing.bool(text) else {
            problem(key, "expected true or false, got '\(text)'")
            return nil
        }
        return value
    }

    /// A list of plain values (`[a, b]` or one per line); a single value counts as a list of one.
    func stringList(_ key: String, required: Bool = true) -> [String]? {
        guard let value = node[key], value.null == nil else {
            if required { problem(nil, "missing required field '\(key)'") }
            return nil
        }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            problem(key, "expected a list of values")
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                log.add(file, line: item.mark?.line, field: fieldPath(key), "expected a plain value in the list")
                continue
            }
            items.append(scalar.string)
        }
        return items
    }

    func mapping(_ key: String, required: Bool = true) -> YAMLMapping? {
        guard let value = node[key], value.null == nil else {
            if required { problem(nil, "missing required field '\(key)'") }
            return nil
        }
        guard value.mapping != nil else {
            problem(key, "expected a mapping (key: value lines)")
            return nil
        }
        return YAMLMapping(file: file, path: fieldPath(key), node: value, log: log)
    }

    /// A list of mappings, such as `hubs:` or `vehicle_types:`.
    func mappings(_ key: String, required: Bool = true) -> [YAMLMapping]? {
        guard let value = node[key], value.null == nil else {
            if required { problem(nil, "missing required field '\(key)'") }
            return nil
        }
        guard let sequence = value.sequence else {
            problem(key, "expected a list")
            return nil
        }
        return sequence.enumerated().compactMap { index, item in
            guard item.mapping != nil else {
                log.add(
                    file, line: item.mark?.line, field: "\(fieldPath(key))[\(index)]",
                    "expected a mapping (key: value lines)")
                return nil
            }
            return YAMLMapping(file: file, path: "\(fieldPath(key))[\(index)]", node: item, log: log)
        }
    }

    /// The keys and values of a mapping of plain values, such as `capacity: {kg: 1000, cages: 6}`.
    func entries() -> [(key: String, value: String, line: Int?)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            guard let scalar = value.scalar else {
                log.add(file, line: value.mark?.line, field: fieldPath(name), "expected a single value")
                return nil
            }
            return (name, scalar.string, value.mark?.line)
        }
    }

    /// How to fix the usual causes of a syntax error on `line`: a tab in the indentation (YAML
    /// allows only spaces there), a line indented unlike its neighbours, or a key given twice.
    private static func hint(_ error: YamlError, _ text: String, line: Int?) -> String {
        if case .duplicatedKeysInMapping = error { return "; give each key once: remove or rename the repeated one" }
        guard let line, line >= 1 else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return "" }
        let indent = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
        if indent.contains("\t") { return "; indent with spaces, not tabs (line \(line) starts with a tab)" }
        return
            "; check the indentation of line \(line) and the line above: keys of one mapping start in the same column"
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        case let .duplicatedKeysInMapping(_, context): return context.mark.line
        default: return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicated key(s) \(duplicates.joined(separator: ", "))"
        default: return "\(error)"
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return nsError.localizedDescription
    }
}

import Yams

/// A change to a scenario file's YAML before it is read: the value at a dotted key path, such
/// as `distances.detour_factor` or `fleets.hub`, replaced (or added) by a YAML value. This is
/// how `bundel sweep` varies one field; the scenario is then read and checked as usual, so a
/// bad value is reported like a bad value in the file.
public struct ScenarioEdit: Sendable, Equatable {
    /// Keys from the top of the document, `["distances", "detour_factor"]`.
    public var path: [String]
    /// The new value as YAML text: `1.4`, `[duivendrecht, westpoort]`, `{cost: 1, co2e: 0.1}`.
    public var value: String

    /// An edit of the field at `path`. A path below `overrides.` is one key of the scenario's
    /// `overrides:` block (`overrides.hubs.hub.fixed_cost_per_week` sets the key
    /// `hubs.hub.fixed_cost_per_week`), whose own dots separate the network's keys.
    public init(path: String, value: String) {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if keys.count > 1, keys[0] == "overrides" {
            self.path = ["overrides", keys.dropFirst().joined(separator: ".")]
        } else {
            self.path = keys
        }
        self.value = value
    }

    /// The dotted path, for messages.
    public var pathText: String { path.joined(separator: ".") }

    /// The document with this edit made, or a message saying why it cannot be made.
    func apply(to document: Node) -> Result<Node, EditFailure> {
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            return .failure(
                EditFailure(
                    message:
                        "'\(pathText)' is not a key path; write keys separated by dots, such as distances.detour_factor"
                ))
        }
        let parsed: Node
        do {
            guard let node = try Yams.compose(yaml: value) else {
                return .failure(EditFailure(message: "no value given for \(pathText)"))
            }
            parsed = Self.withoutMarks(node)
        } catch {
            return .failure(EditFailure(message: "the value '\(value)' for \(pathText) is not valid YAML"))
        }
        return Self.set(parsed, at: path[...], in: document, walked: [])
    }

    /// The node without source positions: the value comes from the command line, not from a
    /// line of the file, so messages about it must not name line 1.
    static func withoutMarks(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.mark = nil
            return .scalar(scalar)
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(withoutMarks), sequence.tag, sequence.style, nil))
        case .mapping(let mapping):
            return .mapping(
                Node.Mapping(
                    mapping.map { (withoutMarks($0.key), withoutMarks($0.value)) }, mapping.tag, mapping.style, nil))
        case .alias:
            return node
        }
    }

    /// `node` with `value` at `path`; a missing level is created, a level that holds a single
    /// value is an error naming the keys `walked` to it.
    static func set(
        _ value: Node, at path: ArraySlice<String>, in node: Node, walked: [String]
    ) -> Result<Node, EditFailure> {
        guard var mapping = node.mapping else {
            let place = walked.isEmpty ? "the scenario" : walked.joined(separator: ".")
            return .failure(EditFailure(message: "\(place) is not a mapping, so it has no field '\(path.first!)'"))
        }
        let key = path.first!
        if path.count == 1 {
            mapping[key] = value
            return .success(.mapping(mapping))
        }
        // A missing level is created, so that `zone.enforce` works on a scenario without `zone:`.
        let child = mapping[key] ?? .mapping(Node.Mapping([]))
        switch set(value, at: path.dropFirst(), in: child, walked: walked + [key]) {
        case .success(let updated):
            mapping[key] = updated
            return .success(.mapping(mapping))
        case .failure(let failure):
            return .failure(failure)
        }
    }

    /// Why an edit could not be made.
    struct EditFailure: Error {
        let message: String
    }
}

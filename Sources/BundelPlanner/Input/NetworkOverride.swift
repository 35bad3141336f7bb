import Yams

/// One entry of a scenario's `overrides:` block: a network field addressed by a dotted path
/// with ids, such as `hubs.duivendrecht.fixed_cost_per_week` or `sites.*.service_minutes`, and
/// the value that replaces the network file's. This is how a scenario (and `bundel sweep`)
/// changes figures that live in the network's files.
struct NetworkOverride {
    /// The part of the network a path starts with.
    enum Target: String, CaseIterable {
        case hubs
        case vehicleTypes = "vehicle_types"
        case sites
        case suppliers
        case serviceTime = "service_time"

        /// What one entry is called in messages.
        var entryName: String {
            switch self {
            case .hubs: return "hub"
            case .vehicleTypes: return "vehicle type"
            case .sites: return "site"
            case .suppliers: return "supplier"
            case .serviceTime: return "service_time"
            }
        }

        /// Whether the second key of a path is an id (or `*`).
        var hasIds: Bool { self != .serviceTime }

        /// Whether the entries are rows of a CSV table, whose cells hold single values.
        var isTable: Bool { self == .sites || self == .suppliers }

        /// The fields (columns) an override may set. Ids are left out: an override that renamed
        /// an entry would break every reference to it.
        var fields: [String] {
            let all: [String]
            switch self {
            case .hubs: all = Array(NetworkLoader.hubFields)
            case .vehicleTypes: all = Array(NetworkLoader.vehicleTypeFields)
            case .sites: all = NetworkLoader.siteColumns.required + NetworkLoader.siteColumns.optional
            case .suppliers: all = NetworkLoader.supplierColumns.required + NetworkLoader.supplierColumns.optional
            case .serviceTime: all = Array(NetworkLoader.serviceTimeFields)
            }
            return all.filter { $0 != "id" }.sorted()
        }
    }

    /// The path as written in the scenario, for messages.
    let key: String
    let target: Target
    /// The entry's id, `*` for every entry; `nil` for `service_time`.
    let id: String?
    /// The field and any keys below it: `["handling_cost", "cages"]`.
    let fields: [String]
    /// The new value, without positions: it is not on any line of the network's files.
    let value: Node
    /// The override's line in the scenario file.
    let line: Int?

    /// The field as shown in messages: `overrides.hubs.hub.fixed_cost_per_week`.
    var fieldPath: String { "overrides.\(key)" }

    /// The value as text, for the methodology's list of overrides.
    var valueText: String {
        if let scalar = value.scalar { return scalar.string }
        return ((try? Yams.serialize(node: value)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// The entries of the scenario's `overrides:` mapping, in the order written (a later entry
    /// wins over an earlier one for the same field); a path that names no overridable field is
    /// logged at its line with the valid keys of the level where it goes wrong.
    static func read(_ scenario: YAMLMapping) -> [NetworkOverride] {
        guard let block = scenario.mapping("overrides", required: false) else { return [] }
        var overrides: [NetworkOverride] = []
        for (keyNode, valueNode) in block.node.mapping ?? [:] {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            do {
                let parsed = try parse(key, value: valueNode)
                overrides.append(
                    NetworkOverride(
                        key: key, target: parsed.target, id: parsed.id, fields: parsed.fields,
                        value: ScenarioEdit.withoutMarks(valueNode), line: line))
            } catch {
                block.log.add(block.file, line: line, field: block.fieldPath(key), error.message)
            }
        }
        return overrides
    }

    /// A path taken apart.
    private struct Parts {
        let target: Target
        let id: String?
        let fields: [String]
    }

    /// The parts of a path, or why it names no overridable field.
    private static func parse(_ key: String, value: Node) throws(ScenarioEdit.EditFailure) -> Parts {
        let targets = Target.allCases.map(\.rawValue).joined(separator: ", ")
        let keys = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func failure(_ message: String) -> ScenarioEdit.EditFailure { ScenarioEdit.EditFailure(message: message) }
        guard keys.allSatisfy({ !$0.isEmpty }) else {
            throw failure(
                "'\(key)' is not a key path; write keys separated by dots, such as hubs.HUB_ID.fixed_cost_per_week")
        }
        guard let target = Target(rawValue: keys[0]) else {
            throw failure("the network has no part '\(keys[0])' to override; valid: \(targets)")
        }
        let fieldStart = target.hasIds ? 2 : 1
        guard keys.count > fieldStart else {
            let shape =
                target.hasIds
                ? "\(target.rawValue).ID.FIELD (ID may be * for every \(target.entryName))" : "service_time.FIELD"
            throw failure(
                "'\(key)' names no field; write \(shape); valid fields: \(target.fields.joined(separator: ", "))")
        }
        let id = target.hasIds ? keys[1] : nil
        let field = keys[fieldStart]
        guard target.fields.contains(field) else {
            let owner = id.map { $0 == "*" ? "a \(target.entryName)" : "\(target.entryName) '\($0)'" } ?? "service_time"
            let idNote = field == "id" ? " (ids cannot be overridden: references to them would break)" : ""
            throw failure("\(owner) has no field '\(field)'\(idNote); valid: \(target.fields.joined(separator: ", "))")
        }
        if target.isTable {
            guard keys.count == 3 else {
                throw failure("'\(field)' is a column of the \(target.rawValue) table and has no keys below it")
            }
            guard value.scalar != nil else {
                throw failure("a column of the \(target.rawValue) table holds a single value, not a list or mapping")
            }
        }
        return Parts(target: target, id: id, fields: Array(keys[fieldStart...]))
    }
}

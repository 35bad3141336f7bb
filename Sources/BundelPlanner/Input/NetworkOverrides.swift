import Yams

/// A scenario's `overrides:` made in the network's files as they are read, before any value is
/// checked: a bad value then gets the same check and message as in the file, and the message
/// is moved to the override's line in the scenario, where the value was written.
final class NetworkOverrides {
    let overrides: [NetworkOverride]
    /// The scenario file as shown in messages.
    let scenarioFile: String
    /// Where problems with a path are logged.
    private let log: ProblemLog
    /// Overrides that set at least one entry, by index.
    private var matched = Set<Int>()
    /// The ids of the entries of each part, from the files that were read.
    private var declared: [NetworkOverride.Target: Set<String>] = [:]
    /// Whether network.yaml was read; without it no id can be checked.
    private var networkRead = false
    /// Where each value set lives in the files read, by override index.
    private var placements: [Placement] = []

    /// An overridden value's place: a YAML field (any line) or a CSV cell (its row's line).
    private struct Placement {
        let file: String
        let line: Int?
        let field: String
        let override: Int
    }

    init(_ overrides: [NetworkOverride], scenarioFile: String, log: ProblemLog) {
        self.overrides = overrides
        self.scenarioFile = scenarioFile
        self.log = log
    }

    /// network.yaml with the overrides of hubs, vehicle types and `service_time` made.
    func apply(toNetwork yaml: YAMLMapping) -> YAMLMapping {
        networkRead = true
        var updated = apply(toEntriesOf: .hubs, in: yaml)
        updated = apply(toEntriesOf: .vehicleTypes, in: updated)
        guard var top = updated.node.mapping else { return updated }
        for (index, override) in overrides.enumerated() where override.target == .serviceTime {
            let path = [override.target.rawValue] + override.fields
            guard let node = set(override, at: path[...], in: .mapping(top), walked: [], index: index) else { continue }
            top = node.mapping!
            placements.append(
                Placement(file: yaml.file, line: nil, field: path.joined(separator: "."), override: index))
        }
        return YAMLMapping(file: updated.file, path: updated.path, node: .mapping(top), log: updated.log)
    }

    /// A file's list of hubs or vehicle types (the network's, or a scenario's own vehicle
    /// types) with the overrides of that part made in every entry whose id they name.
    func apply(toEntriesOf target: NetworkOverride.Target, in yaml: YAMLMapping) -> YAMLMapping {
        let chosen = overrides.indices.filter { overrides[$0].target == target }
        guard var top = yaml.node.mapping, var list = top[target.rawValue]?.sequence else { return yaml }
        for position in list.indices {
            guard let id = list[position]["id"]?.string else { continue }
            declared[target, default: []].insert(id)
            for index in chosen where overrides[index].id == "*" || overrides[index].id == id {
                let override = overrides[index]
                // Below a field that only the catalogue gives (`capacity.kg`), start from its value.
                let entry =
                    target == .vehicleTypes && override.fields.count > 1
                    ? Self.withCatalogueField(override.fields[0], of: list[position]) : list[position]
                guard
                    let node = set(
                        override, at: override.fields[...], in: entry, walked: [target.rawValue, id], index: index)
                else { continue }
                list[position] = target == .vehicleTypes ? Self.withoutLoadDependence(node, after: override) : node
                placements.append(
                    Placement(
                        file: yaml.file, line: nil,
                        field:
                            "\(yaml.fieldPath(target.rawValue))[\(position)].\(override.fields.joined(separator: "."))",
                        override: index))
            }
        }
        top[target.rawValue] = .sequence(list)
        return YAMLMapping(file: yaml.file, path: yaml.path, node: .mapping(top), log: yaml.log)
    }

    /// A sites or suppliers table with the overrides of that part made in the rows whose id
    /// they name.
    func apply(toTable table: CSVTable, of target: NetworkOverride.Target) -> CSVTable {
        // Added to, not replaced: a scenario of several networks reads a table per network.
        declared[target, default: []].formUnion(table.rows.compactMap { $0.text("id") })
        var updated = table
        for (index, override) in overrides.enumerated() where override.target == target {
            let column = override.fields[0]
            let value = override.value.scalar?.string ?? ""
            let result = updated.setting(column, to: value) { row in override.id == "*" || row.text("id") == override.id
            }
            updated = result.table
            if !result.lines.isEmpty { matched.insert(index) }
            for line in result.lines {
                placements.append(Placement(file: table.file, line: line, field: column, override: index))
            }
        }
        return updated
    }

    /// Logs each override whose id names no entry of the files read, with the ids there are.
    func reportUnknownIds() {
        guard networkRead else { return }
        for (index, override) in overrides.enumerated() where !matched.contains(index) {
            guard let id = override.id, let ids = declared[override.target] ?? (override.target.isTable ? nil : [])
            else { continue }
            let kind = override.target.entryName
            let message: String
            if ids.isEmpty {
                message = "the network has no \(override.target.rawValue) at all, so none for '\(id)' to match"
            } else {
                let sorted = ids.sorted()
                let shown =
                    sorted.count > 20
                    ? sorted.prefix(20).joined(separator: ", ") + ", ..." : sorted.joined(separator: ", ")
                let hint = DeclaredIds(valid: ids, named: ids).didYouMean(id)
                message =
                    "the network has no \(kind) '\(id)'\(hint); valid ids: \(shown) (or * for every \(kind))"
            }
            log.add(scenarioFile, line: override.line, field: override.fieldPath, message)
        }
    }

    /// A problem with an overridden value, moved to the override that set it (the last one,
    /// when several set the same field); any other problem as it is.
    func relocate(_ problem: InputProblem) -> InputProblem {
        guard
            let placement = placements.last(where: { placement in
                guard placement.file == problem.file, let field = problem.field else { return false }
                guard placement.line == nil || placement.line == problem.line else { return false }
                return field == placement.field || field.hasPrefix(placement.field + ".")
            })
        else { return problem }
        let override = overrides[placement.override]
        return InputProblem(
            file: scenarioFile, line: override.line, field: override.fieldPath, message: problem.message)
    }

    /// `node` with the override's value at `path`, or `nil` (logged at the override) when a
    /// key on the way holds a single value.
    private func set(
        _ override: NetworkOverride, at path: ArraySlice<String>, in node: Node, walked: [String], index: Int
    ) -> Node? {
        switch ScenarioEdit.set(override.value, at: path, in: node, walked: walked) {
        case .success(let updated):
            matched.insert(index)
            return updated
        case .failure(let failure):
            // The id matched: the path, not the id, is what is wrong.
            matched.insert(index)
            log.add(scenarioFile, line: override.line, field: override.fieldPath, failure.message)
            return nil
        }
    }

    /// A vehicle type entry after `override`: one that sets the flat `energy_per_km` means
    /// that figure, so an empty and full figure of the entry's own, which would be used instead
    /// of it, are removed (a later override may set them again).
    private static func withoutLoadDependence(_ entry: Node, after override: NetworkOverride) -> Node {
        guard override.fields == ["energy_per_km"], var mapping = entry.mapping else { return entry }
        for key in ["energy_per_km_empty", "energy_per_km_full"] { mapping[key] = nil }
        return .mapping(mapping)
    }

    /// A vehicle type entry that starts from the catalogue (`base:`) and lacks the field a
    /// nested override sets below (`capacity.kg`), with the catalogue's value copied in first:
    /// the entry's own mapping would otherwise replace the catalogue's whole.
    private static func withCatalogueField(_ field: String, of entry: Node) -> Node {
        guard entry[field] == nil, let base = entry["base"]?.string,
            let value = VehicleCatalogue.entries()[base]?[field], var mapping = entry.mapping
        else { return entry }
        mapping[field] = ScenarioEdit.withoutMarks(value)
        return .mapping(mapping)
    }
}

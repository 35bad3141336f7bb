import Foundation
import Yams

/// The built-in vehicle types (`Resources/vehicle-types/catalogue.yaml`) that a network or
/// scenario can start from with `base: ID`, overriding any field.
enum VehicleCatalogue {
    /// The catalogue's entries by id, as YAML nodes so that they can be merged with a user's.
    /// Read on each use: YAML nodes are not Sendable, and the file is small.
    static func entries() -> [String: Node] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("vehicle-types/catalogue.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = try? Yams.compose(yaml: text),
            let list = root["vehicle_types"]?.sequence
        else { return [:] }
        var entries: [String: Node] = [:]
        for entry in list { if let id = entry["id"]?.string { entries[id] = entry } }
        return entries
    }

    static var ids: [String] { entries().keys.sorted() }

    /// `entry` with the fields of its `base` filled in: the user's fields win.
    static func resolve(_ entry: YAMLMapping) -> YAMLMapping? {
        guard let baseId = entry.string("base", required: false) else { return entry }
        guard let base = entries()[baseId]?.mapping, let own = entry.node.mapping else {
            entry.problem("base", "no built-in vehicle type '\(baseId)'; available: \(ids.joined(separator: ", "))")
            return nil
        }
        let ownKeys = Set(own.keys.compactMap(\.string))
        var pairs = base.filter { !ownKeys.contains($0.key.string ?? "") && $0.key.string != "id" }.map {
            ($0.key, $0.value)
        }
        pairs += own.filter { $0.key.string != "base" }.map { ($0.key, $0.value) }
        return YAMLMapping(
            file: entry.file, path: entry.path, node: .mapping(Node.Mapping(pairs, .implicit, .any, own.mark)),
            log: entry.log)
    }
}

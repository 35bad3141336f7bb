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

    /// The fields that make up a vehicle's consumption, which the catalogue's `source` describes;
    /// a refrigeration unit's figures are part of it.
    static let consumptionFields: Set<String> = Set([
        "energy_per_km", "energy_per_km_empty", "energy_per_km_full", "charging_loss",
    ]).union(NetworkLoader.reeferFields)

    /// The catalogue's fields that `own` does not replace. Every field the entry gives wins,
    /// and so does what it means: a flat `energy_per_km` without an empty and full figure is
    /// the consumption meant, so the catalogue's load-dependent pair, which would otherwise be
    /// used instead of it, is left out (a `base: diesel-van` with `energy_per_km: 0.15` once
    /// burnt the catalogue's 0.09-0.115 l/km).
    static func inherited(from base: Node.Mapping, by ownKeys: Set<String>) -> Set<String> {
        var replaced = ownKeys.union(["id"])
        if ownKeys.contains("energy_per_km"), ownKeys.isDisjoint(with: ["energy_per_km_empty", "energy_per_km_full"]) {
            replaced.formUnion(["energy_per_km_empty", "energy_per_km_full"])
        }
        return Set(base.keys.compactMap(\.string)).subtracting(replaced)
    }

    /// `entry` with the fields of its `base` filled in: the user's fields win (see
    /// ``inherited(from:by:)``). An entry that gives consumption figures of its own but no
    /// `source` gets a source saying so, since the catalogue's describes the catalogue's figures.
    static func resolve(_ entry: YAMLMapping) -> YAMLMapping? {
        guard let baseId = entry.string("base", required: false) else { return entry }
        guard let base = entries()[baseId]?.mapping, let own = entry.node.mapping else {
            entry.problem("base", "no built-in vehicle type '\(baseId)'; available: \(ids.joined(separator: ", "))")
            return nil
        }
        let ownKeys = Set(own.keys.compactMap(\.string))
        let kept = inherited(from: base, by: ownKeys)
        var pairs = base.filter { kept.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
        let ownConsumption = consumptionFields.intersection(ownKeys).sorted()
        if !ownConsumption.isEmpty, !ownKeys.contains("source") {
            pairs.removeAll { $0.0.string == "source" }
            let text = "own \(ownConsumption.joined(separator: ", ")); other figures from the catalogue's \(baseId)"
            pairs.append((Node("source"), Node(text)))
        }
        pairs += own.filter { $0.key.string != "base" }.map { ($0.key, $0.value) }
        return YAMLMapping(
            file: entry.file, path: entry.path, node: .mapping(Node.Mapping(pairs, .implicit, .any, own.mark)),
            log: entry.log)
    }
}

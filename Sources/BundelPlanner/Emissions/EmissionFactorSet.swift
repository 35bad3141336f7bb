import Foundation

/// Well-to-wheel and tank-to-wheel CO2e per unit of one energy carrier, with its source.
public struct EnergyCarrierFactor: Sendable, Hashable, Codable {
    public var id: String
    /// The unit energy use is counted in (`litre`, `kWh`).
    public var unit: String
    /// kg CO2e per unit, well-to-wheel (the footprint).
    public var wellToWheelKg: Double
    /// kg CO2e per unit, tank-to-wheel (the tailpipe).
    public var tankToWheelKg: Double
    public var source: String
    public var year: Int
    /// Remarks on how the value was derived.
    public var note: String?
}

/// A named, sourced set of emission factors, read from a data file (never constants in code).
public struct EmissionFactorSet: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var carriers: [EnergyCarrierFactor]

    public func carrier(_ id: String) -> EnergyCarrierFactor? { carriers.first { $0.id == id } }

    /// Names of the factor sets that ship with bundel.
    public static var builtInNames: [String] {
        let urls =
            (try? FileManager.default.contentsOfDirectory(at: builtInFolder, includingPropertiesForKeys: nil)) ?? []
        return urls.filter { $0.pathExtension == "yaml" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    static var builtInFolder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("factor-sets")
    }

    /// Reads a factor set: a built-in name such as `nl-2021`, or a YAML file path relative to
    /// `base`. Problems go to `log`.
    static func load(
        _ reference: String, relativeTo base: URL, displayBase: String, log: ProblemLog
    ) -> EmissionFactorSet? {
        let url: URL
        let display: String
        if reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/") {
            url = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL
            display = (displayBase as NSString).appendingPathComponent(reference)
        } else {
            url = builtInFolder.appendingPathComponent("\(reference).yaml")
            display = "built-in factor set \(reference)"
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.add(
                    display, line: nil, field: nil,
                    "no such built-in factor set; available: \(builtInNames.joined(separator: ", ")), or give a path to a .yaml file"
                )
                return nil
            }
        }
        guard let yaml = YAMLMapping.load(url, displayPath: display, log: log) else { return nil }
        yaml.rejectUnknownKeys(["name", "description", "carriers"])
        var carriers: [EnergyCarrierFactor] = []
        for entry in yaml.mappings("carriers") ?? [] {
            guard let carrier = readCarrier(entry, base: nil) else { continue }
            if carriers.contains(where: { $0.id == carrier.id }) {
                entry.problem("id", "carrier '\(carrier.id)' is listed twice")
                continue
            }
            carriers.append(carrier)
        }
        return EmissionFactorSet(
            name: yaml.string("name") ?? reference, description: yaml.string("description", required: false) ?? "",
            carriers: carriers)
    }

    /// A carrier from a factor-set file or a scenario override. With a `base`, fields left out
    /// keep the base's values, but `source` and `year` must always be given, so that every
    /// number in the methodology says where it comes from.
    static func readCarrier(_ entry: YAMLMapping, base: EnergyCarrierFactor?) -> EnergyCarrierFactor? {
        entry.rejectUnknownKeys(["id", "unit", "wtw_kg_co2e", "ttw_kg_co2e", "source", "year", "note"])
        let inherit = base != nil
        guard let id = entry.string("id") else { return nil }
        let unit = entry.string("unit", required: !inherit) ?? base?.unit
        let wtw = entry.double("wtw_kg_co2e", required: !inherit, minimum: 0) ?? base?.wellToWheelKg
        let ttw = entry.double("ttw_kg_co2e", required: !inherit, minimum: 0) ?? base?.tankToWheelKg
        let source = entry.string("source"), year = entry.int("year", minimum: 1990)
        guard let unit, let wtw, let ttw, let source, let year else { return nil }
        if ttw > wtw {
            entry.problem("ttw_kg_co2e", "tank-to-wheel (\(ttw)) cannot exceed well-to-wheel (\(wtw))")
            return nil
        }
        return EnergyCarrierFactor(
            id: id, unit: unit, wellToWheelKg: wtw, tankToWheelKg: ttw, source: source, year: year,
            note: entry.string("note", required: false))
    }

    /// The factor set a scenario names: `emission_factors: nl-2021`, or a mapping with `set`
    /// and `overrides` (a list of carriers replacing or adding to the set's).
    static func load(
        scenarioField yaml: YAMLMapping, relativeTo base: URL, displayBase: String, log: ProblemLog
    ) -> EmissionFactorSet? {
        guard yaml.node["emission_factors"]?.mapping != nil, let overridesEntry = yaml.mapping("emission_factors")
        else {
            return load(yaml.string("emission_factors") ?? "", relativeTo: base, displayBase: displayBase, log: log)
        }
        overridesEntry.rejectUnknownKeys(["set", "overrides"])
        guard let name = overridesEntry.string("set"),
            var set = load(name, relativeTo: base, displayBase: displayBase, log: log)
        else { return nil }
        for entry in overridesEntry.mappings("overrides", required: false) ?? [] {
            let existing = entry.string("id", required: false).flatMap(set.carrier)
            guard let carrier = readCarrier(entry, base: existing) else { continue }
            set.carriers.removeAll { $0.id == carrier.id }
            set.carriers.append(carrier)
        }
        set.carriers.sort { $0.id < $1.id }
        return set
    }
}

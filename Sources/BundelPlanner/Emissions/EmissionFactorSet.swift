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
    /// The list (name and version) and the line the value comes from.
    public var source: String
    public var year: Int
    /// Remarks on how the value was derived.
    public var note: String?
    /// The factor's own name in the list it comes from (`Diesel B7`), when the set gives it.
    public var label: String?
    /// Whether ``tankToWheelKg`` is not a figure of the list but derived (WTW minus WTT, or 0 at
    /// the vehicle for electricity, whose table has no TTW column); ``note`` says how. ISO 14083
    /// asks which inputs are taken and which worked out, so the methodology prints it.
    public var ttwDerived = false
}

/// A named, sourced set of emission factors, read from a data file (never constants in code).
public struct EmissionFactorSet: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    /// The date of the list version the set reproduces (`2026-08-20`), when the set gives it:
    /// the lists change every January and sometimes in between, so a year alone is not enough.
    public var published: String?
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
        yaml.rejectUnknownKeys(["name", "description", "published", "carriers"])
        let published = yaml.string("published", required: false)
        if let published, !isISODate(published) {
            yaml.problem("published", "expected a date as YYYY-MM-DD, got '\(published)'")
        }
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
            published: published.flatMap { isISODate($0) ? $0 : nil }, carriers: carriers)
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// A carrier from a factor-set file or a scenario override. With a `base`, fields left out
    /// keep the base's values, but `source` and `year` must always be given, so that every
    /// number in the methodology says where it comes from.
    static func readCarrier(_ entry: YAMLMapping, base: EnergyCarrierFactor?) -> EnergyCarrierFactor? {
        entry.rejectUnknownKeys([
            "id", "unit", "wtw_kg_co2e", "ttw_kg_co2e", "source", "year", "note", "label", "ttw_derived",
        ])
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
        var carrier = EnergyCarrierFactor(
            id: id, unit: unit, wellToWheelKg: wtw, tankToWheelKg: ttw, source: source, year: year,
            note: entry.string("note", required: false))
        // The label names the line of the list the override's source gives, so it is never the
        // base's; a tank-to-wheel value kept from the base stays derived if it was.
        carrier.label = entry.string("label", required: false)
        let keepsBaseTTW = base != nil && !entry.has("ttw_kg_co2e")
        carrier.ttwDerived =
            entry.bool("ttw_derived", required: false) ?? (keepsBaseTTW ? base?.ttwDerived ?? false : false)
        if entry.has("ttw_derived"), carrier.ttwDerived, carrier.note == nil {
            entry.problem("ttw_derived", "say in 'note' how the tank-to-wheel value was derived")
        }
        return carrier
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

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
}

/// A named, sourced set of emission factors, read from a data file (never constants in code).
public struct EmissionFactorSet: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var carriers: [EnergyCarrierFactor]

    public func carrier(_ id: String) -> EnergyCarrierFactor? { carriers.first { $0.id == id } }

    /// Names of the factor sets that ship with bundel.
    public static var builtInNames: [String] {
        let urls = (try? FileManager.default.contentsOfDirectory(at: builtInFolder, includingPropertiesForKeys: nil)) ?? []
        return urls.filter { $0.pathExtension == "yaml" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    static var builtInFolder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("factor-sets")
    }

    /// Reads a factor set: a built-in name such as `nl-2021`, or a YAML file path relative to
    /// `base`. Problems go to `log`.
    static func load(_ reference: String, relativeTo base: URL, displayBase: String, log: ProblemLog) -> EmissionFactorSet? {
        let url: URL
        let display: String
        if reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/") {
            url = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL
            display = (displayBase as NSString).appendingPathComponent(reference)
        } else {
            url = builtInFolder.appendingPathComponent("\(reference).yaml")
            display = "built-in factor set \(reference)"
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.add(display, line: nil, field: nil,
                        "no such built-in factor set; available: \(builtInNames.joined(separator: ", ")), or give a path to a .yaml file")
                return nil
            }
        }
        guard let yaml = YAMLMapping.load(url, displayPath: display, log: log) else { return nil }
        yaml.rejectUnknownKeys(["name", "description", "carriers"])
        var carriers: [EnergyCarrierFactor] = []
        for entry in yaml.mappings("carriers") ?? [] {
            entry.rejectUnknownKeys(["id", "unit", "wtw_kg_co2e", "ttw_kg_co2e", "source", "year"])
            guard let id = entry.string("id"), let unit = entry.string("unit"),
                  let wtw = entry.double("wtw_kg_co2e", minimum: 0), let ttw = entry.double("ttw_kg_co2e", minimum: 0),
                  let source = entry.string("source"), let year = entry.int("year", minimum: 1990) else { continue }
            if ttw > wtw { entry.problem("ttw_kg_co2e", "tank-to-wheel (\(ttw)) cannot exceed well-to-wheel (\(wtw))"); continue }
            if carriers.contains(where: { $0.id == id }) { entry.problem("id", "carrier '\(id)' is listed twice"); continue }
            carriers.append(EnergyCarrierFactor(id: id, unit: unit, wellToWheelKg: wtw, tankToWheelKg: ttw, source: source, year: year))
        }
        return EmissionFactorSet(name: yaml.string("name") ?? reference, description: yaml.string("description", required: false) ?? "",
                                 carriers: carriers)
    }
}

extension NetworkLoader {
    /// The optional fields of a refrigerated vehicle type (``ReeferUnit``).
    static let reeferFields: Set<String> = [
        "reefer_energy_per_hour", "reefer_energy_per_km", "refrigerant", "refrigerant_leakage_kg_per_year",
        "refrigerant_gwp", "reefer_hours_per_year",
    ]

    /// A vehicle type's refrigeration unit, `nil` when it gives none of ``reeferFields``.
    /// Leakage needs its three figures together (kg a year, GWP, operating hours a year over
    /// which it is spread): one alone would silently count as no leakage. Returns `.failure`
    /// when a field is wrong, so that the vehicle type is rejected with the problem logged.
    static func readReefer(_ entry: YAMLMapping) -> Result<ReeferUnit?, ReeferFieldError> {
        guard !reeferFields.isDisjoint(with: entry.node.mapping?.keys.compactMap(\.string) ?? []) else {
            return .success(nil)
        }
        var bad = false
        func number(_ key: String, greaterThanZero: Bool = false) -> Double? {
            guard entry.has(key) else { return nil }
            let value =
                greaterThanZero
                ? entry.double(key, required: false, greaterThanZero: true)
                : entry.double(key, required: false, minimum: 0)
            if value == nil { bad = true }
            return value
        }
        let perHour = number("reefer_energy_per_hour")
        let perKm = number("reefer_energy_per_km")
        let leakage = number("refrigerant_leakage_kg_per_year")
        let gwp = number("refrigerant_gwp")
        let hours = number("reefer_hours_per_year", greaterThanZero: true)
        let leakageFields = ["refrigerant_leakage_kg_per_year", "refrigerant_gwp", "reefer_hours_per_year"]
        let givenLeakageFields = leakageFields.filter(entry.has)
        if !givenLeakageFields.isEmpty, givenLeakageFields.count < leakageFields.count {
            let missing = leakageFields.filter { !entry.has($0) }
            entry.problem(
                givenLeakageFields[0],
                "refrigerant leakage needs refrigerant_leakage_kg_per_year, refrigerant_gwp and reefer_hours_per_year together; missing \(missing.joined(separator: ", "))"
            )
            bad = true
        }
        if hours.map({ $0 > 8_784 }) == true {
            entry.problem("reefer_hours_per_year", "a year has at most 8784 hours")
            bad = true
        }
        if bad { return .failure(ReeferFieldError()) }
        return .success(
            ReeferUnit(
                energyPerHour: perHour ?? 0, energyPerKilometre: perKm ?? 0, refrigerantLeakageKgPerYear: leakage ?? 0,
                refrigerantGWP: gwp ?? 0, operatingHoursPerYear: hours,
                refrigerant: entry.string("refrigerant", required: false)))
    }

    /// A refrigeration unit's field was wrong; the problem is in the log.
    struct ReeferFieldError: Error {}
}

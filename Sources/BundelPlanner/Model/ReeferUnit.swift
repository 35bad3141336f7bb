/// A vehicle's transport refrigeration unit: the energy it draws and the refrigerant it leaks.
///
/// Energy is in the vehicle's own energy unit (litres of its diesel, kWh of its battery), per
/// hour the trip lasts (the unit runs from departure to return, stops included) and per km
/// driven (units driven by the engine use more when the vehicle drives). Leakage is a direct
/// emission: `refrigerantLeakageKgPerYear` × `refrigerantGWP` kg CO2e a year, spread over the
/// unit's yearly operating hours, so that a trip carries the share its duration takes of them.
/// Spreading by hours rather than by trips or days keeps a long trip's share larger than a short
/// one's, as a slowly leaking circuit loses refrigerant with time, not with trips.
public struct ReeferUnit: Sendable, Hashable, Codable {
    /// Energy per operating hour, in the unit of the vehicle's energy carrier.
    public var energyPerHour: Double = 0
    /// Energy per km driven, in the unit of the vehicle's energy carrier.
    public var energyPerKilometre: Double = 0
    /// kg of refrigerant lost a year (top-ups of the circuit); 0 without leakage figures.
    public var refrigerantLeakageKgPerYear: Double = 0
    /// Global warming potential of the refrigerant, kg CO2e per kg (GWP100).
    public var refrigerantGWP: Double = 0
    /// Hours a year the unit runs, over which the year's leakage is spread; `nil` without
    /// leakage.
    public var operatingHoursPerYear: Double?
    /// Name of the refrigerant (`R-452A`), for reports.
    public var refrigerant: String?

    public init(
        energyPerHour: Double = 0, energyPerKilometre: Double = 0, refrigerantLeakageKgPerYear: Double = 0,
        refrigerantGWP: Double = 0, operatingHoursPerYear: Double? = nil, refrigerant: String? = nil
    ) {
        self.energyPerHour = energyPerHour
        self.energyPerKilometre = energyPerKilometre
        self.refrigerantLeakageKgPerYear = refrigerantLeakageKgPerYear
        self.refrigerantGWP = refrigerantGWP
        self.operatingHoursPerYear = operatingHoursPerYear
        self.refrigerant = refrigerant
    }

    /// Energy the unit uses on a trip of `metres` lasting `seconds`, before charging losses.
    public func energy(metres: Int, seconds: Int) -> Double {
        energyPerHour * Double(seconds) / 3600 + energyPerKilometre * Double(metres) / 1000
    }

    /// kg CO2e of refrigerant leaked a year.
    public var leakageCo2eKgPerYear: Double { refrigerantLeakageKgPerYear * refrigerantGWP }

    /// kg CO2e of refrigerant leakage a trip of `seconds` carries.
    public func leakageCo2eKg(seconds: Int) -> Double {
        guard let hours = operatingHoursPerYear, hours > 0 else { return 0 }
        return leakageCo2eKgPerYear * Double(seconds) / 3600 / hours
    }
}

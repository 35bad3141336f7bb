/// A plan's electricity reported both ways the GHG Protocol's scope 2 guidance and ISO 14083
/// distinguish: **location-based**, every kWh at the grid mix of where it is drawn (the set's
/// `electricity-grid`), and **market-based**, every kWh at the carrier its buyer contracted (the
/// vehicle type's or hub's `energy_carrier`, e.g. `electricity-green` with guarantees of
/// origin). They differ as soon as a contract is not the grid mix, often by far; the headline
/// figures of a plan use the market-based one (the carriers as stated).
///
/// Electricity is the energy of electric vehicles (charging losses and a refrigeration unit's
/// energy included) and of hub handling on an electricity carrier; a carrier counts as
/// electricity when its id starts with `electricity` (as ``VehicleType/isElectric``).
public struct ElectricityBasis: Sendable, Hashable, Codable {
    /// The carrier whose factor is the location-based one.
    public static let gridCarrier = "electricity-grid"

    /// kWh drawn from the grid in the plan's week.
    public var kWh: Double
    /// kg CO2e WTW of those kWh at the grid mix; `nil` when the factor set has no
    /// ``gridCarrier``.
    public var locationBasedWtwKg: Double?
    /// kg CO2e WTW of those kWh at the carriers stated for them.
    public var marketBasedWtwKg: Double

    public init(kWh: Double, locationBasedWtwKg: Double?, marketBasedWtwKg: Double) {
        self.kWh = kWh
        self.locationBasedWtwKg = locationBasedWtwKg
        self.marketBasedWtwKg = marketBasedWtwKg
    }

    /// Whether the two figures differ (by more than rounding), so that both must be reported.
    public var differ: Bool {
        guard let location = locationBasedWtwKg else { return false }
        return abs(location - marketBasedWtwKg) > 1e-9 * max(1, abs(location))
    }

    /// The electricity of `plan`: its routes by the carrier of the vehicle type each drives (a
    /// hub tour's as the scenario's hub fleet has it) and its hub operations by the hub's carrier.
    public init(plan: WeeklyPlan, scenario: Scenario) {
        let factors = scenario.emissionFactors
        var uses: [(kWh: Double, carrier: String)] = plan.routes.compactMap { route in
            guard let type = scenario.vehicleType(route.vehicleType, for: route.kind) else { return nil }
            return (route.energy, type.energyCarrier)
        }
        uses += plan.hubOperations.map { ($0.energy, $0.energyCarrier) }
        let electric = uses.filter { $0.carrier.hasPrefix("electricity") }
        kWh = electric.map(\.kWh).reduce(0, +)
        // The scenario loader has checked that every carrier used is in the set.
        marketBasedWtwKg = electric.map { $0.kWh * (factors.carrier($0.carrier)?.wellToWheelKg ?? 0) }.reduce(0, +)
        locationBasedWtwKg = factors.carrier(Self.gridCarrier).map { kWh * $0.wellToWheelKg }
    }
}

/// Energy and CO2e of driving a distance, computed the energy-based way of ISO 14083: energy
/// from distance times consumption, emissions from energy times the carrier's factors.
public struct RouteEmissions: Sendable, Equatable {
    public var energy: Double
    public var wellToWheelKg: Double
    public var tankToWheelKg: Double

    public init(metres: Int, vehicle: VehicleType, factors: EmissionFactorSet) {
        // The scenario loader has checked that every vehicle's carrier is in the set.
        let factor = factors.carrier(vehicle.energyCarrier)!
        energy = Double(metres) / 1000 * vehicle.energyPerKilometre
        wellToWheelKg = energy * factor.wellToWheelKg
        tankToWheelKg = energy * factor.tankToWheelKg
    }
}

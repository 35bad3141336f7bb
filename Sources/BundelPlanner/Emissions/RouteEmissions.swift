/// Energy, CO2e and air pollutants of one vehicle trip, computed the energy-based way of
/// ISO 14083: energy from distance times consumption (per leg, by the load on that leg when
/// the vehicle's consumption depends on load), emissions from energy times the carrier's
/// factors, and NOx/PM10 from distance times the vehicle's per-km factors where given. A
/// refrigerated vehicle adds its unit's energy (per hour of the trip and per km) to the energy,
/// and its refrigerant leakage, a direct emission, to both WTW and TTW (``ReeferUnit``).
public struct RouteEmissions: Sendable, Equatable {
    /// Energy drawn from supply in the carrier's unit: fuel into the tank, or electricity from
    /// the grid including charging losses; the refrigeration unit's included.
    public var energy: Double
    public var wellToWheelKg: Double
    public var tankToWheelKg: Double
    /// The refrigeration unit's part of ``energy`` (charging losses included); 0 without one.
    public var reeferEnergy = 0.0
    /// kg CO2e of refrigerant leakage, included in both ``wellToWheelKg`` and
    /// ``tankToWheelKg``; 0 without a refrigeration unit.
    public var refrigerantLeakageKg = 0.0
    /// `nil` when the vehicle type has no NOx factor.
    public var noxKg: Double?
    /// `nil` when the vehicle type has no PM10 factor.
    public var pm10Kg: Double?

    /// - Parameters:
    ///   - legMetres: length of each leg, in order.
    ///   - legLoadsKg: weight on board on each leg (same count as `legMetres`), used only for
    ///     load-dependent consumption.
    ///   - weightCapacityKg: the vehicle's weight capacity; `nil` without a weight dimension.
    ///   - durationSeconds: departure to return, for a refrigeration unit's hourly energy and
    ///     leakage.
    public init(
        legMetres: [Int], legLoadsKg: [Double], vehicle: VehicleType, weightCapacityKg: Double?,
        durationSeconds: Int, factors: EmissionFactorSet
    ) {
        precondition(legMetres.count == legLoadsKg.count, "one load per leg")
        // The scenario loader has checked that every vehicle's carrier is in the set.
        let factor = factors.carrier(vehicle.energyCarrier)!
        var used = 0.0
        for (metres, load) in zip(legMetres, legLoadsKg) {
            let perKm: Double
            if let model = vehicle.loadDependentEnergy, let capacity = weightCapacityKg, capacity > 0 {
                perKm = model.perKilometre(atLoadShare: load / capacity)
            } else {
                perKm = vehicle.energyPerKilometre
            }
            used += Double(metres) / 1000 * perKm
        }
        let metres = legMetres.reduce(0, +)
        // An electric vehicle's unit runs on its battery, so the grid supplies its energy with
        // the same charging losses.
        let reeferUsed = vehicle.reefer?.energy(metres: metres, seconds: durationSeconds) ?? 0
        energy = (used + reeferUsed) / (1 - vehicle.chargingLossFraction)
        reeferEnergy = reeferUsed / (1 - vehicle.chargingLossFraction)
        refrigerantLeakageKg = vehicle.reefer?.leakageCo2eKg(seconds: durationSeconds) ?? 0
        wellToWheelKg = energy * factor.wellToWheelKg + refrigerantLeakageKg
        tankToWheelKg = energy * factor.tankToWheelKg + refrigerantLeakageKg
        let km = Double(metres) / 1000
        noxKg = vehicle.noxGramsPerKilometre.map { $0 * km / 1000 }
        pm10Kg = vehicle.pm10GramsPerKilometre.map { $0 * km / 1000 }
    }

    /// The weight on board on each leg of a delivery trip that starts with everything it
    /// delivers and unloads `stopLoadsKg` at its stops in order; the last leg runs empty.
    public static func deliveryLegLoads(stopLoadsKg: [Double]) -> [Double] {
        var remaining = stopLoadsKg.reduce(0, +)
        var loads = [remaining]
        for load in stopLoadsKg {
            remaining -= load
            loads.append(max(remaining, 0))
        }
        return loads
    }
}

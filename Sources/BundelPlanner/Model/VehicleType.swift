/// A kind of vehicle a supplier or hub drives: capacity, costs, speed and energy use.
public struct VehicleType: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Capacity per capacity dimension of the network.
    public var capacity: [Double]
    /// EUR per vehicle per day (depreciation, insurance, ...).
    public var fixedCostPerDay: Double
    /// EUR per kilometre (fuel or electricity, tyres, maintenance).
    public var costPerKilometre: Double
    /// EUR per hour (driver).
    public var costPerHour: Double
    /// Average speed on the straight-line-times-detour distances, km/h.
    public var speedKmh: Double
    /// Energy used per kilometre, in the unit of the energy carrier (litres, kWh), when
    /// consumption does not depend on the load (see ``loadDependentEnergy``).
    public var energyPerKilometre: Double
    /// Consumption per kilometre empty and fully loaded by weight; when set, a leg uses the
    /// linear interpolation by its load share instead of ``energyPerKilometre``.
    public var loadDependentEnergy: LoadDependentEnergy?
    /// Share of the energy drawn from the grid that is lost in charging (0.1 = 10 %), so the
    /// grid supplies energy / (1 - share). Zero for fuels.
    public var chargingLossFraction: Double = 0
    /// The refrigeration unit of a refrigerated vehicle: its energy comes on top of the
    /// driving's, its refrigerant leakage on top of both WTW and TTW (``RouteEmissions``).
    public var reefer: ReeferUnit?
    /// Nitrogen oxides emitted per kilometre in grams, when known (depends on Euro class).
    public var noxGramsPerKilometre: Double?
    /// Particulate matter (PM10) emitted per kilometre in grams, when known.
    public var pm10GramsPerKilometre: Double?
    /// Emission standard, for reports (`Euro 6`, `Euro VI`, `zero emission`).
    public var euroClass: String?
    /// Where the defaults of this type come from, for the methodology section.
    public var source: String?
    /// Identifier of the energy carrier in the emission factor set (`diesel-b7`, ...).
    public var energyCarrier: String
    /// Whether the vehicle may enter an access zone (zero-emission vehicles).
    public var mayEnterZone: Bool
    /// Minutes after midnight when the shift starts.
    public var shiftStart: Int
    /// Minutes after midnight by which the vehicle must be back.
    public var shiftEnd: Int
    /// Trips one vehicle may make in a shift, reloading at its depot in between.
    public var maxTripsPerShift: Int = 1
    /// Minutes at the depot to reload between two trips.
    public var reloadMinutes: Int = 0
    /// Whether the type's file gave `max_trips_per_shift`. A hub fleet costed by whole
    /// vehicle-days lets a vehicle make as many trips as its shift allows unless it did
    /// (``Scenario/hubFleetTypes``).
    public var maxTripsPerShiftGiven = false

    /// Whether the vehicle runs on electricity (its carrier is one of the `electricity-*`
    /// carriers of the factor sets).
    public var isElectric: Bool { energyCarrier.hasPrefix("electricity") }

    /// Hours in a shift.
    public var shiftHours: Double { Double(shiftEnd - shiftStart) / 60 }

    /// The hourly cost with the daily fixed cost spread over the shift's hours.
    ///
    /// A supplier's van that serves this network for two hours serves other customers the rest
    /// of the day, so a trip carries the share of the day's fixed cost that its hours take up.
    public var costPerHourIncludingFixed: Double { costPerHour + fixedCostPerDay / max(shiftHours, 1e-9) }

    /// What one vehicle-day of a dedicated (hub) fleet costs, whatever it drives: the daily
    /// fixed cost plus a driver paid for the whole shift (``shiftHours`` at ``costPerHour``).
    /// Kilometres come on top. Paying the whole shift, however short the vehicle's work, is
    /// the conservative choice: it never makes the bundled plan look cheaper than it is.
    public var vehicleDayCostEur: Double { fixedCostPerDay + costPerHour * shiftHours }

    /// Trips a vehicle may make when nothing limits them but its shift.
    public static let tripsWithoutLimit = 1_000
}

/// Energy per kilometre empty and at full weight capacity; in between it rises linearly with
/// the load, the usual first-order model of load-dependent consumption.
public struct LoadDependentEnergy: Sendable, Hashable, Codable {
    public var empty: Double
    public var full: Double

    /// Energy per kilometre at `share` of the weight capacity (clamped to 0...1).
    public func perKilometre(atLoadShare share: Double) -> Double {
        empty + (full - empty) * min(max(share, 0), 1)
    }
}

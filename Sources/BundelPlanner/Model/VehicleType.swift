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
    /// Energy used per kilometre, in the unit of the energy carrier (litres, kWh).
    public var energyPerKilometre: Double
    /// Identifier of the energy carrier in the emission factor set (`diesel-b7`, ...).
    public var energyCarrier: String
    /// Whether the vehicle may enter an access zone (zero-emission vehicles).
    public var mayEnterZone: Bool
    /// Minutes after midnight when the shift starts.
    public var shiftStart: Int
    /// Minutes after midnight by which the vehicle must be back.
    public var shiftEnd: Int

    /// Hours in a shift.
    public var shiftHours: Double { Double(shiftEnd - shiftStart) / 60 }

    /// The hourly cost with the daily fixed cost spread over the shift's hours.
    ///
    /// A supplier's van that serves this network for two hours serves other customers the rest
    /// of the day, so a trip carries the share of the day's fixed cost that its hours take up.
    public var costPerHourIncludingFixed: Double { costPerHour + fixedCostPerDay / max(shiftHours, 1e-9) }
}

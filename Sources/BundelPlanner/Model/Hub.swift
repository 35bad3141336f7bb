/// A consolidation centre through which supplier flows can be bundled.
public struct Hub: Sendable, Hashable, Codable {
    /// Default energy of hub operations: 5 kWh of electricity per tonne handled (assumption:
    /// forklifts, conveyors, lighting and heating of a small cross-dock; measured sites range
    /// from about 1 to 10 kWh/t). ISO 14083 asks for hub operations to be counted, so the
    /// default is stated rather than 0; a hub's `handling_energy` replaces it.
    public static let defaultHandlingKilowattHoursPerTonne = 5.0

    public var id: String
    public var name: String
    public var location: GeoPoint
    /// Cost of operating the hub for this network, EUR per week, paid when the hub is open.
    public var fixedCostPerWeek: Double
    /// Cross-docking cost in EUR per unit of each dimension handled.
    public var handlingCost: [Double]
    /// Weekly throughput per dimension (infinity when unlimited).
    public var capacityPerWeek: [Double]
    /// Minutes a trunk vehicle spends unloading at the hub.
    public var unloadMinutes: Int
    /// Minutes of unloading per unit a trunk vehicle brings, per dimension, on top of
    /// ``unloadMinutes``: a full truck takes longer to unload than a half-empty one.
    public var unloadMinutesPerUnit: [Double]
    /// Energy used by the hub per unit handled, per dimension (forklifts, lighting, heating),
    /// in the unit of ``handlingEnergyCarrier``; an ISO 14083 hub operation element.
    public var handlingEnergyPerUnit: [Double]
    /// The energy carrier of hub operations, an id in the emission factor set.
    public var handlingEnergyCarrier: String
    /// How goods pass from trunk legs to tours.
    public var crossDock: CrossDock = .nextDay
    /// Minutes after midnight by which a `next_day` hub's trunk legs must be unloaded for the
    /// goods to go out on the next planning day.
    public var cutOffMinute: Int = 18 * 60
    /// Storage the hub offers for goods that arrive earlier than its cross-dock needs; nil when
    /// the hub keeps no stock.
    public var storage: HubStorage?

    /// Seconds a trunk vehicle spends unloading `quantity` at the hub, rounded up.
    public func unloadSeconds(_ quantity: [Double]) -> Int {
        ServiceTime(perDeliveryMinutes: 0, perUnitMinutes: unloadMinutesPerUnit)
            .seconds(fixedMinutes: unloadMinutes, deliveries: 0, quantity: quantity)
    }

    /// Whether the hub's handling energy is bundel's default (``defaultHandlingKilowattHoursPerTonne``
    /// of the weight dimension and nothing else), not a figure of the network's own.
    public func handlesAtDefaultEnergy(weightDimension: Int?) -> Bool {
        guard let weightDimension else { return false }
        return handlingEnergyPerUnit.enumerated().allSatisfy { index, value in
            value == (index == weightDimension ? Self.defaultHandlingKilowattHoursPerTonne / 1000 : 0)
        }
    }
}

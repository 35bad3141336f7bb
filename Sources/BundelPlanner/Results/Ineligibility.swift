/// Why a flow may not go through a hub (``FlowExplanation/ineligibility``); the reports put it
/// in words.
public enum Ineligibility: Sendable, Hashable {
    /// The flow's supplier does not take part (participation `out`).
    case supplierOut(supplier: String)
    /// The flow's product group may not go through a hub (`participation.product_groups`: out).
    case productGroupOut(group: String)
    /// The supplier's trunk vehicle cannot carry every kind of goods it delivers.
    case trunkCannotCarry(supplier: String)
    /// No trunk vehicle takes the supplier's goods to the hub.
    case noTrunkVehicle(supplier: String)
    /// The hub's fleet cannot serve the flow's site (time window, zone or range).
    case hubFleetCannotServe(hub: String, site: String)
    /// The hub's counted fleet had no vehicle left for the flow on `day` in the routes of
    /// round `round`, so it went direct and stays out of that hub in later rounds.
    case hubFleetExhausted(hub: String, fleet: [CountedVehicles], day: Weekday, round: Int)

    /// Vehicles of one type that a hub's counted fleet has each day (`fleets: hub` with a count).
    public struct CountedVehicles: Sendable, Hashable {
        public var count: Int
        public var vehicleType: String

        public init(count: Int, vehicleType: String) {
            self.count = count
            self.vehicleType = vehicleType
        }
    }
}

/// How a fleet's vehicles are paid for: a stated choice per fleet.
///
/// Suppliers' vans also serve other customers, so a trip for the network carries the share of
/// the vehicle's day that its hours take (``proRata``); suppliers' fleets are always costed so.
/// A hub's own fleet is dedicated to the hub: each vehicle it uses on a day costs a whole
/// vehicle-day, however little it drives (``vehicleDay``, the default for hub fleets).
public enum FleetCostBasis: String, Sendable, Codable, CaseIterable {
    /// Per vehicle used per day: the daily fixed cost plus a driver paid for the whole shift
    /// (``VehicleType/vehicleDayCostEur``), plus kilometres. One vehicle-day covers all the
    /// trips the vehicle makes that day.
    case vehicleDay = "vehicle_day"
    /// Per trip: kilometres plus its hours at the hourly cost with the daily fixed cost spread
    /// over the shift (``VehicleType/costPerHourIncludingFixed``).
    case proRata = "pro_rata"

    /// The share of a vehicle-day's cost each of its trips carries: its hours over the hours of
    /// all the vehicle's trips that day (equal shares if they all take no time). The shares add
    /// up to one, so a vehicle's trips add up to its vehicle-day plus their kilometres.
    static func vehicleDayShares(durations: [Int]) -> [Double] {
        let total = durations.reduce(0, +)
        guard total > 0 else { return durations.map { _ in 1 / Double(durations.count) } }
        return durations.map { Double($0) / Double(total) }
    }
}

extension Scenario {
    /// The hub fleet's vehicle types as hub tours use them. Under ``FleetCostBasis/vehicleDay``
    /// a vehicle returns to the hub to reload and makes as many trips as its shift allows,
    /// unless its type sets `max_trips_per_shift`: a vehicle-day paid in full is used in full.
    public var hubFleetTypes: [VehicleType] {
        hubFleet.compactMap(network.vehicleType).map { type in
            var type = type
            if hubFleetCost == .vehicleDay, !type.maxTripsPerShiftGiven {
                type.maxTripsPerShift = VehicleType.tripsWithoutLimit
            }
            return type
        }
    }

    /// The type a route of `kind` drives as the plan uses it: a hub tour's from
    /// ``hubFleetTypes``, any other from the network.
    public func vehicleType(_ id: String, for kind: RouteKind) -> VehicleType? {
        if kind == .hubTour, let type = hubFleetTypes.first(where: { $0.id == id }) { return type }
        return network.vehicleType(id)
    }
}

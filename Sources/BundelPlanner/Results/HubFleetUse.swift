/// The vehicles one hub uses of one vehicle type, day by day: what a hub operator must have on
/// the road (and, under whole vehicle-days, what it pays for).
public struct HubFleetUse: Sendable, Codable, Equatable {
    /// Vehicles and trips on one planning day.
    public struct Day: Sendable, Codable, Equatable {
        public var day: Weekday
        /// Distinct vehicles (by their label) that drive at least one trip that day.
        public var vehicles: Int
        public var trips: Int
        /// What the day's tours of the type cost (under whole vehicle-days: its vehicle-days plus km).
        public var costEur: Double
    }

    public var hub: String
    public var vehicleType: String
    /// `vehicle_day` or `pro_rata` (``FleetCostBasis``).
    public var costBasis: FleetCostBasis
    /// Under whole vehicle-days, what one vehicle-day costs (fixed cost per day plus the whole
    /// shift paid); nil under pro rata.
    public var vehicleDayCostEur: Double?
    /// Vehicles of the type the hub has per day (`fleets.hub` with `count`); nil when unlimited.
    public var available: Int?
    /// Every planning day, in order, days without tours included.
    public var days: [Day]
    /// Vehicle-days a week: the sum of the days' vehicles.
    public var vehicleDays: Int
    public var trips: Int
    /// What the type's hub tours cost a week (under whole vehicle-days: the vehicle-days plus km).
    public var costEur: Double

    /// The busiest day's vehicles.
    public var peakVehicles: Int { days.map(\.vehicles).max() ?? 0 }

    /// Per hub of the scenario and type of its fleet (in the fleet's order), the vehicles the
    /// plan's hub tours use each day; types a hub does not use are left out.
    public static func of(_ plan: WeeklyPlan, scenario: Scenario) -> [HubFleetUse] {
        var uses: [HubFleetUse] = []
        for hub in scenario.hubs {
            for type in scenario.hubFleetTypes {
                let tours = plan.routes.filter {
                    $0.kind == .hubTour && $0.operatedBy == hub && $0.vehicleType == type.id
                }
                guard !tours.isEmpty else { continue }
                let days = scenario.days.map { day in
                    let trips = tours.filter { $0.day == day }
                    // A trip without a label is a vehicle of its own.
                    let vehicles = Set(trips.compactMap(\.vehicle)).count + trips.filter { $0.vehicle == nil }.count
                    return Day(
                        day: day, vehicles: vehicles, trips: trips.count, costEur: trips.map(\.costEur).reduce(0, +))
                }
                uses.append(
                    HubFleetUse(
                        hub: hub, vehicleType: type.id, costBasis: scenario.hubFleetCost,
                        vehicleDayCostEur: scenario.hubFleetCost == .vehicleDay ? type.vehicleDayCostEur : nil,
                        available: scenario.hubFleetCounts[type.id], days: days,
                        vehicleDays: days.map(\.vehicles).reduce(0, +), trips: tours.count,
                        costEur: tours.map(\.costEur).reduce(0, +)))
            }
        }
        return uses
    }
}

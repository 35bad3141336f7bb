/// What one hub's tours deliver on one planning day.
public struct HubDayWork: Sendable, Equatable, Codable {
    public var day: Weekday
    /// Quantity delivered to sites, per capacity dimension.
    public var quantity: [Double]
    /// Flow deliveries handed over (a hub stop carries several).
    public var deliveries: Int
    public var stops: Int
    /// Hub tours (trips) that day.
    public var tours: Int
}

/// A hub's week of tours, day by day, and how level it is.
public struct HubWeek: Sendable, Equatable, Codable {
    public var hub: String
    /// One entry per planning day, in the scenario's order (days without tours included).
    public var days: [HubDayWork]
    /// The busiest day's quantity in the balance dimension over the mean day's (1 = level);
    /// nil when the hub delivers nothing.
    public var busiestToMean: Double?
    /// The dimension the balance is measured in: the weight dimension, else the first.
    public var balanceDimension: String

    /// The week of every hub that runs tours in `plan`, in the scenario's hub order.
    public static func weeks(of plan: WeeklyPlan, scenario: Scenario) -> [HubWeek] {
        let network = scenario.network
        let dimension = network.weightDimension ?? 0
        return scenario.hubs.compactMap { hub -> HubWeek? in
            let tours = plan.routes.filter { $0.kind == .hubTour && $0.operatedBy == hub }
            guard !tours.isEmpty else { return nil }
            let days = scenario.days.map { day -> HubDayWork in
                let today = tours.filter { $0.day == day }
                let stops = today.flatMap(\.stops)
                return HubDayWork(
                    day: day, quantity: Quantities.sum(stops.map(\.quantity), dimensions: network.dimensions.count),
                    deliveries: stops.map(\.deliveries.count).reduce(0, +), stops: stops.count, tours: today.count)
            }
            let amounts = days.map { $0.quantity[dimension] }
            let mean = amounts.reduce(0, +) / Double(max(amounts.count, 1))
            return HubWeek(
                hub: hub, days: days, busiestToMean: mean > 0 ? amounts.max()! / mean : nil,
                balanceDimension: network.dimensions[dimension].id)
        }
    }
}

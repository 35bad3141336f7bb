/// Shares a route's kilometres, cost and emissions among its stops, to estimate what one
/// delivery costs for the consolidation model.
///
/// Each stop's share is proportional to its round-trip distance from the route's start and
/// end: far stops are what make a route long. The shares of a route add up to the route, so
/// the estimates of all deliveries add up to the plan they came from.
enum RouteCostAllocation {
    static func shares(of route: PlannedRoute, matrix: TravelMatrix) -> [Metrics] {
        let weights = route.stops.map {
            Double(matrix.metres(route.start, $0.location) + matrix.metres($0.location, route.end)) + 1
        }
        let total = weights.reduce(0, +)
        let whole = Metrics(route)
        return weights.map { whole * ($0 / total) }
    }
}

/// Shares a route's kilometres, cost and emissions among its stops, to estimate what one
/// delivery costs for the consolidation model.
///
/// Each stop's share is proportional to its round-trip distance from the route's start and
/// end: far stops are what make a route long. The shares of a route add up to the route, so
/// the estimates of all deliveries add up to the plan they came from.
enum RouteCostAllocation {
    static func shares(of route: PlannedRoute, matrix: TravelMatrix) -> [Metrics] {
        let whole = Metrics(route)
        return fractions(of: route, matrix: matrix).map { whole * $0 }
    }

    /// Each stop's fraction of the route (adding up to 1).
    static func fractions(of route: PlannedRoute, matrix: TravelMatrix) -> [Double] {
        let weights = route.stops.map {
            Double(matrix.metres(route.start, $0.location) + matrix.metres($0.location, route.end)) + 1
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

/// Shares a route's kilometres, cost and emissions among its stops, to estimate what one
/// delivery costs for the consolidation model.
///
/// As in continuous approximation models of distribution (Daganzo 1984), a route is a
/// line-haul out to its area and back plus a local tour between the stops. The line-haul is
/// twice the farthest stop's mean distance from the route's start and end (at most the whole
/// route) and is shared by load times distance: a heavy delivery fills more of the vehicle
/// that has to drive out there, and a far one needs more of the drive. The local tour is shared
/// by each stop's round-trip distance: far stops are what make a route long. The shares of a
/// route add up to the route, so the estimates of all deliveries add up to the plan they came
/// from.
enum RouteCostAllocation {
    static func shares(of route: PlannedRoute, matrix: TravelMatrix) -> [Metrics] {
        let whole = Metrics(route)
        return fractions(of: route, matrix: matrix).map { whole * $0 }
    }

    /// Each stop's fraction of the route (adding up to 1).
    static func fractions(of route: PlannedRoute, matrix: TravelMatrix) -> [Double] {
        guard !route.stops.isEmpty else { return [] }
        // Mean distance of each stop from the route's two ends; +1 m keeps a stop at the
        // depot from a zero share.
        let reach = route.stops.map {
            Double(matrix.metres(route.start, $0.location) + matrix.metres($0.location, route.end)) / 2 + 1
        }
        let length = max(Double(route.metres), 1)
        let lineHaul = min(1, 2 * reach.max()! / length)
        let local = normalised(reach)
        let hauled = normalised(zip(loads(of: route), reach).map(*))
        return zip(hauled, local).map { lineHaul * $0 + (1 - lineHaul) * $1 }
    }

    /// Each stop's share of what the route carries: its mean over the dimensions the route
    /// carries of the stop's part of the route's total; equal shares when it carries nothing.
    static func loads(of route: PlannedRoute) -> [Double] {
        let dimensions = route.stops.map(\.quantity.count).max() ?? 0
        let totals = (0..<dimensions).map { d in
            route.stops.reduce(0) { $0 + (d < $1.quantity.count ? $1.quantity[d] : 0) }
        }
        let carried = (0..<dimensions).filter { totals[$0] > 0 }
        guard !carried.isEmpty else { return route.stops.map { _ in 1 } }
        return route.stops.map { stop in
            carried.reduce(0) { $0 + ($1 < stop.quantity.count ? stop.quantity[$1] : 0) / totals[$1] }
                / Double(carried.count)
        }
    }

    /// `weights` scaled to add up to 1 (equal shares when they add up to nothing).
    private static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 1 / Double(weights.count) } }
        return weights.map { $0 / total }
    }
}

/// The headline figures of a weekly plan.
public struct PlanTotals: Sendable, Equatable, Codable {
    public var vehicleKm: Double = 0
    /// Vehicle trips (routes), trunk legs included.
    public var trips: Int = 0
    /// Stops at sites (deliveries to buildings); trunk arrivals at hubs are not counted.
    public var stops: Int = 0
    /// Routes plus, for a bundled plan, hub fixed and handling cost.
    public var costEur: Double = 0
    public var co2eWtwKg: Double = 0
    public var co2eTtwKg: Double = 0
    /// Site deliveries that could not be planned (see the plan's unserved list).
    public var unservedDeliveries: Int = 0

    public init() {}

    /// Totals of a set of routes plus extra (hub) cost.
    public init(routes: [PlannedRoute], extraCostEur: Double = 0, unserved: Int = 0) {
        for route in routes {
            vehicleKm += Double(route.metres) / 1000
            trips += 1
            if route.kind != .trunk { stops += route.stops.count }
            costEur += route.costEur
            co2eWtwKg += route.co2eWtwKg
            co2eTtwKg += route.co2eTtwKg
        }
        costEur += extraCostEur
        unservedDeliveries = unserved
    }

    /// Each figure rounded to a fixed number of decimals, so that reports and the differences
    /// computed from them agree to the last digit.
    public func rounded() -> PlanTotals {
        var copy = self
        copy.vehicleKm = Self.round(vehicleKm, 3)
        copy.costEur = Self.round(costEur, 2)
        copy.co2eWtwKg = Self.round(co2eWtwKg, 3)
        copy.co2eTtwKg = Self.round(co2eTtwKg, 3)
        return copy
    }

    /// `self - other`, field by field (rounded inputs give exactly rounded differences).
    public func minus(_ other: PlanTotals) -> PlanTotals {
        var difference = PlanTotals()
        difference.vehicleKm = Self.round(vehicleKm - other.vehicleKm, 3)
        difference.trips = trips - other.trips
        difference.stops = stops - other.stops
        difference.costEur = Self.round(costEur - other.costEur, 2)
        difference.co2eWtwKg = Self.round(co2eWtwKg - other.co2eWtwKg, 3)
        difference.co2eTtwKg = Self.round(co2eTtwKg - other.co2eTtwKg, 3)
        difference.unservedDeliveries = unservedDeliveries - other.unservedDeliveries
        return difference
    }

    static func round(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

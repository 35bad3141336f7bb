/// The headline figures of a weekly plan.
public struct PlanTotals: Sendable, Equatable, Codable {
    public var vehicleKm: Double = 0
    /// Vehicle trips (routes), trunk legs included: ``lastMileTrips`` + ``trunkLegs``.
    public var trips: Int = 0
    /// Trips into the sites' area: direct routes and hub tours (the headline's trips).
    public var lastMileTrips: Int = 0
    /// Trunk legs, supplier depot to hub and back (outside the sites' area).
    public var trunkLegs: Int = 0
    /// Stops at sites (deliveries to buildings); trunk arrivals at hubs are not counted.
    public var stops: Int = 0
    /// Routes plus, for a bundled plan, hub fixed and handling cost.
    public var costEur: Double = 0
    public var co2eWtwKg: Double = 0
    public var co2eTtwKg: Double = 0
    /// NOx and PM10 in kg, reported only when every vehicle in the plan has factors for them.
    public var noxKg: Double?
    public var pm10Kg: Double?
    /// Site deliveries that could not be planned (see the plan's unserved list).
    public var unservedDeliveries: Int = 0

    public init() {}

    /// Totals of a set of routes and hub operations plus extra (hub) cost.
    public init(routes: [PlannedRoute], hubOperations: [HubOperation] = [], extraCostEur: Double = 0, unserved: Int = 0)
    {
        var nox: Double? = 0, pm10: Double? = 0
        for route in routes {
            vehicleKm += Double(route.metres) / 1000
            trips += 1
            if route.kind == .trunk { trunkLegs += 1 } else { lastMileTrips += 1 }
            if route.kind != .trunk { stops += route.stops.count }
            costEur += route.costEur
            co2eWtwKg += route.co2eWtwKg
            co2eTtwKg += route.co2eTtwKg
            nox = route.noxKg.flatMap { value in nox.map { $0 + value } }
            pm10 = route.pm10Kg.flatMap { value in pm10.map { $0 + value } }
        }
        for operation in hubOperations {
            co2eWtwKg += operation.co2eWtwKg
            co2eTtwKg += operation.co2eTtwKg
        }
        noxKg = routes.isEmpty ? nil : nox
        pm10Kg = routes.isEmpty ? nil : pm10
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
        copy.noxKg = noxKg.map { Self.round($0, 4) }
        copy.pm10Kg = pm10Kg.map { Self.round($0, 5) }
        return copy
    }

    /// Every figure multiplied by `weeks` (counts rounded to whole numbers), for annual totals.
    public func times(_ weeks: Double) -> PlanTotals {
        var copy = PlanTotals()
        copy.vehicleKm = vehicleKm * weeks
        copy.trips = Int((Double(trips) * weeks).rounded())
        copy.lastMileTrips = Int((Double(lastMileTrips) * weeks).rounded())
        copy.trunkLegs = Int((Double(trunkLegs) * weeks).rounded())
        copy.stops = Int((Double(stops) * weeks).rounded())
        copy.costEur = costEur * weeks
        copy.co2eWtwKg = co2eWtwKg * weeks
        copy.co2eTtwKg = co2eTtwKg * weeks
        copy.noxKg = noxKg.map { $0 * weeks }
        copy.pm10Kg = pm10Kg.map { $0 * weeks }
        copy.unservedDeliveries = Int((Double(unservedDeliveries) * weeks).rounded())
        return copy.rounded()
    }

    /// `self - other`, field by field (rounded inputs give exactly rounded differences).
    public func minus(_ other: PlanTotals) -> PlanTotals {
        var difference = PlanTotals()
        difference.vehicleKm = Self.round(vehicleKm - other.vehicleKm, 3)
        difference.trips = trips - other.trips
        difference.lastMileTrips = lastMileTrips - other.lastMileTrips
        difference.trunkLegs = trunkLegs - other.trunkLegs
        difference.stops = stops - other.stops
        difference.costEur = Self.round(costEur - other.costEur, 2)
        difference.co2eWtwKg = Self.round(co2eWtwKg - other.co2eWtwKg, 3)
        difference.co2eTtwKg = Self.round(co2eTtwKg - other.co2eTtwKg, 3)
        if let nox = noxKg, let otherNox = other.noxKg { difference.noxKg = Self.round(nox - otherNox, 4) }
        if let pm10 = pm10Kg, let otherPm10 = other.pm10Kg { difference.pm10Kg = Self.round(pm10 - otherPm10, 5) }
        difference.unservedDeliveries = unservedDeliveries - other.unservedDeliveries
        return difference
    }

    /// `value` rounded to three decimals, as the totals are.
    public static func rounded(_ value: Double) -> Double { round(value, 3) }

    static func round(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

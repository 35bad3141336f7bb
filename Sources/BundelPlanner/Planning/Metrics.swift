/// Kilometres, cost and emissions of a piece of a plan, added and scaled as a unit so that the
/// consolidation model can weigh any of them.
public struct Metrics: Sendable, Equatable, Codable {
    public var km: Double = 0
    public var costEur: Double = 0
    public var co2eWtwKg: Double = 0

    public init(km: Double = 0, costEur: Double = 0, co2eWtwKg: Double = 0) {
        self.km = km
        self.costEur = costEur
        self.co2eWtwKg = co2eWtwKg
    }

    init(_ route: PlannedRoute) {
        self.init(km: Double(route.metres) / 1000, costEur: route.costEur, co2eWtwKg: route.co2eWtwKg)
    }

    public static func + (lhs: Metrics, rhs: Metrics) -> Metrics {
        Metrics(km: lhs.km + rhs.km, costEur: lhs.costEur + rhs.costEur, co2eWtwKg: lhs.co2eWtwKg + rhs.co2eWtwKg)
    }

    public static func - (lhs: Metrics, rhs: Metrics) -> Metrics { lhs + rhs * -1 }

    public static func * (lhs: Metrics, factor: Double) -> Metrics {
        Metrics(km: lhs.km * factor, costEur: lhs.costEur * factor, co2eWtwKg: lhs.co2eWtwKg * factor)
    }

    /// The figure the objective minimises.
    public func value(_ objective: ObjectiveWeights) -> Double {
        objective.value(costEur: costEur, km: km, co2eWtwKg: co2eWtwKg)
    }
}

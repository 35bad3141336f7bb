/// Kilometres, cost and emissions of a piece of a plan, added and scaled as a unit so that the
/// consolidation model can weigh any of them.
struct Metrics: Sendable, Equatable {
    var km: Double = 0
    var costEur: Double = 0
    var co2eWtwKg: Double = 0

    init(km: Double = 0, costEur: Double = 0, co2eWtwKg: Double = 0) {
        self.km = km
        self.costEur = costEur
        self.co2eWtwKg = co2eWtwKg
    }

    init(_ route: PlannedRoute) {
        self.init(km: Double(route.metres) / 1000, costEur: route.costEur, co2eWtwKg: route.co2eWtwKg)
    }

    static func + (lhs: Metrics, rhs: Metrics) -> Metrics {
        Metrics(km: lhs.km + rhs.km, costEur: lhs.costEur + rhs.costEur, co2eWtwKg: lhs.co2eWtwKg + rhs.co2eWtwKg)
    }

    static func * (lhs: Metrics, factor: Double) -> Metrics {
        Metrics(km: lhs.km * factor, costEur: lhs.costEur * factor, co2eWtwKg: lhs.co2eWtwKg * factor)
    }

    /// The figure the objective minimises.
    func value(_ objective: Objective) -> Double {
        switch objective {
        case .cost: return costEur
        case .km: return km
        case .co2e: return co2eWtwKg
        }
    }
}

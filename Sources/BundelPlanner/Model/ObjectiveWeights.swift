/// What the consolidation model minimises: a weighted sum of cost, vehicle-kilometres and
/// CO2e well-to-wheel, all per week.
///
/// The three pure objectives weigh one figure with 1. A mix weighs several, e.g. cost plus a
/// carbon price of 0.1 EUR per kg CO2e (100 EUR a tonne): `{cost: 1, co2e: 0.1}`.
public struct ObjectiveWeights: Sendable, Equatable, Codable {
    /// Weight of one euro.
    public var perEur: Double
    /// Weight of one vehicle-kilometre.
    public var perKm: Double
    /// Weight of one kilogram CO2e well-to-wheel.
    public var perKgCO2e: Double

    public init(perEur: Double = 0, perKm: Double = 0, perKgCO2e: Double = 0) {
        self.perEur = perEur
        self.perKm = perKm
        self.perKgCO2e = perKgCO2e
    }

    public static let cost = ObjectiveWeights(perEur: 1)
    public static let km = ObjectiveWeights(perKm: 1)
    public static let co2e = ObjectiveWeights(perKgCO2e: 1)

    /// The names a scenario may give instead of weights.
    public static let named: [(name: String, weights: ObjectiveWeights)] = [
        ("cost", .cost), ("km", .km), ("co2e", .co2e),
    ]

    /// `cost`, `km` or `co2e` for a pure objective, `weighted` for a mix.
    public var name: String { Self.named.first { $0.weights == self }?.name ?? "weighted" }

    /// The unit of the objective's values: EUR, km, kg CO2e, or points for a mix.
    public var unit: String {
        switch name {
        case "cost": return "EUR"
        case "km": return "km"
        case "co2e": return "kg CO2e"
        default: return "points"
        }
    }

    /// The weighted sum of a cost, a distance and an emission.
    public func value(costEur: Double, km: Double, co2eWtwKg: Double) -> Double {
        perEur * costEur + perKm * km + perKgCO2e * co2eWtwKg
    }

    /// The objective's value of a routed plan's totals: what the model's estimate stands for.
    public func value(of totals: PlanTotals) -> Double {
        value(costEur: totals.costEur, km: totals.vehicleKm, co2eWtwKg: totals.co2eWtwKg)
    }
}

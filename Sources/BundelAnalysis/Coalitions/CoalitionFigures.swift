import BundelPlanner

/// Three figures of a week, each a game of its own: cost in EUR, vehicle-km and kg CO2e
/// well-to-wheel (a saving when positive).
public struct CoalitionFigures: Sendable, Equatable, Codable {
    public var costEur: Double
    public var vehicleKm: Double
    public var co2eWtwKg: Double

    public init(costEur: Double = 0, vehicleKm: Double = 0, co2eWtwKg: Double = 0) {
        self.costEur = costEur
        self.vehicleKm = vehicleKm
        self.co2eWtwKg = co2eWtwKg
    }

    /// A plan's weekly figures, rounded as the plans report them.
    public init(_ totals: PlanTotals) {
        let rounded = totals.rounded()
        self.init(costEur: rounded.costEur, vehicleKm: rounded.vehicleKm, co2eWtwKg: rounded.co2eWtwKg)
    }

    /// The figures in a fixed order, for the three games.
    public static var metrics: [WritableKeyPath<CoalitionFigures, Double>] { [\.costEur, \.vehicleKm, \.co2eWtwKg] }

    public static func + (left: Self, right: Self) -> Self {
        Self(
            costEur: left.costEur + right.costEur, vehicleKm: left.vehicleKm + right.vehicleKm,
            co2eWtwKg: left.co2eWtwKg + right.co2eWtwKg)
    }

    public static func - (left: Self, right: Self) -> Self {
        Self(
            costEur: left.costEur - right.costEur, vehicleKm: left.vehicleKm - right.vehicleKm,
            co2eWtwKg: left.co2eWtwKg - right.co2eWtwKg)
    }

    /// Figures built metric by metric.
    public static func build(_ value: (WritableKeyPath<CoalitionFigures, Double>) -> Double) -> Self {
        var figures = Self()
        for metric in metrics { figures[keyPath: metric] = value(metric) }
        return figures
    }
}

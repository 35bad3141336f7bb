/// How sure a scenario's figures are: the ranges of its uncertain inputs, from the scenario's
/// `uncertainty:` block, which `bundel risk` plans at their ends (a tornado) and samples (a
/// Monte Carlo). The scenario's own values are the point estimates, and each range holds its
/// point: a range that left the estimate out would say the estimate is wrong, not unsure.
public struct UncertaintyRanges: Sendable, Equatable {
    /// How a value is drawn between a range's low and high end.
    public enum Distribution: String, Sendable, Codable, CaseIterable {
        /// Triangular with the point estimate as its mode: values near the estimate are the
        /// likeliest, the ends the least likely (the usual choice for expert ranges).
        case triangular
        /// Every value between low and high equally likely.
        case uniform
    }

    public var distribution: Distribution
    /// The numeric inputs given, in the order of ``UncertainInput/allCases``.
    public var ranges: [UncertainRange]
    /// Factor sets that may hold instead of the scenario's own (`emission_factors`); the
    /// scenario's set and each of these are equally likely.
    public var factorSets: [EmissionFactorSet]

    public init(distribution: Distribution, ranges: [UncertainRange], factorSets: [EmissionFactorSet]) {
        self.distribution = distribution
        self.ranges = ranges
        self.factorSets = factorSets
    }
}

/// An input of a plan that the `uncertainty:` block can give a range for, named by its key.
public enum UncertainInput: String, Sendable, Codable, CaseIterable {
    /// Every flow's weekly quantity, changed by this many percent (deliveries a week kept).
    case demand = "demand_percent"
    /// Every part of every stop time (the sites' fixed minutes, the minutes per delivery and
    /// per unit), changed by this many percent.
    case stopTime = "stop_time_percent"
    /// Every vehicle type's speed, changed by this many percent.
    case speed = "speed_percent"
    /// The scenario's detour factor (road over straight-line distance), as a value.
    case detourFactor = "detour_factor"
    /// Energy of hub operations per tonne handled at every candidate hub, in the unit of its
    /// energy carrier (kWh for electricity).
    case hubHandlingEnergy = "hub_handling_energy_per_tonne"
    /// Every candidate hub's weekly fixed cost, changed by this many percent.
    case hubFixedCost = "hub_fixed_cost_percent"
    /// Every candidate hub's handling prices per unit, changed by this many percent.
    case hubHandlingCost = "hub_handling_cost_percent"

    /// Whether the range is a change in percent of the scenario's values (point 0).
    public var isPercent: Bool { self != .detourFactor && self != .hubHandlingEnergy }
}

/// The range of one uncertain input.
public struct UncertainRange: Sendable, Equatable, Codable {
    public var input: UncertainInput
    public var low: Double
    public var high: Double
    /// The scenario's own value: 0 for a change in percent, else the scenario's figure.
    public var point: Double

    public init(input: UncertainInput, low: Double, high: Double, point: Double) {
        self.input = input
        self.low = low
        self.high = high
        self.point = point
    }

    /// The value below which a share `quantile` (0 to 1) of the draws lie: `low` at 0, `high`
    /// at 1. Sampling feeds it uniform draws (inverse transform), so one draw maps to the same
    /// value on every platform.
    public func value(atQuantile quantile: Double, _ distribution: UncertaintyRanges.Distribution) -> Double {
        let share = min(max(quantile, 0), 1)
        let width = high - low
        switch distribution {
        case .uniform:
            return low + share * width
        case .triangular:
            guard width > 0 else { return low }
            // The inverse of the triangular distribution function with mode `point`.
            let below = (point - low) / width
            if share < below { return low + (share * width * (point - low)).squareRoot() }
            return high - ((1 - share) * width * (high - point)).squareRoot()
        }
    }
}

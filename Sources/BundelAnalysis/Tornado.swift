import BundelPlanner

/// One-at-a-time sensitivity: each uncertain input at its low and at its high end alone, every
/// other input at the scenario's value, and how far the savings move. The inputs that move
/// them most are the ones worth measuring better.
public struct Tornado: Sendable, Equatable, Codable {
    /// One input's two plans.
    public struct Bar: Sendable, Equatable, Codable {
        /// The input's key (`demand_percent`), or `emission_factors` for the factor sets.
        public var input: String
        public var low: End
        public var high: End

        /// How far the figure moves between the two ends (never negative); nil where an end
        /// lacks it.
        public func swing(_ metric: RiskMetric) -> Double? {
            guard let high = metric.value(high.outcome), let low = metric.value(low.outcome) else { return nil }
            return abs(high - low)
        }
    }

    /// One end of a bar: the input's value there and the plan's outcome.
    public struct End: Sendable, Equatable, Codable {
        /// The input's value (nil for a factor set).
        public var value: Double?
        /// The factor set's name at this end (the factor set bar only).
        public var factorSet: String?
        public var outcome: RiskOutcome
    }

    /// The bars in the order of ``UncertainInput/allCases``, the factor sets last.
    public var bars: [Bar]

    /// The bars by their swing in `metrics`, the first deciding, largest first (ties in input
    /// order): the shape that gives the chart its name.
    public func sorted(by metrics: RiskMetric...) -> [Bar] {
        bars.enumerated().sorted { left, right in
            for metric in metrics {
                let (a, b) = (left.element.swing(metric) ?? 0, right.element.swing(metric) ?? 0)
                if a != b { return a > b }
            }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The draws a tornado plans, two per range: the low end, then the high end.
    static func draws(_ ranges: UncertaintyRanges, factorSet: String) -> [UncertainDraw] {
        ranges.ranges.flatMap { range in
            [range.low, range.high].map { UncertainDraw(values: [range.input.rawValue: $0], factorSet: factorSet) }
        }
    }

    /// The tornado from the outcomes of ``draws(_:factorSet:)`` in order, and of each factor
    /// set (the scenario's own first). Of the factor sets, the bar's ends are the two that
    /// save the least and the most CO2e: a factor set changes the emissions, and a name has
    /// no low or high of its own.
    init(
        ranges: UncertaintyRanges, endOutcomes: [RiskOutcome], factorSets: [(name: String, outcome: RiskOutcome)]
    ) {
        bars = ranges.ranges.enumerated().map { index, range in
            Bar(
                input: range.input.rawValue,
                low: End(value: range.low, factorSet: nil, outcome: endOutcomes[2 * index]),
                high: End(value: range.high, factorSet: nil, outcome: endOutcomes[2 * index + 1]))
        }
        guard factorSets.count > 1 else { return }
        let ordered = factorSets.enumerated().sorted { left, right in
            let (a, b) = (left.element.outcome.savedCo2eWtwKg, right.element.outcome.savedCo2eWtwKg)
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        bars.append(
            Bar(
                input: "emission_factors",
                low: End(value: nil, factorSet: ordered.first!.name, outcome: ordered.first!.outcome),
                high: End(value: nil, factorSet: ordered.last!.name, outcome: ordered.last!.outcome)))
    }
}

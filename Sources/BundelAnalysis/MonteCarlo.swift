import BundelPlanner
import BundelRouting

/// Seeded Monte Carlo over the uncertain inputs: every sample draws all of them at once, plans
/// the scenario afresh (so the decision may change) and keeps the savings; the spread of the
/// samples says how sure the point estimate's conclusion is.
public struct MonteCarlo: Sendable, Equatable, Codable {
    /// One sample: its inputs and its plan's outcome.
    public struct Sample: Sendable, Equatable, Codable {
        /// Position in the seed's sequence of draws, from 0.
        public var index: Int
        public var draw: UncertainDraw
        public var outcome: RiskOutcome
    }

    /// The 10th, 50th and 90th percentile of a figure over the samples (nearest rank: each is
    /// one sample's figure).
    public struct Percentiles: Sendable, Equatable, Codable {
        public var p10: Double
        public var p50: Double
        public var p90: Double
    }

    public var seed: UInt64
    public var distribution: UncertaintyRanges.Distribution
    /// In the order drawn, whichever core planned them.
    public var samples: [Sample]

    /// P10, P50 and P90 of the weekly figure in `metric`, over the samples that have it; nil
    /// when none has.
    public func percentiles(_ metric: RiskMetric) -> Percentiles? {
        let sorted = samples.compactMap { metric.value($0.outcome) }.sorted()
        guard !sorted.isEmpty else { return nil }
        return Percentiles(
            p10: Quantile.nearestRank(sorted, 0.1), p50: Quantile.nearestRank(sorted, 0.5),
            p90: Quantile.nearestRank(sorted, 0.9))
    }

    /// Samples whose plan's figure in `metric` is above 0: it saves, or (the hub margin) a
    /// hub pays.
    public func positive(_ metric: RiskMetric) -> Int {
        samples.count(where: { (metric.value($0.outcome) ?? 0) > 0 })
    }

    /// Samples whose plan opens at least one hub.
    public var hubOpened: Int { samples.count(where: { !$0.outcome.hubsOpened.isEmpty }) }

    /// Samples whose bundled plan leaves deliveries unserved.
    public var withUnserved: Int { samples.count(where: { $0.outcome.unservedDeliveries > 0 }) }

    /// `count` draws from `seed`: per sample, a uniform draw for each range in order mapped
    /// through the range's distribution (rounded to four decimals, so that the inputs shown
    /// are the inputs planned), then one for the factor set when there are alternatives.
    /// Drawn one after another before any planning, so the samples do not depend on which
    /// core plans which.
    static func draws(
        _ ranges: UncertaintyRanges, count: Int, seed: UInt64, ownFactorSet: String
    ) -> [UncertainDraw] {
        var generator = SeededGenerator(seed: seed)
        let choices = [ownFactorSet] + ranges.factorSets.map(\.name)
        return (0..<count).map { _ in
            var values: [String: Double] = [:]
            for range in ranges.ranges {
                let value = range.value(atQuantile: generator.nextUnit(), ranges.distribution)
                values[range.input.rawValue] = (value * 10_000).rounded() / 10_000
            }
            var factorSet = ownFactorSet
            if choices.count > 1 {
                factorSet = choices[min(Int(generator.nextUnit() * Double(choices.count)), choices.count - 1)]
            }
            return UncertainDraw(values: values, factorSet: factorSet)
        }
    }
}

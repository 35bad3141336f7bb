import BundelPlanner

extension JSONSummary {
    /// Each plan's electricity location-based and market-based (``ElectricityBasis``), rounded
    /// as the plan's totals are, and which basis the plan's CO2e figures use.
    public struct ElectricityEntry: Codable, Sendable {
        public var baseline: ElectricityBasis
        public var bundled: ElectricityBasis
        /// `market-based`: the figures of `baseline`, `bundled` and `savings` count each kWh at
        /// the carrier stated for it.
        public var headlineBasis: String
        /// Whether the two bases differ in either plan, so that a report must show both.
        public var basesDiffer: Bool

        init(_ result: PlanResult) {
            let baseline = ElectricityBasis(plan: result.baseline, scenario: result.scenario)
            let bundled = ElectricityBasis(plan: result.bundled, scenario: result.scenario)
            basesDiffer = baseline.differ || bundled.differ
            self.baseline = Self.rounded(baseline)
            self.bundled = Self.rounded(bundled)
            headlineBasis = "market-based"
        }

        private static func rounded(_ basis: ElectricityBasis) -> ElectricityBasis {
            ElectricityBasis(
                kWh: PlanTotals.rounded(basis.kWh),
                locationBasedWtwKg: basis.locationBasedWtwKg.map(PlanTotals.rounded),
                marketBasedWtwKg: PlanTotals.rounded(basis.marketBasedWtwKg))
        }
    }
}

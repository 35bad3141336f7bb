import BundelPlanner

extension JSONSummary {
    /// The plan's verdict as the JSON gives it: the sentence, its facts and the assumptions
    /// box, so that a script can show the same first lines as the summary.
    public struct VerdictEntry: Codable, Sendable {
        /// A yearly figure of both plans and what the bundled plan saves (negative: adds).
        public struct Yearly: Codable, Sendable {
            public var baseline: Double
            public var bundled: Double
            public var saved: Double
        }

        public var sentence: String
        /// `open` (hubs take flows) or `direct` (every flow stays direct).
        public var decision: String
        public var openHubs: [Verdict.OpenHub]
        public var flows: Int
        public var flowsViaHub: Int
        public var weeksPerYear: Double
        public var costEur: Yearly
        public var vehicleKm: Yearly
        public var co2eWtwTonnes: Yearly
        public var lastMileTrips: Yearly
        public var stops: Yearly
        /// Deliveries a week left unserved, per plan.
        public var unservedBaseline: Int
        public var unservedBundled: Int
        /// With every flow direct: how far behind (objective units a year) the best routed
        /// plan through a hub stayed.
        public var bestHubPlanBehindPerYear: Double?
        public var warnings: [String]
        public var assumptions: [String]

        init(_ result: PlanResult) {
            let verdict = result.verdict
            func yearly(_ figure: Verdict.Yearly) -> Yearly {
                Yearly(
                    baseline: PlanTotalsRounding.round(figure.baseline),
                    bundled: PlanTotalsRounding.round(figure.bundled),
                    saved: PlanTotalsRounding.round(figure.saved))
            }
            sentence = verdict.sentence
            decision = verdict.openHubs.isEmpty ? "direct" : "open"
            openHubs = verdict.openHubs
            flows = verdict.flows
            flowsViaHub = verdict.flowsViaHub
            weeksPerYear = verdict.weeksPerYear
            costEur = yearly(verdict.costEur)
            vehicleKm = yearly(verdict.vehicleKm)
            co2eWtwTonnes = yearly(verdict.co2eWtwTonnes)
            lastMileTrips = yearly(verdict.lastMileTrips)
            stops = yearly(verdict.stops)
            unservedBaseline = verdict.unservedBaseline
            unservedBundled = verdict.unservedBundled
            bestHubPlanBehindPerYear = verdict.bestHubPlanBehindPerYear.map(PlanTotalsRounding.round)
            warnings = verdict.warnings
            assumptions = Assumptions.lines(result)
        }
    }
}

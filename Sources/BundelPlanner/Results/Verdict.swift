/// What a plan tells its reader to decide, as facts: which hubs open for how many flows, and
/// what that saves a year against the baseline. Every output puts it first (the summary's
/// first lines, the JSON's `verdict`, the top of the report); the words are BundelReports'.
///
/// The yearly figures are the weekly figures the tables show (rounded totals) times the
/// scenario's weeks a year, so the sentence and the tables agree to the unit.
public struct Verdict: Sendable, Equatable {
    /// A hub the plan opens and how many flows go through it.
    public struct OpenHub: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var flows: Int
    }

    /// A figure a year in the baseline and in the bundled plan.
    public struct Yearly: Sendable, Equatable {
        public var baseline: Double
        public var bundled: Double
        /// Baseline minus bundled: positive where the plan saves.
        public var saved: Double { baseline - bundled }
    }

    /// The hubs that take flows, by id; empty when every flow stays direct.
    public var openHubs: [OpenHub]
    public var flows: Int
    public var flowsViaHub: Int { openHubs.map(\.flows).reduce(0, +) }
    public var weeksPerYear: Double
    public var costEur: Yearly
    public var vehicleKm: Yearly
    /// Tonnes CO2e well-to-wheel.
    public var co2eWtwTonnes: Yearly
    public var lastMileTrips: Yearly
    public var stops: Yearly
    /// Deliveries a week left unserved in each plan.
    public var unservedBaseline: Int
    public var unservedBundled: Int
    /// With every flow direct: by how much a year (in the objective's unit) the best routed
    /// plan through a hub fell behind direct delivery; `nil` when none was routed.
    public var bestHubPlanBehindPerYear: Double?
    public var objectiveKind: ObjectiveWeights
}

extension PlanResult {
    /// The decision this plan supports and its yearly effect.
    public var verdict: Verdict {
        let network = scenario.network
        let weeks = scenario.weeksPerYear
        let baseline = self.baseline.totals.rounded()
        let bundled = self.bundled.totals.rounded()
        func yearly(_ base: Double, _ bundle: Double) -> Verdict.Yearly {
            Verdict.Yearly(baseline: base * weeks, bundled: bundle * weeks)
        }
        let flowsPerHub = Dictionary(grouping: consolidation.viaHub.values, by: { $0 }).mapValues(\.count)
        let openHubs =
            consolidation.allDirectReported
            ? []
            : flowsPerHub.keys.sorted().map { id in
                Verdict.OpenHub(id: id, name: network.hub(id)?.name ?? id, flows: flowsPerHub[id]!)
            }
        var behind: Double?
        if openHubs.isEmpty {
            let reported = scenario.objective.value(of: self.bundled.totals)
            behind = consolidation.rounds.filter { $0.flowsViaHub > 0 }.compactMap(\.routedObjective).min()
                .map { ($0 - reported) * weeks }
        }
        return Verdict(
            openHubs: openHubs, flows: network.flows.count, weeksPerYear: weeks,
            costEur: yearly(baseline.costEur, bundled.costEur),
            vehicleKm: yearly(baseline.vehicleKm, bundled.vehicleKm),
            co2eWtwTonnes: yearly(baseline.co2eWtwKg / 1000, bundled.co2eWtwKg / 1000),
            lastMileTrips: yearly(Double(baseline.lastMileTrips), Double(bundled.lastMileTrips)),
            stops: yearly(Double(baseline.stops), Double(bundled.stops)),
            unservedBaseline: baseline.unservedDeliveries, unservedBundled: bundled.unservedDeliveries,
            bestHubPlanBehindPerYear: behind, objectiveKind: scenario.objective)
    }
}

import BundelPlanner
import Foundation

/// The machine-readable summary `bundel plan --json` prints. Keys are stable: scripts and the
/// comparison commands read them. Nothing time-dependent is included, so the same input and
/// seed give the same bytes.
public struct JSONSummary: Codable, Sendable {
    public struct ScenarioInfo: Codable, Sendable {
        public var name: String
        public var file: String
        public var network: String
        public var days: [String]
        public var hubs: [String]
        public var objective: String
        public var objectiveWeights: ObjectiveWeights
        public var seed: UInt64
        public var emissionFactors: String
        /// How hub tours are costed: `vehicle_day` or `pro_rata`.
        public var hubFleetCost: String
    }

    public struct Consolidation: Codable, Sendable {
        public var status: String
        /// The MIP's optimum: estimated weekly value of the bundled plan.
        public var objective: Double?
        /// The model's LP bound for the reported round: its relaxation's optimum, or (with
        /// `boundFromCutRelaxation`) the weaker bound its duals proved before the clock cut it;
        /// absent when the plan is a routed candidate's or no bound is known.
        public var bound: Double?
        public var boundFromCutRelaxation: Bool
        public var objectiveKind: String
        /// The same estimate for all-direct delivery.
        public var directEstimate: Double
        /// Cost, km and CO2e of the chosen assignment by the model's estimates.
        public var estimate: Metrics?
        public var flowsViaHub: Int
        public var flowsDirect: Int
        public var forcedButImpossible: Int
        /// No solution within the time limit: every flow stays direct.
        public var keptDirectAtTimeLimit: Bool
        /// Every routed round cost more than delivering all direct, so that plan (the
        /// baseline's routes) is reported and `chosenRound` is 0.
        public var allDirectReported: Bool
        /// Every round of solve, route and re-estimate; `chosenRound` is the one reported.
        public var rounds: [ConsolidationRound]
        public var chosenRound: Int
        public var stopReason: String
        public var hubs: [HubChoiceEntry]
    }

    /// Why each flow is direct or bundled, and suppliers ranked by what bundling them saves.
    public struct Explanations: Codable, Sendable {
        public var suppliers: [BundlingRanking]
        public var productGroups: [BundlingRanking]
        public var flows: [FlowEntry]
    }

    public struct HubOperations: Codable, Sendable {
        public var energy: Double
        public var co2eWtwKg: Double
        public var co2eTtwKg: Double
    }

    public struct BundledParts: Codable, Sendable {
        public var direct: PlanTotals
        public var trunk: PlanTotals
        public var hubTours: PlanTotals
        public var hubOperations: HubOperations
        public var hubFixedCostEur: Double
        public var hubHandlingCostEur: Double
        /// Goods held in hub storage longer than the cross-dock needs, EUR per week.
        public var hubStorageCostEur: Double
        /// Each hub's tours day by day, and how level its week is.
        public var hubWeeks: [HubWeek]
    }

    /// Weekly totals times the scenario's weeks per year.
    public struct Annual: Codable, Sendable {
        public var weeksPerYear: Double
        public var baseline: PlanTotals
        public var bundled: PlanTotals
        public var savings: PlanTotals
        /// For reference only: every baseline delivery as its own round trip, km a year.
        public var oneTripPerDeliveryKm: Double
    }

    public struct Unserved: Codable, Sendable {
        public var baseline: [UnservedDelivery]
        public var bundled: [UnservedDelivery]
    }

    public struct Run: Codable, Sendable {
        public var routingProblems: Int
        public var routingIterations: Int
        /// Problems met again in the run that took the routes found before.
        public var routingProblemsReused: Int
        public var hitTimeLimit: Bool
        /// The parts the time limit cut short ("routing", "consolidation model").
        public var timeLimited: [String]
        /// Ctrl-C cut the run short: the plan is complete and valid, its searches shorter.
        public var interrupted: Bool
        /// Wall-clock seconds of the plan (without the proven bounds, which report their own)
        /// and of each stage, to the hundredth: the only figures that differ between two runs
        /// of the same input and seed (``withoutTimes``).
        public var seconds: Double?
        public var stages: [Stage]?
        /// Seconds from the command's start to the planner's (reading the input), which the
        /// time limit covers too.
        public var readingSeconds: Double?
        /// Reading and planning together ran past the time limit (the summary says why).
        public var ranPastTimeLimit: Bool
    }

    /// One stage of a run and its wall-clock seconds (``PlanStageTimes``).
    public struct Stage: Codable, Sendable {
        public var stage: String
        public var seconds: Double
    }

    /// The same summary without the clock's readings (the run's seconds and stages, the proven
    /// bounds' seconds at 0), to compare two runs byte for byte.
    public var withoutTimes: JSONSummary {
        var copy = self
        copy.run.seconds = nil
        copy.run.stages = nil
        copy.run.readingSeconds = nil
        copy.bounds?.seconds = 0
        return copy
    }

    /// The decision in one sentence, its yearly figures and the assumptions behind them.
    public var verdict: VerdictEntry
    public var scenario: ScenarioInfo
    /// Hubs, sites and depots far from the rest of the network (probably typos, warned at the
    /// top of the text summary); absent when there are none.
    public var outlyingLocations: [OutlyingLocation]?
    public var baseline: PlanTotals
    public var bundled: PlanTotals
    public var savings: PlanTotals
    public var consolidation: Consolidation
    public var explanations: Explanations
    public var bundledParts: BundledParts
    /// Each supplier's and hub operator's weekly figures in both plans (``ActorShare``); they
    /// add up to `baseline` and `bundled`.
    public var actors: [ActorEntry]
    public var annual: Annual
    /// How the baseline's delivery days were chosen (`baseline_days`), the flows with given
    /// days, and with `cheapest` the baseline on balanced days.
    public var baselineDays: BaselineDaysSummary
    /// The emission factors of every energy carrier the run used, with sources.
    public var emissionFactorsUsed: [EnergyCarrierFactor]
    /// ISO 14083 results: the allocation and the transport and hub operation categories.
    public var emissions: EmissionsEntry
    /// Each plan's electricity location-based and market-based (JSONSummary+Electricity.swift).
    public var electricity: ElectricityEntry
    /// Deliveries that could not be planned, per plan, with reasons.
    public var unserved: Unserved
    /// Per hub and vehicle type of its fleet, the vehicles the bundled plan uses each day.
    public var hubFleet: [HubFleetUse]
    /// Proven lower bounds (`plan --bound`): baseline, bundled plan, certified minimum saving.
    public var bounds: PlanBounds?
    /// The hub prices at which the decision changes (`plan --break-even`); absent otherwise.
    public var breakEven: [BreakEvenFee]?
    public var run: Run

    public init(_ result: PlanResult) {
        let scenario = result.scenario
        verdict = VerdictEntry(result)
        self.scenario = ScenarioInfo(
            name: scenario.name, file: scenario.file, network: scenario.network.name,
            days: scenario.days.map(\.rawValue), hubs: scenario.hubs, objective: scenario.objective.name,
            objectiveWeights: scenario.objective, seed: scenario.seed, emissionFactors: scenario.emissionFactors.name,
            hubFleetCost: scenario.hubFleetCost.rawValue)
        let outlying = scenario.network.outlyingLocations
        outlyingLocations = outlying.isEmpty ? nil : outlying
        baseline = result.baseline.totals.rounded()
        bundled = result.bundled.totals.rounded()
        savings = result.savings
        let outcome = result.consolidation
        consolidation = Consolidation(
            status: outcome.status.description, objective: outcome.objective.map { PlanTotalsRounding.round($0) },
            bound: outcome.bound.map { PlanTotalsRounding.round($0) },
            boundFromCutRelaxation: outcome.boundFromCutRelaxation,
            objectiveKind: outcome.objectiveKind.name, directEstimate: PlanTotalsRounding.round(outcome.directEstimate),
            estimate: outcome.estimate.map(PlanTotalsRounding.round),
            flowsViaHub: outcome.flowsViaHub, flowsDirect: outcome.flowsDirect,
            forcedButImpossible: outcome.forcedButImpossible.count,
            keptDirectAtTimeLimit: outcome.keptDirectAtTimeLimit, allDirectReported: outcome.allDirectReported,
            rounds: outcome.rounds.map(PlanTotalsRounding.round), chosenRound: outcome.chosenRound,
            stopReason: outcome.stopReason.rawValue, hubs: outcome.hubs.map(HubChoiceEntry.init))
        explanations = Explanations(
            suppliers: outcome.suppliers.map(PlanTotalsRounding.round),
            productGroups: outcome.productGroups.map(PlanTotalsRounding.round),
            flows: outcome.flows.map(FlowEntry.init))
        bundledParts = BundledParts(
            direct: result.bundled.totals(of: .direct).rounded(), trunk: result.bundled.totals(of: .trunk).rounded(),
            hubTours: result.bundled.totals(of: .hubTour).rounded(),
            hubOperations: HubOperations(
                energy: PlanTotals.rounded(result.bundled.hubOperations.map(\.energy).reduce(0, +)),
                co2eWtwKg: PlanTotals.rounded(result.bundled.hubOperations.map(\.co2eWtwKg).reduce(0, +)),
                co2eTtwKg: PlanTotals.rounded(result.bundled.hubOperations.map(\.co2eTtwKg).reduce(0, +))),
            hubFixedCostEur: PlanTotalsRounding.round(result.bundled.hubFixedCostEur),
            hubHandlingCostEur: PlanTotalsRounding.round(result.bundled.hubHandlingCostEur),
            hubStorageCostEur: PlanTotalsRounding.round(result.bundled.hubStorageCostEur),
            hubWeeks: HubWeek.weeks(of: result.bundled, scenario: scenario).map(PlanTotalsRounding.round))
        actors = result.actors.map(ActorEntry.init)
        emissions = EmissionsEntry(result)
        let weeks = scenario.weeksPerYear
        annual = Annual(
            weeksPerYear: weeks, baseline: baseline.times(weeks), bundled: bundled.times(weeks),
            savings: baseline.times(weeks).minus(bundled.times(weeks)),
            oneTripPerDeliveryKm: PlanTotals.rounded(result.oneTripPerDeliveryKm * weeks))
        var days = result.baselineDays
        days.balancedTotals = days.balancedTotals?.rounded()
        baselineDays = days
        let used =
            Set(result.baseline.routes.map(\.vehicleType) + result.bundled.routes.map(\.vehicleType))
            .compactMap { scenario.network.vehicleType($0)?.energyCarrier }
            + result.bundled.hubOperations.map(\.energyCarrier)
        emissionFactorsUsed = scenario.emissionFactors.carriers.filter { Set(used).contains($0.id) }.sorted {
            $0.id < $1.id
        }
        electricity = ElectricityEntry(result)
        unserved = Unserved(baseline: result.baseline.unserved, bundled: result.bundled.unserved)
        hubFleet = HubFleetUse.of(result.bundled, scenario: scenario).map { use in
            var rounded = use
            rounded.costEur = PlanTotalsRounding.round(use.costEur)
            rounded.vehicleDayCostEur = use.vehicleDayCostEur.map(PlanTotalsRounding.round)
            for index in rounded.days.indices {
                rounded.days[index].costEur = PlanTotalsRounding.round(use.days[index].costEur)
            }
            return rounded
        }
        bounds = result.bounds.map { bounds in
            var rounded = bounds
            for path in [\PlanBounds.baseline, \PlanBounds.bundled, \PlanBounds.certifiedSaving] {
                rounded[keyPath: path].vehicleKm = (bounds[keyPath: path].vehicleKm * 10).rounded() / 10
                rounded[keyPath: path].costEur = PlanTotalsRounding.round(bounds[keyPath: path].costEur)
            }
            rounded.seconds = (bounds.seconds * 10).rounded() / 10
            return rounded
        }
        run = Run(
            routingProblems: result.routingProblems, routingIterations: result.routingIterations,
            routingProblemsReused: result.routingProblemsReused, hitTimeLimit: result.hitTimeLimit,
            timeLimited: result.timeLimited,
            interrupted: result.interrupted, seconds: Self.hundredths(result.seconds),
            stages: result.stages.named.map { Stage(stage: $0.stage, seconds: Self.hundredths($0.seconds)) },
            readingSeconds: Self.hundredths(result.readingSeconds), ranPastTimeLimit: result.ranPastTimeLimit)
    }

    private static func hundredths(_ seconds: Double) -> Double { (seconds * 100).rounded() / 100 }

    /// Pretty-printed JSON with sorted keys.
    public func encoded() throws -> String { try JSONText.encode(self, what: "the summary") }
}

/// Rounding of money and model values in the JSON summary (to the cent), so that the bytes do
/// not depend on the last bits of a floating-point sum.
enum PlanTotalsRounding {
    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func round(_ metrics: Metrics) -> Metrics {
        Metrics(km: round(metrics.km), costEur: round(metrics.costEur), co2eWtwKg: round(metrics.co2eWtwKg))
    }

    static func round(_ value: ConsolidationRound) -> ConsolidationRound {
        var copy = value
        copy.modelObjective = value.modelObjective.map(round)
        copy.routedObjective = value.routedObjective.map(round)
        return copy
    }

    static func round(_ week: HubWeek) -> HubWeek {
        var copy = week
        copy.busiestToMean = week.busiestToMean.map { ($0 * 1000).rounded() / 1000 }
        copy.days = week.days.map { day in
            var day = day
            day.quantity = day.quantity.map(round)
            return day
        }
        return copy
    }

    static func round(_ ranking: BundlingRanking) -> BundlingRanking {
        var copy = ranking
        copy.saving = round(ranking.saving)
        copy.savingMetrics = round(ranking.savingMetrics)
        return copy
    }

    static func round(_ parts: SavingParts) -> SavingParts {
        SavingParts(
            directAvoided: round(parts.directAvoided), hubStops: round(parts.hubStops), trunk: round(parts.trunk),
            handling: round(parts.handling), hubFixed: round(parts.hubFixed))
    }
}

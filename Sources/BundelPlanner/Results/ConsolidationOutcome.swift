import BundelLP

/// What the consolidation model decided, how it got there and why.
public struct ConsolidationOutcome: Sendable {
    /// Solver status of the chosen round (optimal, feasible, infeasible, ...). Optimal means
    /// within ``relativeGap`` of the model's bound.
    public var status: SolveStatus
    /// The relative gap to its bound at which branch and cut stops and calls the model's
    /// solution optimal: 0.05 %, under 20 euros a week on the campus network, far below the
    /// error of the estimates themselves (the routes differ from them by several per cent).
    /// Closing the gap to 0.0001 % took GLPK its whole time limit in every round of a
    /// 1,400-site network (over 100 s each); 0.01 % still up to 130 s.
    public static let relativeGap = 5e-4
    /// The estimated weekly value of the reported assignment in the objective's unit: the
    /// chosen round's optimum, or for the all-in candidate its value under the same model.
    public var objective: Double?
    /// The model's LP bound for the reported round (its relaxation's optimum, or what the
    /// relaxation's duals proved when the clock cut it: ``boundFromCutRelaxation``): no
    /// assignment is worth less by the same estimates, so `objective` minus it is the most the
    /// search could still have gained; `nil` when the plan is not the model's choice or no
    /// bound is known.
    public var bound: Double?
    /// Cost, km and CO2e of the chosen assignment by the model's estimates.
    public var estimate: Metrics?
    /// What the objective weighs.
    public var objectiveKind: ObjectiveWeights
    /// The same estimate for delivering everything directly (the model's constant term).
    public var directEstimate: Double
    /// Hub per bundled flow index.
    public var viaHub: [Int: String]
    public var flowsViaHub: Int { viaHub.count }
    public var flowsDirect: Int
    /// Flows of suppliers forced in that no hub can serve (they stay direct).
    public var forcedButImpossible: [Int]
    /// The model found no solution within its time limit, and since no supplier is forced in,
    /// the plan keeps every flow direct (always allowed) rather than ending without a plan.
    public var keptDirectAtTimeLimit = false
    /// Whether ``bound`` is the Lagrangian bound of a relaxation the clock cut short (its
    /// duals so far) rather than the relaxation's optimum: valid, but weaker.
    public var boundFromCutRelaxation = false
    /// Every routed round with flows through a hub cost more (by the objective) than delivering
    /// everything direct, the baseline's own routes, so that plan is reported (``chosenRound``
    /// 0): the hubs do not pay. Only when no supplier is forced in.
    public var allDirectReported = false
    /// Every round of solve, route and re-estimate, in order.
    public var rounds: [ConsolidationRound]
    /// The round whose routed plan is reported (the best by its real routes).
    public var chosenRound: Int
    /// Why the rounds ended.
    public var stopReason: ConsolidationStop
    /// Why each flow is direct or bundled, and what bundling it saves.
    public var flows: [FlowExplanation]
    /// Suppliers ranked by what bundling them saves: which to bundle first.
    public var suppliers: [BundlingRanking]
    /// Product groups ranked the same way.
    public var productGroups: [BundlingRanking]
    /// Each candidate hub: opened or not, and what that choice is worth.
    public var hubs: [HubChoice]
    /// The chosen round's model itself, for `--write-lp`.
    public var model: LinearModel
}

/// One round of the consolidation: the model's choice on the current estimates, and what its
/// routes really gave.
public struct ConsolidationRound: Sendable, Codable, Equatable {
    /// 1, 2, ...
    public var number: Int
    public var status: String
    /// The model's optimum on this round's estimates.
    public var modelObjective: Double?
    /// The objective's value of the routed plan (nil when the assignment repeats an earlier
    /// round's and was not routed again).
    public var routedObjective: Double?
    public var flowsViaHub: Int
    /// Flows whose hub (or direct delivery) differs from the previous round's choice.
    public var flowsChanged: Int
    /// Site deliveries the routed plan could not serve.
    public var unservedDeliveries: Int
    /// Flows the model sent through a hub that went direct instead, because the hub's counted
    /// fleet had no vehicle left for them in this round's routes (included in ``flowsViaHub``'s
    /// complement: ``flowsViaHub`` counts the flows the routed plan takes through hubs).
    public var flowsMovedDirect: Int = 0
    /// Set for a row that is not a model round but an obvious alternative routed beside the
    /// rounds: `all-in` (every flow that may go through a hub sent to its best hub).
    public var candidate: String?
}

/// Why the consolidation rounds ended.
public enum ConsolidationStop: String, Sendable, Codable {
    /// The model chose the same assignment as in the round before.
    case converged
    /// The model chose an assignment of an earlier (not the previous) round.
    case cycle
    /// Two rounds in a row were routed worse than the round before each, the first round worse
    /// than all direct where that plan may be reported (the estimates drift).
    case rising
    /// `consolidation_iterations` rounds were made.
    case iterationLimit = "iteration-limit"
    /// The plan's time budget ran out.
    case timeLimit = "time-limit"
    /// The model had no solution.
    case noSolution = "no-solution"
    /// The run was interrupted (Ctrl-C).
    case interrupted
}

/// The parts of a saving from bundling: positive numbers save, negative ones cost.
public struct SavingParts: Sendable, Codable, Equatable {
    public var directAvoided: Metrics
    public var hubStops: Metrics
    public var trunk: Metrics
    public var handling: Metrics
    public var hubFixed: Metrics

    public init(directAvoided: Metrics, hubStops: Metrics, trunk: Metrics, handling: Metrics, hubFixed: Metrics) {
        self.directAvoided = directAvoided
        self.hubStops = hubStops
        self.trunk = trunk
        self.handling = handling
        self.hubFixed = hubFixed
    }
}

/// A supplier's or a product group's place in the ranking of what bundling saves.
public struct BundlingRanking: Sendable, Codable, Equatable {
    public var rank: Int
    /// The supplier id, or the product group.
    public var id: String
    public var productGroup: String
    /// Suppliers in the group (1 for a supplier).
    public var suppliers: Int
    public var flows: Int
    public var flowsViaHub: Int
    /// The hub its flows go through, or would go through best.
    public var hub: String?
    /// What bundling its flows saves per week in the objective's unit (for a group that stays
    /// direct: what bundling all its eligible flows would save; negative: cost).
    public var saving: Double
    public var savingMetrics: Metrics
    /// What bundling it saves on the routes (objective unit per week): the reported plan routed
    /// again with this supplier switched, against the reported plan; for the top of the ranking
    /// and the close decisions only (``RoutedExplanations``), nil for the others and for groups.
    public var routedSaving: Double?
}

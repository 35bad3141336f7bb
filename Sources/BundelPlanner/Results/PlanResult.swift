import BundelLP

/// What the consolidation model decided.
public struct ConsolidationOutcome: Sendable {
    /// Solver status (optimal, feasible, infeasible, ...).
    public var status: SolveStatus
    /// The model's optimum: estimated weekly value of the bundled plan in the objective's unit.
    public var objective: Double?
    /// What the objective measures.
    public var objectiveKind: Objective
    /// The same estimate for delivering everything directly (the model's constant term).
    public var directEstimate: Double
    /// Hub per bundled flow index.
    public var viaHub: [Int: String]
    public var flowsViaHub: Int { viaHub.count }
    public var flowsDirect: Int
    /// Flows of suppliers forced in that no hub can serve (they stay direct).
    public var forcedButImpossible: [Int]
    /// The model itself, for `--write-lp`.
    public var model: LinearModel
}

/// Everything a plan run produces: both weekly plans, the decision, and how the run went.
public struct PlanResult: Sendable {
    public var scenario: Scenario
    /// Every supplier delivers its own flows from its depot.
    public var baseline: WeeklyPlan
    /// Flows chosen by the model go through hubs; the rest stay direct.
    public var bundled: WeeklyPlan
    public var consolidation: ConsolidationOutcome
    /// Routing problems solved, and their improvement iterations.
    public var routingProblems: Int
    public var routingIterations: Int
    /// Whether any routing search or the MIP ran into its time limit.
    public var hitTimeLimit: Bool
    public var seconds: Double

    /// Baseline minus bundled, from the rounded totals so that the three always agree.
    public var savings: PlanTotals { baseline.totals.rounded().minus(bundled.totals.rounded()) }
}

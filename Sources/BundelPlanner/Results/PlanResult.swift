import BundelLP

/// Everything a plan run produces: both weekly plans, the decision, and how the run went.
public struct PlanResult: Sendable {
    public var scenario: Scenario
    /// Every supplier delivers its own flows from its depot.
    public var baseline: WeeklyPlan
    /// Flows chosen by the model go through hubs; the rest stay direct.
    public var bundled: WeeklyPlan
    public var consolidation: ConsolidationOutcome
    /// For reference only, never the baseline: the kilometres a week if every delivery of the
    /// baseline were its own round trip from the supplier's depot (the pessimistic "one trip per
    /// order" count that public figures often use).
    public var oneTripPerDeliveryKm: Double = 0
    /// How the baseline's delivery days were chosen (`baseline_days`), and what it moved.
    public var baselineDays = BaselineDaysSummary(policy: .cheapest)
    /// Routing problems solved, and their improvement iterations.
    public var routingProblems: Int
    public var routingIterations: Int
    /// Routing problems met again in the run (the same deliveries of the same operator on the
    /// same day, in another round, candidate or switch) and given the routes found before.
    public var routingProblemsReused = 0
    /// Whether any routing search or the MIP ran into its time limit.
    public var hitTimeLimit: Bool
    /// The parts of the run the time limit cut short: "routing", "consolidation model".
    public var timeLimited: [String] = []
    /// Whether Ctrl-C cut the run short: the plan is complete and valid, its searches shorter.
    public var interrupted = false
    /// Wall-clock seconds of planning, from the planner's start to its end.
    public var seconds: Double
    /// Seconds between the command's start and the planner's (reading the scenario, the
    /// network and their files), which the time limit covers too; 0 when the caller did not
    /// say when it began.
    public var readingSeconds = 0.0
    /// Whether reading and planning together ran past the scenario's time limit: a stage past
    /// its deadline still makes a first solution of every routing problem it needs and solves
    /// its model once, and a network can need more than the limit for that.
    public var ranPastTimeLimit: Bool { readingSeconds + seconds > scenario.timeLimitSeconds }
    /// Where those seconds went, stage by stage.
    public var stages = PlanStageTimes()
    /// Proven lower bounds on both plans' routing and the saving they certify, when asked for
    /// (``PlanBounds/compute(baseline:bundled:secondsPerProblem:totalSeconds:)``).
    public var bounds: PlanBounds?

    /// Baseline minus bundled, from the rounded totals so that the three always agree.
    public var savings: PlanTotals { baseline.totals.rounded().minus(bundled.totals.rounded()) }
}

/// Where a plan's wall-clock time went, stage by stage, so that a run that needed more time
/// than it had shows which stage took it (the summary's "time by stage" line, JSON
/// `run.stages`). The proven bounds, computed after the plan, report their own seconds.
public struct PlanStageTimes: Sendable, Equatable, Codable {
    /// Building the travel matrix (or reading it).
    public var matrixSeconds = 0.0
    /// Choosing the baseline's delivery days and routing the baseline.
    public var baselineSeconds = 0.0
    /// The pilot hub plans that give the first hub estimates, and each round's update of the
    /// estimates from its routes.
    public var estimatesSeconds = 0.0
    /// Every solve of the consolidation model: the rounds', the all-in candidates' and the
    /// hub choices' (GLPK).
    public var modelSeconds = 0.0
    /// Routing the rounds' choices (and again where a counted hub fleet fell short).
    public var roundRoutingSeconds = 0.0
    /// Routing the all-in candidates and the improvement step's switches beside the rounds.
    public var alternativesSeconds = 0.0
    /// Each flow's, supplier's and product group's saving, and routing the plans the routed
    /// explanations ask about.
    public var explanationSeconds = 0.0

    public init() {}

    /// The stages in the order they run, with their names as the summary prints them.
    public var named: [(stage: String, seconds: Double)] {
        [
            ("travel matrix", matrixSeconds), ("baseline", baselineSeconds), ("estimates", estimatesSeconds),
            ("consolidation model", modelSeconds), ("routing the rounds", roundRoutingSeconds),
            ("candidates and switches", alternativesSeconds), ("routed explanations", explanationSeconds),
        ]
    }
}

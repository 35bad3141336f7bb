/// A candidate hub: whether the model opened it, and what the choice is worth, as facts that the
/// reports put in words.
public struct HubChoice: Sendable, Equatable {
    public var hub: String
    public var open: Bool
    public var flows: Int
    /// The model's optimum with this hub's choice reversed (closed when opened, forced open
    /// when not), nil when that model has no solution.
    public var objectiveIfReversed: Double?
    /// The routed counterpart: the routed value with this hub's choice reversed minus the
    /// reported plan's (positive: reversing costs more), nil when not routed.
    public var routedIfReversed: Double?
    /// For a hub not opened, the flows that the plan ``routedIfReversed`` comes from (the best
    /// routed plan that used the hub) sends through hubs; nil for an opened hub, whose reversal
    /// is the reported plan routed with its flows direct, and when not routed.
    public var routedIfReversedFlows: Int?
    /// What the model's estimates say of the choice.
    public var verdict: Verdict
    /// Whether the reported plan is the model's own optimum. A candidate or a switch reported
    /// for its routes may be beaten by the model's estimates, which its routes then overrule.
    public var chosenByModel: Bool
    /// What the objective weighs: the amounts are in its unit.
    public var objectiveKind: ObjectiveWeights

    /// What the model's estimates say of a hub's choice, from the model solved again with the
    /// choice reversed.
    public enum Verdict: Sendable, Equatable {
        /// Reversing the choice costs `by` more a week by the estimates (within 1e-6 of nothing
        /// counts as more): they confirm the choice.
        case reversalCostsMore(by: Double, Reversal)
        /// Reversing the choice would save `by` a week by the estimates: the solver stopped
        /// early (``HubChoice/chosenByModel``), or the reported plan's routes overrule them.
        case reversalSaves(by: Double, Reversal)
        /// With the choice reversed the model has no solution (forced flows or capacity), or
        /// the reported plan has no optimum to compare with.
        case reversalHasNoSolution
        /// No hub opens because every routed plan with flows through a hub cost more than
        /// delivering all direct.
        case allDirectBetter(AllDirectComparison)
    }

    /// Where the flows go in the model's solution with a hub's choice reversed.
    public enum Reversal: Sendable, Equatable {
        /// The opened hub closed: of its flows, `toOtherHubs` go through other hubs and `direct`
        /// direct.
        case closed(toOtherHubs: Int, direct: Int)
        /// The hub forced open: it takes `taking` flows (0: none is cheaper through it, even
        /// before its fixed cost).
        case opened(taking: Int)
    }
}

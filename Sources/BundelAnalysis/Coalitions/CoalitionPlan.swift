import BundelPlanner

/// One coalition's validated plan as the analysis uses it: its members, both plans' weekly
/// figures, and its value, the saving against its members each delivering directly alone.
public struct CoalitionPlan: Sendable, Equatable {
    /// The members, as a bit set of organisation positions.
    public var coalition: UInt64
    /// Direct delivery of the coalition's flows together: a supplier of several members
    /// combines their deliveries.
    public var baseline: CoalitionFigures
    /// The coalition's bundled plan with the shared hub candidates.
    public var bundled: CoalitionFigures
    /// Stops at sites a week in the baseline (for the division in proportion to stops).
    public var baselineStops: Int
    /// The hubs its bundled plan opens (the verdict's: hubs with flows through them).
    public var hubsOpened: [String]
    /// Whether a time limit cut a search of the plan short (the plan is then still valid, but
    /// another run may differ).
    public var hitTimeLimit: Bool

    public init(
        coalition: UInt64, baseline: CoalitionFigures, bundled: CoalitionFigures, baselineStops: Int = 0,
        hubsOpened: [String] = [], hitTimeLimit: Bool = false
    ) {
        self.coalition = coalition
        self.baselineStops = baselineStops
        self.baseline = baseline
        self.bundled = bundled
        self.hubsOpened = hubsOpened
        self.hitTimeLimit = hitTimeLimit
    }

    /// The facts of a validated plan of the coalition `coalition`.
    public init(coalition: UInt64, plan: ValidatedPlan) {
        let result = plan.result
        self.init(
            coalition: coalition, baseline: CoalitionFigures(result.baseline.totals),
            bundled: CoalitionFigures(result.bundled.totals), baselineStops: result.baseline.totals.stops,
            hubsOpened: result.verdict.openHubs.map(\.id),
            hitTimeLimit: result.hitTimeLimit)
    }
}

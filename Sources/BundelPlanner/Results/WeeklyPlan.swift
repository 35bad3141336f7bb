/// A week of routes (direct, or bundled through hubs) with what it costs and emits.
public struct WeeklyPlan: Sendable, Codable {
    public var routes: [PlannedRoute]
    public var unserved: [UnservedDelivery]
    /// Fixed weekly cost of the hubs in use.
    public var hubFixedCostEur: Double
    /// Cross-docking cost of the bundled volume.
    public var hubHandlingCostEur: Double
    /// Cost of goods held in hub storage beyond the cross-dock's own lag.
    public var hubStorageCostEur: Double = 0
    /// Energy and emissions of handling at hubs, per hub and day.
    public var hubOperations: [HubOperation] = []
    /// The three hub costs above hub by hub, for the hubs in use (their sums are the fields).
    public var hubCosts: [HubCost] = []
    /// The routing problems behind the routes, in the order they were solved; kept only when
    /// the plan was asked to (``Planner/plan(_:progress:stop:keepingProblems:)``), and not
    /// part of the plan's JSON.
    public var dayProblems: [DayProblem] = []

    enum CodingKeys: String, CodingKey {
        case routes, unserved, hubFixedCostEur, hubHandlingCostEur, hubStorageCostEur, hubOperations, hubCosts
    }

    /// The headline figures.
    public var totals: PlanTotals {
        PlanTotals(
            routes: routes, hubOperations: hubOperations,
            extraCostEur: hubFixedCostEur + hubHandlingCostEur + hubStorageCostEur,
            unserved: unserved.count)
    }

    /// Totals of the routes of one kind only (direct, trunk or hub tours).
    public func totals(of kind: RouteKind) -> PlanTotals {
        PlanTotals(routes: routes.filter { $0.kind == kind })
    }
}

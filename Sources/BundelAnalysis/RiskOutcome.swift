import BundelPlanner

/// What one plan of a risk analysis came to: its savings against its own direct baseline and
/// its decision. Each plan is planned afresh, so the hubs opened may differ from the point
/// estimate's: that is part of the risk.
public struct RiskOutcome: Sendable, Equatable, Codable {
    /// Baseline minus bundled plan per week: vehicle-km, EUR and kg CO2e well-to-wheel (the
    /// plan's rounded savings, as `bundel plan` reports them).
    public var savedKm: Double
    public var savedCostEur: Double
    public var savedCo2eWtwKg: Double
    /// The hubs the plan opened, by id.
    public var hubsOpened: [String]
    public var flowsViaHub: Int
    /// Deliveries a week the bundled plan leaves unserved: a saving bought by leaving
    /// deliveries out is none, so outputs warn about it.
    public var unservedDeliveries: Int
    /// The margin of the decision about the hubs, per week in the objective's unit (EUR for
    /// a cost objective): where the plan opens a hub, by how much it beats direct delivery
    /// (positive); where it keeps every flow direct, by how much the best routed plan through
    /// a hub fell behind (negative); nil where no plan through a hub was routed. The savings
    /// of a plan that opens no hub are all 0, whatever the inputs; this says how near it was.
    public var hubMargin: Double?
    /// Whether a search of the plan was cut short by its time limit (the plan may then differ
    /// from run to run).
    public var hitTimeLimit: Bool

    public init(_ result: PlanResult) {
        let savings = result.savings
        savedKm = savings.vehicleKm
        savedCostEur = savings.costEur
        savedCo2eWtwKg = savings.co2eWtwKg
        // The verdict's hubs: what every output of the plan reports as opened.
        let verdict = result.verdict
        hubsOpened = verdict.openHubs.map(\.id)
        flowsViaHub = result.consolidation.flowsViaHub
        unservedDeliveries = result.bundled.totals.unservedDeliveries
        hitTimeLimit = result.hitTimeLimit
        let objective = result.scenario.objective
        if !hubsOpened.isEmpty {
            hubMargin = PlanTotals.rounded(
                objective.value(of: result.baseline.totals.rounded())
                    - objective.value(of: result.bundled.totals.rounded()))
        } else {
            hubMargin = verdict.bestHubPlanBehindPerYear.map { PlanTotals.rounded(-$0 / verdict.weeksPerYear) }
        }
    }
}

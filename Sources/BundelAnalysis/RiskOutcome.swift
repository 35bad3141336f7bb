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
    /// Whether a search of the plan was cut short by its time limit (the plan may then differ
    /// from run to run).
    public var hitTimeLimit: Bool

    public init(_ result: PlanResult) {
        let savings = result.savings
        savedKm = savings.vehicleKm
        savedCostEur = savings.costEur
        savedCo2eWtwKg = savings.co2eWtwKg
        hubsOpened = result.consolidation.hubs.filter(\.open).map(\.hub)
        flowsViaHub = result.consolidation.flowsViaHub
        unservedDeliveries = result.bundled.totals.unservedDeliveries
        hitTimeLimit = result.hitTimeLimit
    }
}

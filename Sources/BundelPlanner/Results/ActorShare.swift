/// Who carries a share of a plan's cost and emissions.
public enum ActorRole: String, Sendable, Codable, CaseIterable {
    /// A supplier: its direct routes, and in the bundled plan its trunk legs to the hubs.
    case supplier
    /// Whoever runs a hub: its fee, handling, storage, hub tours and handling energy. Who pays
    /// the hub operator (the receiving organisation, the suppliers through a handling price,
    /// a city) is a contract question the plan does not answer; the line shows what it costs.
    case hubOperator = "hub-operator"
}

/// One actor's business case: what it drives, pays and emits a week in the baseline and in
/// the bundled plan. Every route belongs to the actor that operates it, every hub cost and hub
/// operation to its hub, so the actors' figures add up to the plans' totals.
///
/// The receiving organisation has no line of its own: no route or hub cost of the plan is
/// its by the data (suppliers deliver at their own cost, a hub is its own operator). Where it
/// runs or pays the hub, the hub operator's line is its own.
public struct ActorShare: Sendable, Equatable {
    /// Supplier or hub id.
    public var actor: String
    public var name: String
    public var role: ActorRole
    public var baseline: PlanTotals
    public var bundled: PlanTotals

    /// Baseline minus bundled, from the rounded figures as the plan's savings are.
    public var saving: PlanTotals { baseline.rounded().minus(bundled.rounded()) }
}

extension PlanResult {
    /// Every supplier and hub with a route, hub cost or unserved delivery in either plan:
    /// suppliers in the network's order, then hubs in the scenario's.
    public var actors: [ActorShare] {
        let network = scenario.network
        let candidates =
            network.suppliers.map { ($0.id, $0.name, ActorRole.supplier) }
            + scenario.hubs.map { ($0, network.hub($0)?.name ?? $0, ActorRole.hubOperator) }
        return candidates.compactMap { id, name, role in
            let baseline = Self.share(of: id, in: self.baseline), bundled = Self.share(of: id, in: self.bundled)
            guard baseline != PlanTotals() || bundled != PlanTotals() else { return nil }
            return ActorShare(actor: id, name: name, role: role, baseline: baseline, bundled: bundled)
        }
    }

    /// The part of `plan` that `actor` operates or pays: its routes, its hub operations and
    /// hub costs (a supplier has neither), its unserved deliveries.
    private static func share(of actor: String, in plan: WeeklyPlan) -> PlanTotals {
        PlanTotals(
            routes: plan.routes.filter { $0.operatedBy == actor },
            hubOperations: plan.hubOperations.filter { $0.hub == actor },
            extraCostEur: plan.hubCosts.filter { $0.hub == actor }.map(\.totalEur).reduce(0, +),
            unserved: plan.unserved.filter { $0.operatedBy == actor }.count)
    }
}

import Synchronization

/// The outcomes of the day problems a run has routed, by problem.
///
/// A run routes the same day problem many times over: the baseline's supplier-days again in
/// every round, candidate and switch that keeps those suppliers direct, and a hub's days that a
/// switched supplier does not deliver on. The engine is deterministic for a problem and seed,
/// so the earlier outcome is the outcome a new search would find (unless a deadline cut that
/// search short; the plan then keeps the routes it already had, which keeps the candidates
/// comparable), at none of the cost.
final class DayRouteCache: Sendable {
    /// Everything that defines a day problem for ``DayRouter``: the operator, its depot and
    /// fleet, the day, the earliest departure, how the fleet is paid, and the deliveries.
    struct Key: Hashable, Sendable {
        struct Stop: Hashable, Sendable {
            var site: String
            var deliveries: [FlowDelivery]
        }

        var operatedBy: String
        var depot: String
        var kind: RouteKind
        var day: Int
        var fleet: [String]
        var counts: [String: Int]
        var notBefore: Int?
        var costBasis: FleetCostBasis
        var stops: [Stop]
    }

    private let outcomes = Mutex<[Key: DayRouter.Outcome]>([:])

    /// The outcome routed earlier for `key`, marked as reused.
    func outcome(for key: Key) -> DayRouter.Outcome? {
        outcomes.withLock { $0[key] }.map { outcome in
            var reused = outcome
            reused.reused = true
            return reused
        }
    }

    func store(_ outcome: DayRouter.Outcome, for key: Key) {
        outcomes.withLock { $0[key] = outcome }
    }
}

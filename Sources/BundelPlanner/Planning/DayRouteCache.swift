import Dispatch
import Synchronization

/// The outcomes of the day problems a run has routed, by problem.
///
/// A run routes the same day problem many times over: the baseline's supplier-days again in
/// every round, candidate and switch that keeps those suppliers direct, and a hub's days that a
/// switched supplier does not deliver on. The engine is deterministic for a problem and seed,
/// so the earlier outcome is the outcome a new search would find (unless a deadline cut that
/// search short; the plan then keeps the routes it already had, which keeps the candidates
/// comparable), at none of the cost.
///
/// Plans routed side by side (``Planner/bundledPlans(_:directDays:scenario:context:deadline:statistics:)``)
/// may meet a problem at the same moment: the second caller then waits for the first one's
/// search instead of repeating it, so that every problem is searched once and a run's counts of
/// searched and reused problems do not depend on how the threads interleave.
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

    /// A search under way: its outcome once `finished` has been signalled.
    private final class Search: Sendable {
        let finished = DispatchGroup()
        let outcome = Mutex<DayRouter.Outcome?>(nil)
    }

    private enum Entry: Sendable {
        case searching(Search)
        case routed(DayRouter.Outcome)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The outcome of the problem `key`: the one routed earlier (or by a search under way on
    /// another thread), marked as reused, or else the one `search` finds now. An outcome that
    /// `keep` refuses (a search a stop request cut short) is handed to the callers waiting for
    /// it but not kept for later ones.
    func outcome(
        for key: Key, search: () -> DayRouter.Outcome, keep: (DayRouter.Outcome) -> Bool
    ) -> DayRouter.Outcome {
        enum Found {
            case earlier(DayRouter.Outcome)
            case awaited(Search)
            case mine(Search)
        }
        let found = entries.withLock { entries -> Found in
            switch entries[key] {
            case .routed(let outcome): return .earlier(outcome)
            case .searching(let running): return .awaited(running)
            case nil:
                let mine = Search()
                mine.finished.enter()
                entries[key] = .searching(mine)
                return .mine(mine)
            }
        }
        switch found {
        case .earlier(let outcome):
            return Self.reused(outcome)
        case .awaited(let running):
            running.finished.wait()
            return Self.reused(running.outcome.withLock { $0! })
        case .mine(let mine):
            let outcome = search()
            let kept = keep(outcome)
            entries.withLock { entries in entries[key] = kept ? .routed(outcome) : nil }
            mine.outcome.withLock { $0 = outcome }
            mine.finished.leave()
            return outcome
        }
    }

    private static func reused(_ outcome: DayRouter.Outcome) -> DayRouter.Outcome {
        var reused = outcome
        reused.reused = true
        return reused
    }
}

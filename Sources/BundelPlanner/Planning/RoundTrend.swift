/// Whether the consolidation rounds' routes drift: each round's routed key (fewest unserved
/// deliveries first, then a CO2e cap's excess, then the objective) against the key of the round
/// before it, the first round's against the plan the rounds start from (all direct) when it
/// is given. Rounds whose routes get worse round after round are estimates moving away from
/// the routes, not a choice converging, and the rounds stop (``ConsolidationStop/rising``).
struct RoundTrend {
    /// Rounds in a row routed worse than the round before each, after which the rounds stop.
    let limit: Int
    private var previous: (Int, Double, Double)?
    private var rising = 0

    /// A trend whose first round is compared with `start`'s key (the routed all-direct plan),
    /// or with nothing.
    init(limit: Int, startingFrom start: (Int, Double, Double)? = nil) {
        self.limit = limit
        previous = start
    }

    /// Records the next round's routed key; returns whether the rounds should stop.
    mutating func record(_ key: (Int, Double, Double)) -> Bool {
        rising = previous.map { key > $0 ? rising + 1 : 0 } ?? 0
        previous = key
        return rising >= limit
    }
}

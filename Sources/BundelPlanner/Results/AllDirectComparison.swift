/// Why delivering every flow direct was reported (``ConsolidationOutcome/allDirectReported``):
/// the best routed plan with flows through a hub against the all-direct plan's routes, both by
/// the objective, per week. Every hub and flow of that outcome carries it as its reason.
public struct AllDirectComparison: Sendable, Equatable {
    /// The row of ``ConsolidationOutcome/rounds`` whose routed plan was the best with flows
    /// through a hub.
    public var bestRound: Int
    /// That plan's routed value.
    public var bestRouted: Double
    /// The all-direct plan's routed value (the baseline's routes).
    public var allDirectRouted: Double

    public init(bestRound: Int, bestRouted: Double, allDirectRouted: Double) {
        self.bestRound = bestRound
        self.bestRouted = bestRouted
        self.allDirectRouted = allDirectRouted
    }
}

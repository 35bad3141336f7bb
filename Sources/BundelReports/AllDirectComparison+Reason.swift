import BundelPlanner

extension AllDirectComparison {
    /// Why all direct was reported, in words: the clause that every hub's and every flow's
    /// reason of such a plan gives, with the routed values in `unit` (the objective's).
    public func reason(unit: String) -> String {
        "every routed plan with flows through a hub cost more than delivering all direct (best: round \(bestRound), \(NumberFormat.grouped(bestRouted, decimals: 0)) against \(NumberFormat.grouped(allDirectRouted, decimals: 0)) \(unit)/week)"
    }
}

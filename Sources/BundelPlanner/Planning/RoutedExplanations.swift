/// Explanations the routes confirm: what switching a supplier, or a hub, changes in the routed
/// plan rather than in the model's estimates.
///
/// The model's per-flow and per-supplier savings are marginal estimates: each assumes every
/// other flow stays as it is, and they do not add up to the routed saving (the campus ranking's
/// savings summed to twice the routed figure). For the suppliers a board asks about first (the
/// top of the ranking, and every supplier whose estimated saving is close to zero) the plan is
/// routed again with that supplier switched, and the difference is reported beside the estimate.
struct RoutedExplanations {
    /// Suppliers of the ranking that get a routed saving, at least.
    static let rankedSuppliers = 10
    /// A supplier's decision is close when its estimated saving is within this share of the
    /// reported plan's routed value: the estimate's error is easily larger.
    static let closeShare = 0.01
    /// Close decisions routed at most, nearest zero first: in a large network every supplier
    /// is a small share of the plan, so all of them are close (the 150 suppliers of a 4,000-site
    /// network each within 1 % of it), and each costs a routed plan.
    static let closeSuppliers = 20

    let scenario: Scenario
    /// The reported assignment and its routed value (objective unit).
    let reported: [Int: String]
    let reportedValue: Double

    /// The suppliers to route switched: the top of the ranking and the close decisions, free to
    /// join or leave (a supplier forced in or out cannot be switched).
    func suppliersToRoute(_ ranking: [BundlingRanking]) -> [String] {
        let free = ranking.filter { scenario.participation(ofSupplier: $0.id) == .free }
        let top = free.sorted { $0.rank < $1.rank }.prefix(Self.rankedSuppliers).map(\.id)
        let close = free.filter { abs($0.saving) <= Self.closeShare * abs(reportedValue) }
            .sorted { (abs($0.saving), $0.id) < (abs($1.saving), $1.id) }.prefix(Self.closeSuppliers).map(\.id)
        var seen = Set<String>()
        return (top + close).filter { seen.insert($0).inserted }
    }

    /// The reported assignment with `supplier` switched: its flows direct when any goes through
    /// a hub, else each eligible flow through its best hub (nil when none can).
    func switched(_ supplier: String, bestHub: [Int: String]) -> [Int: String]? {
        var trial = reported
        let own = scenario.network.flows.filter { $0.supplier == supplier }
        let bundled = own.contains { reported[$0.index] != nil }
        for flow in own { trial[flow.index] = bundled ? nil : bestHub[flow.index] }
        return trial == reported ? nil : trial
    }

    /// What bundling `supplier` saves on the routes: the routed value without its flows in the
    /// hub minus the value with them (negative: bundling it costs more).
    func routedSaving(of supplier: String, switchedValue: Double) -> Double {
        let bundled = scenario.network.flows.contains { $0.supplier == supplier && reported[$0.index] != nil }
        return bundled ? switchedValue - reportedValue : reportedValue - switchedValue
    }

    /// Each hub's routed counterpart of the model's "opening or closing it would cost": for an
    /// open hub, the plan routed with its flows direct (`flowsViaHub` nil); for a closed one,
    /// the best routed plan that used it (a round, a candidate or a switch), with the number of
    /// flows it sends through hubs. The difference to the reported plan.
    func hubDifference(
        _ hub: String, routed known: [[Int: String]: Double], route: ([Int: String]) -> Double?
    ) -> (value: Double, flowsViaHub: Int?)? {
        if reported.values.contains(hub) {
            let closed = reported.filter { $0.value != hub }
            guard let value = known[closed] ?? route(closed) else { return nil }
            return (value - reportedValue, nil)
        }
        let using = known.filter { $0.key.values.contains(hub) }
        guard let best = using.min(by: { ($0.value, $0.key.count) < ($1.value, $1.key.count) }) else { return nil }
        return (best.value - reportedValue, best.key.count)
    }
}

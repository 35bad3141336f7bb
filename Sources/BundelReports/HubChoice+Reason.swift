import BundelPlanner

extension HubChoice {
    /// Why the hub is opened or not, in words, for the summary, hubs.csv, the report and the
    /// JSON: the model's verdict, then what the routes say when the reversal was routed.
    public var reason: String {
        guard let routed = routedIfReversed else { return decision }
        let change = open ? "closing it" : "opening it"
        let how =
            routedIfReversedFlows.map { "the best routed plan through it, \($0) flows" }
            ?? "routed with its flows direct"
        return decision + "; by the routes, \(change) costs \(amount(routed)) \(routed >= 0 ? "more" : "less") (\(how))"
    }

    /// The model's verdict in words.
    private var decision: String {
        switch verdict {
        case .reversalCostsMore(let by, .closed(let toOtherHubs, let direct)):
            return
                "opened for \(flows) flows: \(closed(toOtherHubs: toOtherHubs, direct: direct)), costing \(amount(by)) more"
        case .reversalSaves(let by, .closed(let toOtherHubs, let direct)):
            return
                "opened for \(flows) flows, although \(closed(toOtherHubs: toOtherHubs, direct: direct)) and save \(amount(by)) \(overruled)"
        case .reversalCostsMore(let by, .opened(let taking)):
            return "not opened: \(use(taking: taking)); opening it would cost \(amount(by)) more"
        case .reversalSaves(let by, .opened(let taking)):
            return "not opened, although \(use(taking: taking)) and save \(amount(by)) \(overruled)"
        case .reversalHasNoSolution:
            return open
                ? "opened for \(flows) flows: without it the model has no solution (forced flows or capacity)"
                : "not opened: the model has no solution with it open"
        case .allDirectBetter(let comparison):
            return "not opened: \(comparison.reason(unit: objectiveKind.unit))"
        }
    }

    private func closed(toOtherHubs: Int, direct: Int) -> String {
        "closed, its flows would go \(toOtherHubs) to other hubs and \(direct) direct"
    }

    private func use(taking: Int) -> String {
        taking == 0
            ? "no flow is cheaper through it, even before its fixed cost" : "its best use would take \(taking) flows"
    }

    /// Why the model's estimates can prefer the reversal: its solve stopped early, or the plan
    /// is not the model's choice but one whose routes beat it.
    private var overruled: String {
        chosenByModel
            ? "(the solver stopped early)" : "by the model's estimates, which the reported plan's routes overrule"
    }

    /// A weekly amount in the objective's unit, without its sign (the sentence says more or less).
    private func amount(_ value: Double) -> String {
        "\(NumberFormat.grouped(abs(value), decimals: 0)) \(objectiveKind.unit)/week"
    }
}

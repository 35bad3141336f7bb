import BundelPlanner

/// The consolidation decision as tables `bundel plan --out DIR` writes: every flow's choice with
/// its reason and marginal saving (that flow alone switched, the others as decided), largest
/// first; the supplier and product-group rankings ("which
/// purchasing flows to bundle first"); the rounds of solve, route and re-estimate; the hubs.
public enum DecisionReport {
    /// File name → content, rendered completely before anything is written.
    public static func files(_ result: PlanResult) -> [(name: String, content: String)] {
        let outcome = result.consolidation
        // Marginal in the headers: a flow's saving assumes every other flow stays where it is,
        // so the flows' savings do not add up to the plan's.
        var flows = CSVWriter(
            header: ["rank", "flow", "supplier", "site", "decision", "hub", "marginal_saving"]
                + metricsHeader.map { "marginal_" + $0 }
                + ["direct_avoided", "hub_stops", "trunk", "handling", "hub_fixed", "reason"])
        // Largest saving first, the flows that cannot be bundled last: the order to bundle in.
        let ranked = outcome.flows.sorted { ($0.rank ?? Int.max, $0.flow) < ($1.rank ?? Int.max, $1.flow) }
        for explanation in ranked {
            let objective = outcome.objectiveKind
            let parts =
                explanation.parts.map { parts in
                    [parts.directAvoided, parts.hubStops, parts.trunk, parts.handling, parts.hubFixed].map {
                        NumberFormat.fixed($0.value(objective))
                    }
                } ?? Array(repeating: "", count: 5)
            flows.add(
                [
                    explanation.rank.map(String.init) ?? "", String(explanation.flow), explanation.supplier,
                    explanation.site, explanation.viaHub == nil ? "direct" : "hub",
                    explanation.viaHub ?? explanation.bestHub ?? "", explanation.saving.map(NumberFormat.fixed) ?? "",
                ]
                    + metrics(explanation.savingMetrics) + parts + [explanation.reason])
        }

        var rounds = CSVWriter(header: [
            "round", "status", "model_objective", "routed_objective", "flows_via_hub", "flows_changed",
            "unserved_deliveries", "reported", "flows_moved_direct",
        ])
        for round in outcome.rounds {
            rounds.add([
                String(round.number), round.status, round.modelObjective.map(NumberFormat.fixed) ?? "",
                round.routedObjective.map(NumberFormat.fixed) ?? "", String(round.flowsViaHub),
                String(round.flowsChanged),
                String(round.unservedDeliveries), round.number == outcome.chosenRound ? "yes" : "no",
                String(round.flowsMovedDirect),
            ])
        }

        var hubs = CSVWriter(header: ["hub", "open", "flows", "objective", "objective_if_reversed", "reason"])
        for hub in outcome.hubs {
            hubs.add([
                hub.hub, hub.open ? "yes" : "no", String(hub.flows), outcome.objective.map(NumberFormat.fixed) ?? "",
                hub.objectiveIfReversed.map(NumberFormat.fixed) ?? "", hub.reason,
            ])
        }
        return [
            ("decisions.csv", flows.text), ("supplier-ranking.csv", ranking(outcome.suppliers)),
            ("product-group-ranking.csv", ranking(outcome.productGroups)), ("rounds.csv", rounds.text),
            ("hubs.csv", hubs.text),
        ]
    }

    /// A ranking of suppliers or product groups, best first.
    private static func ranking(_ entries: [BundlingRanking]) -> String {
        var writer = CSVWriter(
            header: ["rank", "id", "product_group", "suppliers", "flows", "flows_via_hub", "hub", "saving"]
                + metricsHeader
                + ["routed_saving"])
        for entry in entries {
            writer.add(
                [
                    String(entry.rank), entry.id, entry.productGroup, String(entry.suppliers), String(entry.flows),
                    String(entry.flowsViaHub), entry.hub ?? "", NumberFormat.fixed(entry.saving),
                ] + metrics(entry.savingMetrics)
                    + [entry.routedSaving.map(NumberFormat.fixed) ?? ""])
        }
        return writer.text
    }

    private static let metricsHeader = ["saving_cost_eur", "saving_km", "saving_co2e_wtw_kg"]

    private static func metrics(_ value: Metrics?) -> [String] {
        guard let value else { return ["", "", ""] }
        return [value.costEur, value.km, value.co2eWtwKg].map(NumberFormat.fixed)
    }
}

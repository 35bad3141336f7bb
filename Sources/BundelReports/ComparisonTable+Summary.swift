import BundelPlanner
import Foundation

extension ComparisonTable.Entry {
    /// The keys of a `bundel plan --json` summary that a comparison's entry needs, and no more:
    /// decoding the whole ``JSONSummary`` would tie a stored run to every detail of today's
    /// summary, while these keys are the stable part scripts read.
    private struct Stored: Decodable {
        struct Scenario: Decodable {
            var name: String
            var file: String
        }
        struct Verdict: Decodable {
            var flows: Int
        }
        struct Hub: Decodable {
            var hub: String
            var open: Bool
        }
        /// A round is only counted.
        struct Round: Decodable {}
        struct Consolidation: Decodable {
            var status: String
            var flowsViaHub: Int
            var rounds: [Round]
            var hubs: [Hub]
        }
        var scenario: Scenario
        var verdict: Verdict
        var baseline: PlanTotals
        var bundled: PlanTotals
        var savings: PlanTotals
        var consolidation: Consolidation
    }

    /// The entry of a run planned earlier, from the JSON summary `bundel plan --json` printed
    /// for it, shown under `label`: the same entry `bundel compare` makes when it plans the
    /// same scenario, since the summary holds the same rounded totals and decision.
    public init(summary data: Data, label: String) throws {
        let stored = try JSONDecoder().decode(Stored.self, from: data)
        self.label = label
        scenario = stored.scenario.name
        file = stored.scenario.file
        baseline = stored.baseline
        bundled = stored.bundled
        savings = stored.savings
        savingsPercent = Self.percent(baseline: stored.baseline, bundled: stored.bundled)
        flowsViaHub = stored.consolidation.flowsViaHub
        flows = stored.verdict.flows
        rounds = stored.consolidation.rounds.count
        hubsOpened = stored.consolidation.hubs.filter(\.open).map(\.hub)
        status = stored.consolidation.status
    }
}

import BundelReports
import Testing

@testable import BundelPlanner

/// A candidate hub's reason in words (``HubChoice/reason``, BundelReports) from the planner's
/// facts: every verdict, the routes' part, the objective's unit. The sentences are those the
/// summary, hubs.csv, the report and the JSON gave when the planner still wrote them.
@Suite("Hub choice reasons")
struct HubChoiceReasonTests {
    static func choice(
        open: Bool, flows: Int, _ verdict: HubChoice.Verdict, chosenByModel: Bool = true,
        routed: (value: Double, flowsViaHub: Int?)? = nil, objective: ObjectiveWeights = .cost
    ) -> HubChoice {
        HubChoice(
            hub: "hub", open: open, flows: flows, objectiveIfReversed: nil, routedIfReversed: routed?.value,
            routedIfReversedFlows: routed?.flowsViaHub, verdict: verdict, chosenByModel: chosenByModel,
            objectiveKind: objective)
    }

    @Test func openedAndClosingCostsMore() {
        let choice = Self.choice(
            open: true, flows: 12, .reversalCostsMore(by: 89.6, .closed(toOtherHubs: 0, direct: 12)),
            routed: (168.7, nil))
        #expect(
            choice.reason
                == "opened for 12 flows: closed, its flows would go 0 to other hubs and 12 direct, costing 90 EUR/week more; by the routes, closing it costs 169 EUR/week more (routed with its flows direct)"
        )
    }

    /// The model's own plan beaten by its reversal: only a solve stopped early does that.
    @Test func openedAlthoughClosingSavesTheSolverStoppedEarly() {
        let choice = Self.choice(
            open: true, flows: 5, .reversalSaves(by: 1234.4, .closed(toOtherHubs: 2, direct: 3)))
        #expect(
            choice.reason
                == "opened for 5 flows, although closed, its flows would go 2 to other hubs and 3 direct and save 1,234 EUR/week (the solver stopped early)"
        )
    }

    @Test func notOpenedAndOpeningCostsMore() {
        let choice = Self.choice(
            open: false, flows: 0, .reversalCostsMore(by: 1500, .opened(taking: 0)), routed: (2118.3, 1))
        #expect(
            choice.reason
                == "not opened: no flow is cheaper through it, even before its fixed cost; opening it would cost 1,500 EUR/week more; by the routes, opening it costs 2,118 EUR/week more (the best routed plan through it, 1 flows)"
        )
        let used = Self.choice(
            open: false, flows: 0, .reversalCostsMore(by: 41.6, .opened(taking: 3)), objective: .km)
        #expect(used.reason == "not opened: its best use would take 3 flows; opening it would cost 42 km/week more")
    }

    /// A plan reported for its routes (a candidate or a switch) that the estimates would change.
    @Test func notOpenedAlthoughOpeningSavesTheRoutesOverrule() {
        let choice = Self.choice(
            open: false, flows: 0, .reversalSaves(by: 18.2, .opened(taking: 0)), chosenByModel: false,
            routed: (593, 12))
        #expect(
            choice.reason
                == "not opened, although no flow is cheaper through it, even before its fixed cost and save 18 EUR/week by the model's estimates, which the reported plan's routes overrule; by the routes, opening it costs 593 EUR/week more (the best routed plan through it, 12 flows)"
        )
    }

    @Test func theReversalHasNoSolution() {
        #expect(
            Self.choice(open: true, flows: 6, .reversalHasNoSolution).reason
                == "opened for 6 flows: without it the model has no solution (forced flows or capacity)")
        #expect(
            Self.choice(open: false, flows: 0, .reversalHasNoSolution).reason
                == "not opened: the model has no solution with it open")
    }

    /// All direct reported; a reversal whose routes cost less says less, in the objective's unit.
    @Test func allDirectIsBetter() {
        let comparison = AllDirectComparison(bestRound: 3, bestRouted: 33_210.4, allDirectRouted: 33_141.2)
        let choice = Self.choice(
            open: false, flows: 0, .allDirectBetter(comparison), chosenByModel: false, routed: (-4.6, 2),
            objective: ObjectiveWeights(perEur: 1, perKgCO2e: 0.1))
        #expect(
            choice.reason
                == "not opened: every routed plan with flows through a hub cost more than delivering all direct (best: round 3, 33,210 against 33,141 points/week); by the routes, opening it costs 5 points/week less (the best routed plan through it, 2 flows)"
        )
    }
}

@testable import BundelPlanner
import Foundation
import Testing

/// The rounds of solve, route and re-estimate on the small network.
@Suite("Consolidation rounds")
struct ConsolidationRoundsTests {
    /// Runs the baseline and the pilot estimates, lets `distort` spoil the estimates, and runs
    /// the rounds from there.
    static func rounds(distort: (inout ConsolidationEstimates) -> Void) throws -> (Scenario, ConsolidationOutcome, WeeklyPlan) {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        scenario.consolidationIterations = 6
        let context = TravelContext(matrix: try TravelMatrix.forScenario(scenario), network: scenario.network, factors: scenario.emissionFactors)
        let directDays = DeliverySchedule.direct(scenario.network, dayCount: scenario.days.count)
        let budget = TimeBudget(total: 600, start: .now)
        var statistics = Planner.RunStatistics()
        let baseline = Planner.routeDirect(scenario.network.flows, days: directDays, scenario: scenario, context: context,
                                           deadline: budget.deadline(atFraction: 0.35), statistics: &statistics)
        var estimates = Planner.estimates(from: baseline, scenario: scenario, context: context,
                                          deadline: budget.deadline(atFraction: 0.55), statistics: &statistics)
        distort(&estimates)
        let (outcome, plan, _) = try Planner.consolidate(scenario, estimates: estimates, directDays: directDays, context: context,
                                                      budget: budget, statistics: &statistics)
        return (scenario, outcome, plan)
    }

    /// Hub stops priced at a hundredth of the pilot's estimate make the first round bundle
    /// everything (model 391 EUR against 1,010 routed); its routes show what hub stops really
    /// cost, and the rounds move flows back until the choice repeats (five rounds, the last
    /// model value equal to its routes). The plan kept is the best routed one, here the first:
    /// estimates per stop are averages, so the converged choice need not be the best plan,
    /// which is why every round's plan is measured.
    @Test func roundsConvergeWhenTheFirstEstimateIsWrong() throws {
        let (scenario, outcome, plan) = try Self.rounds { estimates in
            for hub in estimates.hubStop.keys { estimates.hubStop[hub] = estimates.hubStop[hub]!.mapValues { $0 * 0.01 } }
        }
        let rounds = outcome.rounds
        #expect(rounds.first?.flowsViaHub == scenario.network.flows.count, "the distorted estimates bundle every flow")
        #expect(outcome.stopReason == .converged)
        #expect(rounds.count >= 3)
        #expect(rounds.dropFirst().contains { $0.flowsChanged > 0 }, "a later round must change the choice")
        let first = try #require(rounds.first?.routedObjective)
        let chosen = try #require(rounds.first { $0.number == outcome.chosenRound }?.routedObjective)
        #expect(chosen <= first)
        // The last round re-estimated the choice it repeats: its model value is close to the
        // routes (trunk trips are continuous in the model and whole in the plan).
        let last = try #require(rounds.last), repeated = try #require(rounds.dropLast().last?.routedObjective)
        #expect(abs(try #require(last.modelObjective) - repeated) < 0.1 * repeated)
        #expect(abs(scenario.objective.value(of: plan.totals) - chosen) < 1e-6)
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(WeeklyPlanValidator.violations(of: plan, scenario: scenario, matrix: matrix, viaHub: outcome.viaHub) == [])
    }

    /// The reported round is the best routed one, and the rounds stop at the limit at the latest.
    @Test func theBestRoutedRoundIsReported() throws {
        let (scenario, outcome, _) = try Self.rounds { estimates in
            for flow in estimates.direct.indices { estimates.direct[flow] = estimates.direct[flow] * 0.2 }
        }
        let routed = outcome.rounds.compactMap(\.routedObjective)
        let chosen = try #require(outcome.rounds.first { $0.number == outcome.chosenRound }?.routedObjective)
        #expect(chosen == routed.min())
        #expect(outcome.rounds.count <= scenario.consolidationIterations)
        #expect(outcome.rounds.map(\.number) == Array(1...outcome.rounds.count))
    }

    /// A weighted objective (cost plus 0.5 EUR per kg CO2e) is the weighted sum of the plan's
    /// figures, and it bundles at least as much as cost alone (bundling saves CO2e here).
    @Test func weightedObjectiveWeighsCostAndCO2e() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: [("objective: cost", "objective: {cost: 1, co2e: 0.5}")])
        #expect(scenario.objective == ObjectiveWeights(perEur: 1, perKgCO2e: 0.5))
        #expect(scenario.objective.name == "weighted")
        let round = try #require(result.consolidation.rounds.first { $0.number == result.consolidation.chosenRound })
        let totals = result.bundled.totals
        #expect(abs(try #require(round.routedObjective) - (totals.costEur + 0.5 * totals.co2eWtwKg)) < 1e-6)
        let (_, costOnly) = try PlannerEndToEndTests.planSmall()
        #expect(result.consolidation.flowsViaHub >= costOnly.consolidation.flowsViaHub)
    }
}

import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// A flow's trunk estimate is what its volume adds to its supplier's trunk legs (issue 14).
@Suite("Trunk estimates")
struct TrunkEstimateTests {
    /// The small network with the far supplier's quantities doubled: 1,700 kg and 9 cages a
    /// week, more than its one-trip minimum carries (a van takes 1,000 kg and 6 cages), so a
    /// trunk trip counted by volume alone is a fraction above the minimum.
    static func heavyFar() throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        for index in scenario.network.flows.indices where scenario.network.flows[index].supplier == "far" {
            scenario.network.flows[index].weeklyQuantity = scenario.network.flows[index].weeklyQuantity.map { $0 * 2 }
        }
        return scenario
    }

    /// Every flow through the hub, routed; the estimates updated from those routes learn how
    /// many legs far drives. Far's flow to s3 (300 kg, 2 cages) rides on those legs with room
    /// to spare, so its trunk estimate is zero: before, it paid its volume's share of a trip
    /// priced at the routed legs over the continuous trips (a share of every leg, rounding
    /// included). With far's legs counted as one trip instead, the same flow does pay: the
    /// volume then needs more than the legs that drive anyway.
    @Test func trunkEstimateOfAFlowOnALegThatDrivesAnywayIsZero() throws {
        let scenario = try Self.heavyFar()
        let budget = TimeBudget(total: 600, start: .now)
        var statistics = Planner.RunStatistics()
        let setup = try Planner.prepare(
            scenario, baselineUntil: budget.deadline(atFraction: 0.3),
            pilotUntil: budget.deadline(atFraction: 0.5), statistics: &statistics)
        let viaHub = Dictionary(uniqueKeysWithValues: scenario.network.flows.map { ($0.index, "hub") })
        let plan = Planner.bundledPlan(
            viaHub, directDays: setup.directDays, scenario: scenario, context: setup.context,
            deadline: budget.deadline(atFraction: 1), statistics: &statistics)
        let legs = plan.routes.filter { $0.kind == .trunk && $0.operatedBy == "far" }
        let estimates = setup.estimates.updated(
            from: plan, viaHub: viaHub, scenario: scenario, matrix: setup.context.matrix)
        let driven = try #require(estimates.trunkTripsDriven["hub"]?["far"])
        #expect(driven == Double(legs.count))
        // The legs drive anyway and have room: far's week fits in them with s3's flow, and the
        // volume alone needs more than the supplier's minimum (so the room is not the minimum's).
        let far = scenario.network.flows.filter { $0.supplier == "far" }
        let volume = Quantities.sum(far.map(\.weeklyQuantity), dimensions: 2)
        #expect(
            volume[0] > 1000 && volume[0] <= driven * 1000 && volume[1] <= driven * 6, "\(volume) in \(driven) legs")

        let s3 = try #require(far.first { $0.site == "s3" })
        let explanation = try #require(
            ConsolidationExplainer(scenario: scenario, estimates: estimates, viaHub: viaHub).flows()
                .first { $0.flow == s3.index })
        #expect(explanation.parts?.trunk == Metrics(), "\(explanation.reason)")
        #expect(
            explanation.reason.contains("marginal: ") && explanation.reason.contains("trunk 0.00"),
            "\(explanation.reason)")
        // The model's own value agrees: taking the flow out changes the trunk part by nothing.
        var without = viaHub
        without[s3.index] = nil
        #expect(
            AssignmentValue(viaHub, scenario: scenario, estimates: estimates).trunk
                == AssignmentValue(without, scenario: scenario, estimates: estimates).trunk)

        // Without that room (one leg counted), the flow's volume takes more trips and pays.
        var oneLeg = estimates
        oneLeg.trunkTripsDriven["hub"]!["far"] = 1
        let paying = try #require(
            ConsolidationExplainer(scenario: scenario, estimates: oneLeg, viaHub: viaHub).flows()
                .first { $0.flow == s3.index })
        #expect(try #require(paying.parts?.trunk.costEur) < 0, "\(paying.reason)")
    }

    /// The reported plan's explanations count on its own legs: far's flows all go through the
    /// hub on legs with room for its week, so none of them is charged a trunk share (before,
    /// the reported all-in plan's reasons charged them 83.52, 35.80 and 71.59 EUR from the first
    /// round's estimates, made before any leg was routed).
    @Test func theReportedPlansFlowsPayNoTrunkOnLegsWithRoom() throws {
        let scenario = try Self.heavyFar()
        let result = try Planner.plan(scenario)
        let far = scenario.network.flows.filter { $0.supplier == "far" }
        try #require(far.allSatisfy { result.consolidation.viaHub[$0.index] == "hub" })
        let legs = result.bundled.routes.filter { $0.kind == .trunk && $0.operatedBy == "far" }.count
        let volume = Quantities.sum(far.map(\.weeklyQuantity), dimensions: 2)
        try #require(volume[0] <= Double(legs) * 1000 && volume[1] <= Double(legs) * 6)
        for flow in far {
            let explanation = try #require(result.consolidation.flows.first { $0.flow == flow.index })
            #expect(explanation.parts?.trunk == Metrics(), "\(explanation.reason)")
        }
    }

    /// decisions.csv labels the per-flow savings as marginal.
    @Test func decisionsLabelFlowSavingsAsMarginal() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let decisions = try #require(DecisionReport.files(result).first { $0.name == "decisions.csv" }?.content)
        let header = try #require(decisions.split(separator: "\n").first)
        #expect(header.hasPrefix("rank,flow,supplier,site,decision,hub,marginal_saving,marginal_saving_cost_eur,"))
    }
}

import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner

/// The verdict that opens every output: its figures are the plan's totals a year, and the
/// summary, the JSON and the report say the same.
@Suite("Verdict first")
struct VerdictTests {
    /// The small network with a hub that takes flows: the verdict's yearly figures are the
    /// weekly totals times the weeks, its flows per hub add up to the flows via hub, and its
    /// sentence comes right after the scenario line, before any table.
    @Test func theVerdictIsThePlansTotalsAYear() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let verdict = result.verdict
        let weeks = scenario.weeksPerYear
        let baseline = result.baseline.totals.rounded(), bundled = result.bundled.totals.rounded()
        try #require(result.consolidation.flowsViaHub > 0, "the small network bundles some flows")
        #expect(verdict.flowsViaHub == result.consolidation.flowsViaHub)
        #expect(verdict.openHubs.map(\.id) == ["hub"])
        #expect(verdict.flows == scenario.network.flows.count)
        #expect(abs(verdict.costEur.saved - (baseline.costEur - bundled.costEur) * weeks) < 1e-6)
        #expect(abs(verdict.vehicleKm.saved - (baseline.vehicleKm - bundled.vehicleKm) * weeks) < 1e-6)
        #expect(abs(verdict.co2eWtwTonnes.saved - (baseline.co2eWtwKg - bundled.co2eWtwKg) * weeks / 1000) < 1e-9)
        #expect(verdict.stops.baseline == Double(baseline.stops) * weeks)
        #expect(verdict.lastMileTrips.bundled == Double(bundled.lastMileTrips) * weeks)

        let sentence = verdict.sentence
        let hubName = try #require(scenario.network.hub("hub")).name
        #expect(sentence.hasPrefix("Verdict: open \(hubName) for \(verdict.flowsViaHub) of 12 flows: "))
        #expect(sentence.contains(NumberFormat.grouped(abs(verdict.costEur.saved), decimals: 0) + " EUR"))
        let lines = SummaryTable.render(result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == sentence)
        let assumptions = try #require(lines.firstIndex(of: "assumptions:"))
        let table = try #require(lines.firstIndex { $0.hasPrefix("per week") })
        #expect(assumptions < table)
        #expect(lines[assumptions + 1].hasPrefix("  baseline days: "))
        #expect(lines[(assumptions + 1)..<table].contains { $0.hasPrefix("  distances: great-circle distance x ") })
        #expect(lines[(assumptions + 1)..<table].contains { $0.hasPrefix("  hub hub: ") })

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        let entry = try #require(json["verdict"] as? [String: Any])
        #expect(entry["sentence"] as? String == sentence)
        #expect(entry["decision"] as? String == "open")
        #expect(entry["flowsViaHub"] as? Int == verdict.flowsViaHub)
        let cost = try #require(entry["costEur"] as? [String: Double])
        #expect(abs(try #require(cost["saved"]) - verdict.costEur.saved) < 0.01)
        #expect((entry["assumptions"] as? [String])?.count == Assumptions.lines(result).count)

        let html = HTMLReport.render(result)
        #expect(html.contains("data-decision=\"open\" data-flows-via-hub=\"\(verdict.flowsViaHub)\""))
        let verdictAt = try #require(html.range(of: "class=\"verdict\""))
        let tableAt = try #require(html.range(of: "<h2>Per week</h2>"))
        #expect(verdictAt.lowerBound < tableAt.lowerBound)
    }

    /// A hub fee no saving can pay keeps every flow direct, and the verdict says so.
    @Test func aHubTooDearToOpenGivesADirectVerdict() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "hubs: [hub]",
            with: "hubs: [hub]\noverrides:\n  hubs.hub.fixed_cost_per_week: 1000000")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(result.consolidation.flowsViaHub == 0)
        let verdict = result.verdict
        #expect(verdict.openHubs.isEmpty)
        #expect(verdict.sentence.hasPrefix("Verdict: deliver direct and open no hub"))
        #expect(verdict.costEur.saved == 0)
        #expect(Assumptions.lines(result).contains { $0.contains("set by the scenario's overrides") })
    }

    /// Deliveries a plan leaves unserved are a warning right under the verdict, not a line
    /// after the tables.
    @Test func unservedDeliveriesAreWarnedAtTheTop() throws {
        let result = try HubFleetCostTests.planWithTooFewHubVans()
        let unserved = result.bundled.totals.rounded().unservedDeliveries
        try #require(unserved > 0)
        let lines = SummaryTable.render(result).split(separator: "\n").map(String.init)
        #expect(
            lines[3].hasPrefix(
                "WARNING: deliveries a week left unserved: \(unserved) in the bundled plan, 0 in the baseline"))
        #expect(HTMLReport.render(result).contains("<p class=\"warning\">WARNING: deliveries a week left unserved"))
    }
}

/// The consolidation model's LP bound: below every assignment's value, and in the summary as
/// the gap of a solve the clock or the node limit cut short.
@Suite("Consolidation bound")
struct ConsolidationBoundTests {
    /// On random instances the relaxation's optimum lies at or below the model's optimum, and
    /// within the relative gap of it when the solve ends optimal.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func theBoundIsBelowTheOptimum(seed: UInt64) throws {
        let (scenario, estimates) = try ConsolidationModelTests.instance(seed: seed)
        let decision = try ConsolidationModel(scenario: scenario, estimates: estimates).solve(timeLimitSeconds: 30)
        let bound = try #require(decision.bound)
        let objective = try #require(decision.objective)
        #expect(bound <= objective + 1e-6)
        if decision.status == .optimal {
            #expect(objective - bound <= ConsolidationOutcome.relativeGap * abs(objective) + 1e-6)
        }
    }

    /// However short the relaxation's time (1 ms: cut by the clock or not, depending on the
    /// machine), the solve has a bound, and it is below the optimum of a solve given time.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aRelaxationCutShortStillBoundsTheOptimum(seed: UInt64) throws {
        let (scenario, estimates) = try ConsolidationModelTests.instance(seed: seed)
        let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
        let optimum = try #require(model.solve(timeLimitSeconds: 30).objective)
        let hurried = try model.solve(timeLimitSeconds: 0.001)
        let bound = try #require(hurried.bound)
        #expect(bound <= optimum + 1e-6 * max(1, abs(optimum)))
        if let objective = hurried.objective { #expect(bound <= objective + 1e-6 * max(1, abs(objective))) }
    }

    /// A round that ended short of optimal says how far its value may lie above the bound.
    @Test func aSolveCutShortReportsItsGapToTheBound() throws {
        var (_, result) = try PlannerEndToEndTests.planSmall()
        let value = try #require(result.consolidation.objective)
        result.consolidation.status = .feasible
        result.consolidation.bound = value * 0.9
        let gap = NumberFormat.grouped((value - value * 0.9) / (value * 0.9) * 100, decimals: 2)
        #expect(
            SummaryTable.render(result).contains(
                "consolidation (GLPK MIP, minimise cost): feasible (\(gap) % above its LP bound of "))
        result.consolidation.boundFromCutRelaxation = true
        #expect(
            SummaryTable.render(result).contains(
                "feasible (\(gap) % above a lower bound of \(NumberFormat.grouped(value * 0.9, decimals: 0)) EUR/week, proved by the LP relaxation's duals before the clock cut it"
            ))
        result.consolidation.bound = nil
        #expect(
            SummaryTable.render(result).contains(
                "feasible (no LP bound: the plan is a routed candidate's, or the relaxation proved none"))
        // All direct reported for its routes: the bound against all direct by the estimates.
        result.consolidation.objective = nil
        result.consolidation.allDirectReported = true
        let direct = result.consolidation.directEstimate
        result.consolidation.bound = direct * 0.8
        let directGap = NumberFormat.grouped((direct - direct * 0.8) / (direct * 0.8) * 100, decimals: 2)
        #expect(
            SummaryTable.render(result).contains(
                "feasible (all direct reported for its routes; by the estimates all direct is \(directGap) % above a lower bound of \(NumberFormat.grouped(direct * 0.8, decimals: 0)) EUR/week, proved by the LP relaxation's duals"
            ))
    }
}

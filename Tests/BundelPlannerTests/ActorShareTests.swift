import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// The business case per actor: every route, hub cost and hub operation belongs to exactly one
/// supplier or hub operator, so the actors add up to the plans' totals in every output.
@Suite("Business case per actor")
struct ActorShareTests {
    /// The actors' figures summed, field by field, against the plan's totals.
    static func expectActorsAddUp(_ result: PlanResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let actors = result.actors
        for (plan, totals, part) in [
            ("baseline", result.baseline.totals, \ActorShare.baseline), ("bundled", result.bundled.totals, \.bundled),
        ] {
            let shares = actors.map { $0[keyPath: part] }
            let sums = (
                cost: shares.map(\.costEur).reduce(0, +), km: shares.map(\.vehicleKm).reduce(0, +),
                wtw: shares.map(\.co2eWtwKg).reduce(0, +), ttw: shares.map(\.co2eTtwKg).reduce(0, +)
            )
            #expect(abs(sums.cost - totals.costEur) < 1e-6, "\(plan) cost", sourceLocation: sourceLocation)
            #expect(abs(sums.km - totals.vehicleKm) < 1e-6, "\(plan) km", sourceLocation: sourceLocation)
            #expect(abs(sums.wtw - totals.co2eWtwKg) < 1e-6, "\(plan) CO2e WTW", sourceLocation: sourceLocation)
            #expect(abs(sums.ttw - totals.co2eTtwKg) < 1e-6, "\(plan) CO2e TTW", sourceLocation: sourceLocation)
            #expect(shares.map(\.trips).reduce(0, +) == totals.trips, sourceLocation: sourceLocation)
            #expect(shares.map(\.stops).reduce(0, +) == totals.stops, sourceLocation: sourceLocation)
            #expect(
                shares.map(\.unservedDeliveries).reduce(0, +) == totals.unservedDeliveries,
                sourceLocation: sourceLocation)
        }
        // The rounded savings per actor add up to the plan's rounded savings, to the rounding
        // of each actor's figures (half a cent and half a gram per actor and plan).
        let slack = Double(actors.count) * 0.011
        #expect(abs(actors.map(\.saving.costEur).reduce(0, +) - result.savings.costEur) <= slack)
        #expect(abs(actors.map(\.saving.vehicleKm).reduce(0, +) - result.savings.vehicleKm) <= slack)
        #expect(abs(actors.map(\.saving.co2eWtwKg).reduce(0, +) - result.savings.co2eWtwKg) <= slack)
    }

    /// The small network bundles through its hub: the suppliers drive less, the hub operator
    /// carries the fee, handling, storage and tours it did not have in the baseline, and all of
    /// them add up to both plans' totals.
    @Test func actorsAddUpToThePlanOnTheSmallNetwork() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        try #require(result.consolidation.flowsViaHub > 0)
        Self.expectActorsAddUp(result)
        let actors = result.actors
        #expect(actors.map(\.actor) == scenario.network.suppliers.map(\.id) + ["hub"])
        let hub = try #require(actors.last)
        #expect(hub.role == .hubOperator)
        #expect(hub.baseline == PlanTotals())
        let hubCost = try #require(result.bundled.hubCosts.first)
        #expect(hubCost.hub == "hub" && hubCost.fixedCostEur == 100)
        let tours = result.bundled.totals(of: .hubTour)
        #expect(abs(hub.bundled.costEur - (tours.costEur + hubCost.totalEur)) < 1e-9)
        #expect(hub.bundled.co2eWtwKg > tours.co2eWtwKg, "the hub's handling energy is the hub operator's")
        for supplier in actors.dropLast() {
            #expect(supplier.role == .supplier)
            #expect(supplier.bundled.vehicleKm < supplier.baseline.vehicleKm, "\(supplier.actor) bundles")
        }
    }

    /// With two candidate hubs each hub's costs are its own, and the actors still add up.
    @Test func actorsAddUpWithTwoHubs() throws {
        let scenario = try HubChoiceTests.twoHubs()
        let result = try Planner.validatedPlan(scenario).result
        Self.expectActorsAddUp(result)
        let hubCosts = result.bundled.hubCosts
        #expect(abs(hubCosts.map(\.fixedCostEur).reduce(0, +) - result.bundled.hubFixedCostEur) < 1e-9)
        #expect(abs(hubCosts.map(\.handlingCostEur).reduce(0, +) - result.bundled.hubHandlingCostEur) < 1e-9)
        #expect(abs(hubCosts.map(\.storageCostEur).reduce(0, +) - result.bundled.hubStorageCostEur) < 1e-9)
        let open = Set(result.verdict.openHubs.map(\.id))
        #expect(Set(hubCosts.map(\.hub)) == open)
        #expect(Set(result.actors.filter { $0.role == .hubOperator }.map(\.actor)) == open)
    }

    /// The summary's `--by-actor` table, the JSON's `actors` and the report's table carry the
    /// same figures, and each ends with (or adds up to) the plan's totals.
    @Test func summaryJSONAndReportShowTheActors() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let plain = SummaryTable.render(result)
        #expect(!plain.contains("per actor, per week"))
        let lines = SummaryTable.render(result, byActor: true).split(separator: "\n").map(String.init)
        let head = try #require(lines.firstIndex { $0.hasPrefix("per actor, per week") })
        let hubRow = try #require(lines[head...].first { $0.hasPrefix("  hub ") })
        #expect(hubRow.contains("hub operator"))
        let total = try #require(lines[head...].first { $0.hasPrefix("  all actors") })
        let saved = result.savings
        #expect(total.hasSuffix(NumberFormat.grouped(saved.co2eWtwKg, decimals: 1)))
        #expect(total.contains(" \(NumberFormat.grouped(saved.costEur, decimals: 0)) "))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        let entries = try #require(json["actors"] as? [[String: Any]])
        #expect(entries.count == result.actors.count)
        #expect(entries.compactMap { $0["role"] as? String } == result.actors.map(\.role.rawValue))
        let bundledCosts = entries.compactMap { ($0["bundled"] as? [String: Any])?["costEur"] as? Double }
        #expect(
            abs(bundledCosts.reduce(0, +) - result.bundled.totals.rounded().costEur) <= 0.01 * Double(entries.count))

        let html = HTMLReport.render(result)
        #expect(html.contains("<h2>Per actor, per week</h2>"))
        let hub = try #require(result.actors.last)
        #expect(
            html.contains(
                "data-actor=\"hub\" data-actor-plan=\"bundled\" data-actor-metric=\"costEur\" data-value=\"\(hub.bundled.rounded().costEur)\""
            ))
    }
}

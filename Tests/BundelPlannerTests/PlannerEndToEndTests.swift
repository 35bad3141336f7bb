import BundelLP
import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner

@Suite("Plan end to end on the small network")
struct PlannerEndToEndTests {
    static func planSmall(editing edits: [(String, String)] = []) throws -> (Scenario, PlanResult) {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (old, new) in edits { try Fixture.edit(folder, "scenario.yaml", replacing: old, with: new) }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        return (scenario, try Planner.plan(scenario))
    }

    @Test func bothPlansPassTheIndependentValidator() throws {
        let (scenario, result) = try Self.planSmall()
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(result.consolidation.status == .optimal)
        #expect(result.baseline.unserved.isEmpty && result.bundled.unserved.isEmpty)
        // Twelve flows with 38 deliveries a week: the baseline stops once per delivery.
        #expect(result.baseline.totals.stops == 38)
        #expect(result.consolidation.flowsViaHub + result.consolidation.flowsDirect == 12)
    }

    @Test func validatorRejectsABrokenPlan() throws {
        let (scenario, result) = try Self.planSmall()
        let matrix = try TravelMatrix.forScenario(scenario)
        var missing = result.baseline
        missing.routes[0].stops.removeLast()
        missing.routes[0].legMetres.removeLast()
        #expect(!WeeklyPlanValidator.violations(of: missing, scenario: scenario, matrix: matrix, viaHub: [:]).isEmpty)

        var longer = result.baseline
        longer.routes[0].legMetres[0] += 1
        #expect(
            WeeklyPlanValidator.violations(of: longer, scenario: scenario, matrix: matrix, viaHub: [:])
                .contains { $0.contains("differ from the matrix") })

        var overloaded = result.baseline
        overloaded.routes[0].stops[0].deliveries[0].quantity[0] += 5000
        overloaded.routes[0].stops[0].quantity[0] += 5000
        #expect(
            WeeklyPlanValidator.violations(of: overloaded, scenario: scenario, matrix: matrix, viaHub: [:])
                .contains { $0.contains("more than the") })
    }

    @Test func jsonSummaryHasTheRequiredKeysAndSavingsAddUp() throws {
        let (_, result) = try Self.planSmall()
        let json = try JSONSummary(result).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let keys = ["vehicleKm", "trips", "stops", "costEur", "co2eWtwKg", "co2eTtwKg"]
        for plan in ["baseline", "bundled", "savings"] {
            let totals = try #require(object[plan] as? [String: Any], "\(plan)")
            for key in keys { #expect(totals[key] is NSNumber, "\(plan).\(key)") }
        }
        let consolidation = try #require(object["consolidation"] as? [String: Any])
        for key in ["status", "objective", "flowsViaHub", "flowsDirect"] {
            #expect(consolidation[key] != nil, "consolidation.\(key)")
        }
        #expect(consolidation["status"] as? String == "optimal")
        let rounds = try #require(consolidation["rounds"] as? [[String: Any]])
        #expect(!rounds.isEmpty && rounds.contains { ($0["number"] as? Int) == (consolidation["chosenRound"] as? Int) })
        #expect((consolidation["hubs"] as? [[String: Any]])?.first?["reason"] is String)
        // Every flow is explained, and the ranking lists every supplier that can bundle.
        let explanations = try #require(object["explanations"] as? [String: Any])
        let flows = try #require(explanations["flows"] as? [[String: Any]])
        #expect(flows.count == result.scenario.network.flows.count)
        #expect(flows.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect((explanations["suppliers"] as? [[String: Any]])?.count == 3)

        let baseline = object["baseline"] as! [String: Any], bundled = object["bundled"] as! [String: Any]
        let savings = object["savings"] as! [String: Any]
        for key in keys {
            let difference = (baseline[key] as! NSNumber).doubleValue - (bundled[key] as! NSNumber).doubleValue
            #expect(abs((savings[key] as! NSNumber).doubleValue - difference) < 1e-6, "savings.\(key)")
        }
        // The reported totals are the sums over the routes.
        let km = result.bundled.routes.map { Double($0.metres) / 1000 }.reduce(0, +)
        #expect(abs((bundled["vehicleKm"] as! NSNumber).doubleValue - km) < 0.0005 + 1e-9)
    }

    /// The reference count of one round trip per delivery is never below the routed baseline
    /// (routes visit several sites per trip, and the straight-line matrix keeps the triangle
    /// inequality), and equals the sum over flows of frequency x depot-site-depot.
    @Test func oneTripPerDeliveryIsAnUpperReference() throws {
        let (scenario, result) = try Self.planSmall()
        let matrix = try TravelMatrix.forScenario(scenario)
        var expected = 0.0
        for flow in scenario.network.flows {
            expected +=
                Double(flow.deliveriesPerWeek)
                * Double(matrix.metres(flow.supplier, flow.site) + matrix.metres(flow.site, flow.supplier)) / 1000
        }
        #expect(abs(result.oneTripPerDeliveryKm - expected) < 1e-9)
        #expect(result.baseline.totals.vehicleKm <= result.oneTripPerDeliveryKm)
        #expect(
            result.baseline.totals.vehicleKm < 0.9 * result.oneTripPerDeliveryKm,
            "multi-drop routes save on the small network")
    }

    @Test func sameInputAndSeedGiveTheSameBytes() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        // All but the run's seconds (JSON run.seconds and run.stages).
        let first = try JSONSummary(try Planner.plan(scenario)).withoutTimes.encoded()
        let second = try JSONSummary(try Planner.plan(scenario)).withoutTimes.encoded()
        #expect(first == second)
    }

    /// Whether the reported plan is an obvious alternative routed beside the rounds.
    static func reportsACandidate(_ result: PlanResult) -> Bool {
        result.consolidation.rounds.first { $0.number == result.consolidation.chosenRound }?.candidate != nil
    }

    @Test func objectiveIsTheOptimumOfTheExportedModel() throws {
        let (_, result) = try Self.planSmall()
        let objective = try #require(result.consolidation.objective)
        let resolved = try LinearSolver.solve(result.consolidation.model)
        // A model round's choice is the model's optimum; the all-in candidate, reported when
        // its routes are better, is valued by the same model, whose optimum can only undercut it.
        let optimum = try #require(resolved.objectiveValue)
        if Self.reportsACandidate(result) {
            #expect(optimum <= objective + 1e-6 * max(1, abs(objective)))
        } else {
            #expect(abs(optimum - objective) < 1e-6 * max(1, abs(objective)))
        }
        #expect(result.consolidation.model.hasIntegerVariables)
    }

    @Test(.enabled(if: Glpsol.path != nil, Comment(rawValue: Glpsol.missing)))
    func glpsolAgreesWithTheReportedObjective() throws {
        let (_, result) = try Self.planSmall()
        let folder = try scratchFolder("bundel-lp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("consolidation.lp")
        try result.consolidation.model.writeCPLEXLP(to: lp.path)
        let value = try Glpsol.objective(of: lp)
        let objective = try #require(result.consolidation.objective)
        let optimum = try #require(LinearSolver.solve(result.consolidation.model).objectiveValue)
        #expect(abs(value - optimum) < 1e-6 * max(1, abs(optimum)), "glpsol \(value), bundel's GLPK \(optimum)")
        #expect(value <= objective + 1e-6 * max(1, abs(objective)), "glpsol \(value), reported \(objective)")
    }

    @Test func suppliersForcedOutLeaveTheBaselineUnchanged() throws {
        let (_, result) = try Self.planSmall(editing: [("  default: free", "  default: out")])
        #expect(result.consolidation.flowsViaHub == 0)
        #expect(result.savings == PlanTotals().minus(PlanTotals()))
        #expect(result.bundled.hubFixedCostEur == 0)
    }

    @Test func suppliersForcedInAllGoThroughTheHub() throws {
        let (scenario, result) = try Self.planSmall(editing: [("  default: free", "  default: in")])
        #expect(result.consolidation.flowsViaHub == 12)
        #expect(result.bundled.routes.allSatisfy { $0.kind != .direct })
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix,
                viaHub: result.consolidation.viaHub) == [])
        // Each site receives one hub delivery a day: parcels come five times a week everywhere.
        #expect(result.bundled.totals.stops == 6 * 5)
    }

    /// With the zone enforced, diesel suppliers cannot reach the two sites inside it: the
    /// baseline lists those deliveries as unserved with a reason, while the electric hub can.
    @Test func enforcedZoneLeavesDieselDeliveriesUnservedWithAReason() throws {
        let (scenario, result) = try Self.planSmall(editing: [("distances:", "zone:\n  enforce: true\ndistances:")])
        let inZone = Set(scenario.network.sites.filter(\.inZone).map(\.id))
        #expect(!result.baseline.unserved.isEmpty)
        #expect(result.baseline.unserved.allSatisfy { inZone.contains($0.site) && $0.reason == "no allowed vehicle" })
        #expect(result.baseline.totals.unservedDeliveries == result.baseline.unserved.count)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
    }

    /// With the zone enforced, a hub delivery bigger than the zone's largest vehicle (the e-van,
    /// 900 kg) is cut to e-van loads, not to the loads of the diesel truck (6,000 kg) that may
    /// not go there: 950 kg for site s2 in the zone arrives in two e-van loads, and every forced
    /// flow is served.
    @Test func zoneDeliveriesAreCutToTheLargestVehicleAllowedInTheZone() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "flows.csv", replacing: "near,s2,1,100,0.5", with: "near,s2,1,100,0.5\nfar,s2,1,950,2")
        try Fixture.edit(folder, "scenario.yaml", replacing: "distances:", with: "zone:\n  enforce: true\ndistances:")
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "  hub: [e-van]",
            with: "  hub: [truck, e-van]\nvehicle_types:\n  - {id: truck, base: rigid-truck}")
        try Fixture.edit(folder, "scenario.yaml", replacing: "  default: free", with: "  default: in")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(result.consolidation.forcedButImpossible.isEmpty)
        #expect(result.bundled.unserved.isEmpty)
        let visits = result.bundled.routes.filter { $0.kind == .hubTour }.flatMap { route in
            route.stops.map { (route, $0) }
        }
        .filter { $0.1.location == "s2" }
        #expect(visits.allSatisfy { $0.0.vehicleType == "e-van" && $0.1.quantity[0] <= 900 + 1e-9 })
        #expect(visits.count > 5, "the 950 kg day needs two e-van loads")
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
    }

    @Test(arguments: ["km", "co2e"])
    func otherObjectivesGiveValidPlans(objective: String) throws {
        let (scenario, result) = try Self.planSmall(editing: [("objective: cost", "objective: \(objective)")])
        #expect(result.consolidation.status == .optimal)
        #expect(result.consolidation.objectiveKind.name == objective)
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix,
                viaHub: result.consolidation.viaHub) == [])
        // The first round's estimates share the baseline's routes out over the flows exactly.
        let shares = ConsolidationEstimates.flowShares(
            result.baseline, flowCount: scenario.network.flows.count, matrix: matrix)
        let direct = objective == "km" ? result.baseline.totals.vehicleKm : result.baseline.totals.co2eWtwKg
        let shared = shares.values.map { $0.value(result.consolidation.objectiveKind) }.reduce(0, +)
        #expect(abs(shared - direct) < 1e-6 * max(1, direct))
    }

    /// One small electric van (250 kg) that may make eight trips a day, reloading for 15 minutes, serves
    /// every hub delivery: all hub tours of a day carry the same vehicle label and follow
    /// each other.
    @Test func aLimitedHubFleetChainsTripsWithReloads() throws {
        let (scenario, result) = try Self.planSmall(editing: [
            (
                "  hub: [e-van]",
                "  hub: [{type: e-van-multi, count: 1}]\nvehicle_types:\n  - {id: e-van-multi, base: e-van, capacity: {kg: 250, cages: 3}, max_trips_per_shift: 8, reload_minutes: 15}"
            ),
            ("  default: free", "  default: in"),
        ])
        #expect(scenario.hubFleetCounts == ["e-van-multi": 1])
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        #expect(!tours.isEmpty && tours.allSatisfy { $0.vehicle == "e-van-multi 1" })
        #expect(Dictionary(grouping: tours, by: \.day).values.contains { $0.count > 1 })
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix,
                viaHub: result.consolidation.viaHub) == [])
        #expect(result.bundled.unserved.isEmpty)

        // Pulling a later trip forward onto the previous one must be caught.
        var overlapping = result.bundled
        let day = try #require(Dictionary(grouping: tours, by: \.day).first { $0.value.count > 1 }?.key)
        let second = try #require(
            overlapping.routes.indices.filter {
                overlapping.routes[$0].kind == .hubTour && overlapping.routes[$0].day == day
            }
            .sorted { overlapping.routes[$0].departureMinute < overlapping.routes[$1].departureMinute }.dropFirst()
            .first)
        overlapping.routes[second].departureMinute -= 1
        #expect(
            WeeklyPlanValidator.violations(
                of: overlapping, scenario: scenario, matrix: matrix, viaHub: result.consolidation.viaHub
            )
            .contains { $0.contains("before the vehicle is back and reloaded") })
    }
}

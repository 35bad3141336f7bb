import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Location-based and market-based electricity, checked against hand-computed values (nl-2021:
/// grid 0.374, grey 0.48, green 0 kg CO2e WTW per kWh).
@Suite("Electricity bases")
struct ElectricityBasisTests {
    static func route(_ vehicleType: String, kind: RouteKind = .direct, energy: Double) -> PlannedRoute {
        PlannedRoute(
            kind: kind, day: .mon, operatedBy: "near", vehicleType: vehicleType, start: "near", end: "near",
            departureMinute: 360, stops: [], legMetres: [1_000], durationSeconds: 600, costEur: 0, energy: energy,
            co2eWtwKg: 0, co2eTtwKg: 0)
    }

    /// A tiny plan: 10 kWh by an e-van on the grid mix, 20 kWh by an e-van on green
    /// electricity, 5 l of diesel (not electricity) and 4 kWh of hub handling on grey
    /// electricity. Location-based: 34 kWh × 0.374 = 12.716 kg; market-based: 10 × 0.374 +
    /// 20 × 0 + 4 × 0.48 = 5.66 kg.
    @Test func tinyPlanBothWays() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "  hub: [e-van]",
            with:
                "  hub: [e-van]\nvehicle_types:\n  - {id: e-van-green, base: e-van, energy_carrier: electricity-green}")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let plan = WeeklyPlan(
            routes: [
                Self.route("e-van", energy: 10), Self.route("e-van-green", energy: 20),
                Self.route("van", energy: 5),
            ],
            unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0,
            hubOperations: [
                HubOperation(
                    hub: "hub", day: .mon, deliveries: [], energy: 4, energyCarrier: "electricity-grey",
                    co2eWtwKg: 1.92,
                    co2eTtwKg: 0)
            ])
        let basis = ElectricityBasis(plan: plan, scenario: scenario)
        #expect(abs(basis.kWh - 34) < 1e-12)
        #expect(abs(try #require(basis.locationBasedWtwKg) - 12.716) < 1e-12)
        #expect(abs(basis.marketBasedWtwKg - 5.66) < 1e-12)
        #expect(basis.differ)
        // All on the grid mix, the two agree.
        let grid = WeeklyPlan(
            routes: [Self.route("e-van", energy: 10)], unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        let same = ElectricityBasis(plan: grid, scenario: scenario)
        #expect(abs(same.marketBasedWtwKg - 3.74) < 1e-12 && !same.differ)
    }

    /// The hub's vans on green electricity: the methodology prints both figures per plan, and the
    /// JSON summary carries them with the basis of the headline figures.
    @Test func methodologyAndJSONReportBoth() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: [
            (
                "  hub: [e-van]",
                "  hub: [e-van-green]\nvehicle_types:\n  - {id: e-van-green, base: e-van, energy_carrier: electricity-green}"
            ),
            ("  default: free", "  default: in"),
        ])
        let bundled = ElectricityBasis(plan: result.bundled, scenario: scenario)
        #expect(bundled.kWh > 0 && bundled.differ)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }.map(\.energy).reduce(0, +)
        let handling = result.bundled.hubOperations.map(\.energy).reduce(0, +)
        #expect(abs(bundled.marketBasedWtwKg - handling * 0.374) < 1e-9)
        #expect(abs(try #require(bundled.locationBasedWtwKg) - (tours + handling) * 0.374) < 1e-9)
        let methodology = Methodology.markdown(result)
        #expect(methodology.contains("### Electricity: location-based and market-based"))
        #expect(methodology.contains("- Bundled plan, ") && methodology.contains("kWh. Electricity: location-based "))
        #expect(methodology.contains("The plans' CO2e figures use the market-based one"))
        let summary = JSONSummary(result)
        #expect(summary.electricity.headlineBasis == "market-based" && summary.electricity.basesDiffer)
        #expect(abs(summary.electricity.bundled.marketBasedWtwKg - bundled.marketBasedWtwKg) < 0.001)
        #expect(try summary.encoded().contains("\"locationBasedWtwKg\""))
    }
}

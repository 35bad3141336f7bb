import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Emission figures checked against hand-computed values (nl-2021: diesel B7 3.262 kg WTW and
/// 2.472 kg TTW per litre; grid electricity 0.374 kg WTW per kWh; green electricity 0).
@Suite("Emissions")
struct EmissionTests {
    static let factors: EmissionFactorSet = {
        let scenario = try! ScenarioLoader.load(path: Fixture.smallScenario)
        return scenario.emissionFactors
    }()

    static func vehicle(
        _ id: String, perKm: Double, carrier: String, loss: Double = 0, capacityKg: Double = 1000
    ) -> VehicleType {
        var type = VehicleType(
            id: id, name: id, capacity: [capacityKg, 6], fixedCostPerDay: 0, costPerKilometre: 0, costPerHour: 0,
            speedKmh: 30, energyPerKilometre: perKm, energyCarrier: carrier, mayEnterZone: true,
            shiftStart: 360, shiftEnd: 1080)
        type.chargingLossFraction = loss
        return type
    }

    @Test func dieselRouteOfKnownLengthAndConsumption() {
        // 100 km at 10 l/100 km = 10 l.
        let emissions = RouteEmissions(
            legMetres: [40_000, 60_000], legLoadsKg: [0, 0],
            vehicle: Self.vehicle("van", perKm: 0.10, carrier: "diesel-b7"),
            weightCapacityKg: 1000, durationSeconds: 0, factors: Self.factors)
        #expect(abs(emissions.energy - 10) < 1e-12)
        #expect(abs(emissions.wellToWheelKg - 32.62) < 1e-9)
        #expect(abs(emissions.tankToWheelKg - 24.72) < 1e-9)
        #expect(emissions.noxKg == nil && emissions.pm10Kg == nil)
    }

    @Test func electricRouteWithGridAndGreenElectricity() {
        // 50 km at 24 kWh/100 km = 12 kWh in the battery; with 10 % charging losses the grid
        // supplies 12 / 0.9 = 13.333 kWh.
        let grid = RouteEmissions(
            legMetres: [50_000], legLoadsKg: [0],
            vehicle: Self.vehicle("e-van", perKm: 0.24, carrier: "electricity-grid", loss: 0.1),
            weightCapacityKg: 900, durationSeconds: 0, factors: Self.factors)
        #expect(abs(grid.energy - 12 / 0.9) < 1e-12)
        #expect(abs(grid.wellToWheelKg - 12 / 0.9 * 0.374) < 1e-12)
        #expect(grid.tankToWheelKg == 0)
        let green = RouteEmissions(
            legMetres: [50_000], legLoadsKg: [0],
            vehicle: Self.vehicle("e-van", perKm: 0.24, carrier: "electricity-green", loss: 0.1),
            weightCapacityKg: 900, durationSeconds: 0, factors: Self.factors)
        #expect(green.wellToWheelKg == 0 && green.tankToWheelKg == 0)
        #expect(abs(green.energy - 12 / 0.9) < 1e-12)
    }

    @Test func loadDependentConsumption() {
        // 8 l/100 km empty, 12 full (1000 kg): 10 km full, 10 km half, 10 km empty = 1.2 + 1.0 + 0.8 l.
        var van = Self.vehicle("van", perKm: 0.10, carrier: "diesel-b7")
        van.loadDependentEnergy = LoadDependentEnergy(empty: 0.08, full: 0.12)
        let loads = RouteEmissions.deliveryLegLoads(stopLoadsKg: [500, 500])
        #expect(loads == [1000, 500, 0])
        let emissions = RouteEmissions(
            legMetres: [10_000, 10_000, 10_000], legLoadsKg: loads, vehicle: van,
            weightCapacityKg: 1000, durationSeconds: 0, factors: Self.factors)
        #expect(abs(emissions.energy - 3.0) < 1e-12)
        #expect(abs(emissions.wellToWheelKg - 3.0 * 3.262) < 1e-12)
    }

    @Test func hubHandlingEnergy() throws {
        // 2,000 kg at the default 5 kWh/t = 10 kWh of grid electricity = 3.74 kg CO2e WTW.
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let hub = try #require(scenario.network.hub("hub"))
        #expect(hub.handlingEnergyPerUnit == [0.005, 0])
        let trunk = PlannedRoute(
            kind: .trunk, day: .tue, operatedBy: "far", vehicleType: "van", start: "far", end: "far",
            departureMinute: 360,
            stops: [
                PlannedStop(
                    location: "hub", serviceStartMinute: 400,
                    deliveries: [
                        FlowDelivery(flow: 0, quantity: [1500, 2]), FlowDelivery(flow: 1, quantity: [500, 1]),
                    ],
                    quantity: [2000, 3], shortestMetres: 1)
            ],
            legMetres: [1, 1], durationSeconds: 1, costEur: 0, energy: 0, co2eWtwKg: 0, co2eTtwKg: 0)
        let operations = HubOperations.fromTrunkLegs(
            [trunk], network: scenario.network, factors: scenario.emissionFactors)
        #expect(operations.count == 1)
        #expect(abs(operations[0].energy - 10) < 1e-12)
        #expect(abs(operations[0].co2eWtwKg - 3.74) < 1e-12)
        #expect(operations[0].co2eTtwKg == 0)
        // Allocated by the energy of handling each delivery: 1,500 and 500 kg.
        let plan = WeeklyPlan(
            routes: [], unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0, hubOperations: operations)
        let account = EmissionAccount(
            plan: plan, network: scenario.network, viaHub: [0: "hub", 1: "hub"],
            basis: EmissionAccount.Basis(distance: .shortestFeasible, dimension: 0))
        #expect(abs(account.perFlow[0].co2eWtwKg - 3.74 * 0.75) < 1e-12)
        #expect(abs(account.perFlow[1].co2eWtwKg - 3.74 * 0.25) < 1e-12)
    }

    @Test func totalsPerFlowSupplierSiteHubAndDayAddUpToTheElements() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        for (plan, viaHub) in [(result.baseline, [Int: String]()), (result.bundled, result.consolidation.viaHub)] {
            let account = EmissionAccount(
                plan: plan, network: scenario.network, viaHub: viaHub,
                basis: EmissionAccount.Basis(distance: .shortestFeasible, dimension: 0))
            let total = account.elements.map(\.co2eWtwKg).reduce(0, +)
            #expect(abs(total - plan.totals.co2eWtwKg) < 1e-9)
            #expect(abs(account.total.co2eWtwKg - total) < 1e-9)
            #expect(abs(account.perFlow.map(\.co2eWtwKg).reduce(0, +) - total) < 1e-9)
            #expect(abs(account.bySupplier.values.map(\.co2eWtwKg).reduce(0, +) - total) < 1e-9)
            #expect(abs(account.bySite.values.map(\.co2eTtwKg).reduce(0, +) - account.total.co2eTtwKg) < 1e-9)
            #expect(abs(account.byDay.values.map(\.co2eWtwKg).reduce(0, +) - total) < 1e-9)
            let direct = scenario.network.flows.filter { viaHub[$0.index] == nil }.map {
                account.perFlow[$0.index].co2eWtwKg
            }.reduce(0, +)
            #expect(abs(account.byHub.values.map(\.co2eWtwKg).reduce(0, +) + direct - total) < 1e-9)
        }
        #expect(!result.bundled.hubOperations.isEmpty)
    }

    @Test func factorSetOverrideFromTheScenario() throws {
        let override = """
            emission_factors:
              set: nl-2021
              overrides:
                - {id: diesel-b7, wtw_kg_co2e: 3.0, ttw_kg_co2e: 2.5, source: test override of the diesel factor, year: 2026}
            """
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: [("emission_factors: nl-2021", override)])
        let diesel = try #require(scenario.emissionFactors.carrier("diesel-b7"))
        #expect(
            diesel.wellToWheelKg == 3.0 && diesel.tankToWheelKg == 2.5 && diesel.unit == "litre" && diesel.year == 2026)
        let route = try #require(result.baseline.routes.first)
        #expect(abs(route.co2eWtwKg - route.energy * 3.0) < 1e-12)
        let methodology = Methodology.markdown(result)
        #expect(
            methodology.contains("| diesel-b7 | litre | 3 | 2.5 | 0.5 | test override of the diesel factor | 2026 |"))
    }

    @Test func overrideWithoutASourceIsAnInputError() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "emission_factors: nl-2021",
            with: "emission_factors:\n  set: nl-2021\n  overrides:\n    - {id: diesel-b7, wtw_kg_co2e: 3.0, year: 2026}"
        )
        let messages = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map(\.description)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "scenario.yaml:14: field 'emission_factors.overrides[0]': missing required field 'source'") == true)
    }

    /// Hub tours by electric vans on green electricity emit nothing; trunk legs keep theirs.
    @Test func electricHubFleetOnGreenElectricity() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: [
            (
                "  hub: [e-van]",
                "  hub: [e-van-green]\nvehicle_types:\n  - {id: e-van-green, base: e-van, energy_carrier: electricity-green}"
            ),
            ("  default: free", "  default: in"),
        ])
        #expect(scenario.network.vehicleType("e-van-green")?.energyPerKilometre == 0.24)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        let trunks = result.bundled.routes.filter { $0.kind == .trunk }
        #expect(!tours.isEmpty && !trunks.isEmpty)
        #expect(tours.allSatisfy { $0.co2eWtwKg == 0 && $0.co2eTtwKg == 0 && $0.energy > 0 })
        #expect(trunks.allSatisfy { $0.co2eWtwKg > 0 && $0.co2eTtwKg > 0 })
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix,
                viaHub: result.consolidation.viaHub) == [])
    }

    @Test func methodologyListsEveryFactorUsedWithSourceAndYear() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let text = Methodology.markdown(result)
        let used =
            Set(result.baseline.routes.map(\.vehicleType) + result.bundled.routes.map(\.vehicleType))
            .map { scenario.network.vehicleType($0)!.energyCarrier } + result.bundled.hubOperations.map(\.energyCarrier)
        #expect(Set(used) == ["diesel-b7", "electricity-grid"])
        for id in Set(used) {
            let carrier = try #require(scenario.emissionFactors.carrier(id))
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| \(id) |") }, "\(id)")
            #expect(row.contains(carrier.source) && row.contains(String(carrier.year)))
        }
        // Factors the run did not use are not listed.
        #expect(!text.contains("| hvo100 |") && !text.contains("| electricity-green |"))
        #expect(text.contains("5 kWh per tonne handled"))
    }

    @Test func airPollutantsAreReportedWhenEveryVehicleHasFactors() throws {
        let types = """
            vehicle_types:
              - {id: van, base: diesel-van, nox_g_per_km: 0.3, pm10_g_per_km: 0.02}
              - {id: e-van, base: e-van, nox_g_per_km: 0, pm10_g_per_km: 0.01}
            objective: cost
            """
        let (_, result) = try PlannerEndToEndTests.planSmall(editing: [("objective: cost", types)])
        let route = try #require(result.baseline.routes.first)
        #expect(abs(route.noxKg! - 0.3 * Double(route.metres) / 1000 / 1000) < 1e-12)
        let totals = result.baseline.totals
        let km = result.baseline.routes.map { Double($0.metres) / 1000 }.reduce(0, +)
        #expect(abs(totals.noxKg! - 0.3 * km / 1000) < 1e-9)
        #expect(abs(totals.pm10Kg! - 0.02 * km / 1000) < 1e-9)
        // The small network's own types have no such factors: nothing is reported.
        let (_, plain) = try PlannerEndToEndTests.planSmall()
        #expect(plain.baseline.totals.noxKg == nil)
        let json = try JSONSummary(plain).encoded()
        #expect(!json.contains("noxKg"))
    }

    @Test func annualFiguresAreWeeklyTimesWeeks() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall(editing: [
            ("objective: cost", "objective: cost\nweeks_per_year: 40")
        ])
        let summary = JSONSummary(result)
        #expect(summary.annual.weeksPerYear == 40)
        #expect(abs(summary.annual.baseline.co2eWtwKg - summary.baseline.co2eWtwKg * 40) < 1e-6)
        #expect(
            abs(
                summary.annual.savings.vehicleKm
                    - (summary.annual.baseline.vehicleKm - summary.annual.bundled.vehicleKm)) < 1e-6)
        #expect(summary.emissionFactorsUsed.map(\.id) == ["diesel-b7", "electricity-grid"])
    }

    @Test func unknownBaseVehicleTypeIsAnInputError() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "objective: cost",
            with: "objective: cost\nvehicle_types:\n  - {id: bike, base: hovercraft}")
        let messages = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map(\.description)
        #expect(messages.count == 1)
        #expect(
            messages.first?.contains(
                "field 'vehicle_types[0].base': no built-in vehicle type 'hovercraft'; available: articulated-truck, diesel-van, e-cargo-bike, e-truck, e-van, rigid-truck"
            ) == true)
    }
}

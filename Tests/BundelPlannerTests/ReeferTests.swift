import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Refrigerated vehicles, checked against hand-computed values (nl-2021: diesel B7 3.262 kg WTW
/// and 2.472 kg TTW per litre; grid electricity 0.374 kg WTW per kWh).
@Suite("Refrigerated vehicles")
struct ReeferTests {
    /// A diesel van of 10 l/100 km with a unit of 1.2 l/h and 0.02 l/km, leaking 0.5 kg of
    /// R-452A (GWP 2140) a year over 2,000 operating hours, on a trip of 50 km and 2.5 h:
    /// driving 5 l, unit 1.2 × 2.5 + 0.02 × 50 = 4 l, so 9 l; leakage 0.5 × 2140 / 2000 = 0.535
    /// kg CO2e per hour, 1.3375 kg on the trip, in WTW and TTW alike.
    @Test func dieselReeferEnergyAndLeakage() {
        var van = EmissionTests.vehicle("reefer-van", perKm: 0.10, carrier: "diesel-b7")
        van.reefer = ReeferUnit(
            energyPerHour: 1.2, energyPerKilometre: 0.02, refrigerantLeakageKgPerYear: 0.5, refrigerantGWP: 2140,
            operatingHoursPerYear: 2000, refrigerant: "R-452A")
        let emissions = RouteEmissions(
            legMetres: [20_000, 30_000], legLoadsKg: [0, 0], vehicle: van, weightCapacityKg: 1000,
            durationSeconds: 9000, factors: EmissionTests.factors)
        #expect(abs(emissions.energy - 9) < 1e-12)
        #expect(abs(emissions.reeferEnergy - 4) < 1e-12)
        #expect(abs(emissions.refrigerantLeakageKg - 1.3375) < 1e-12)
        #expect(abs(emissions.wellToWheelKg - (9 * 3.262 + 1.3375)) < 1e-9)
        #expect(abs(emissions.tankToWheelKg - (9 * 2.472 + 1.3375)) < 1e-9)
        // Without the unit the same trip is the driving alone.
        van.reefer = nil
        let plain = RouteEmissions(
            legMetres: [20_000, 30_000], legLoadsKg: [0, 0], vehicle: van, weightCapacityKg: 1000,
            durationSeconds: 9000, factors: EmissionTests.factors)
        #expect(abs(plain.wellToWheelKg - 5 * 3.262) < 1e-9 && plain.reeferEnergy == 0)
    }

    /// An electric van of 24 kWh/100 km with 10 % charging losses and a unit of 2 kWh/h on its
    /// battery, leaking 0.3 kg of a refrigerant of GWP 2292 a year over 1,500 hours, on 40 km
    /// in 1 h: (9.6 + 2) / 0.9 kWh from the grid; leakage 0.3 × 2292 / 1500 = 0.4584 kg, the
    /// only TTW.
    @Test func electricReeferCountsItsChargingLossesAndLeakageIsTheOnlyTailpipe() {
        var van = EmissionTests.vehicle("e-reefer", perKm: 0.24, carrier: "electricity-grid", loss: 0.1)
        van.reefer = ReeferUnit(
            energyPerHour: 2, refrigerantLeakageKgPerYear: 0.3, refrigerantGWP: 2292, operatingHoursPerYear: 1500)
        let emissions = RouteEmissions(
            legMetres: [40_000], legLoadsKg: [0], vehicle: van, weightCapacityKg: 900, durationSeconds: 3600,
            factors: EmissionTests.factors)
        #expect(abs(emissions.energy - 11.6 / 0.9) < 1e-12)
        #expect(abs(emissions.reeferEnergy - 2 / 0.9) < 1e-12)
        #expect(abs(emissions.wellToWheelKg - (11.6 / 0.9 * 0.374 + 0.4584)) < 1e-12)
        #expect(abs(emissions.tankToWheelKg - 0.4584) < 1e-12)
    }

    /// The fields read from a network file, inherited through `base:` and shown in the
    /// methodology; a planned trip carries them and passes the independent validator.
    @Test func reeferFieldsFromTheNetworkPlanAndValidate() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "    energy_per_km: 0.1\n",
            with: """
                    energy_per_km: 0.1
                    reefer_energy_per_hour: 1.2
                    reefer_energy_per_km: 0.02
                    refrigerant: R-452A
                    refrigerant_leakage_kg_per_year: 0.5
                    refrigerant_gwp: 2140
                    reefer_hours_per_year: 2000

                """)
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let reefer = try #require(scenario.network.vehicleType("van")?.reefer)
        #expect(
            reefer
                == ReeferUnit(
                    energyPerHour: 1.2, energyPerKilometre: 0.02, refrigerantLeakageKgPerYear: 0.5,
                    refrigerantGWP: 2140, operatingHoursPerYear: 2000, refrigerant: "R-452A"))
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let route = try #require(result.baseline.routes.first { $0.vehicleType == "van" })
        let hours = Double(route.durationSeconds) / 3600
        let litres = Double(route.metres) / 1000 * 0.12 + 1.2 * hours
        #expect(abs(route.energy - litres) < 1e-9)
        #expect(abs(route.co2eTtwKg - (litres * 2.472 + 0.535 * hours)) < 1e-9)
        let methodology = Methodology.markdown(result)
        #expect(methodology.contains("### Refrigerated vehicles"))
        #expect(
            methodology.contains(
                "- van: 1.2 litre per hour and 0.02 litre per km; R-452A leakage 0.5 kg a year × GWP 2140 = 1070 kg CO2e a year over 2000 operating hours = 0.535 kg CO2e per hour of a trip"
            ))
    }

    /// The Cordaan scenario with refrigeration units loads with the README's figures; the
    /// default scenario's reefer truck stays without a unit of its own.
    @Test func cordaanRefrigeratedScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let scenarios = root.appendingPathComponent("scenarios/cordaan")
        let refrigerated = try ScenarioLoader.load(path: scenarios.appendingPathComponent("hub-refrigerated.yaml").path)
        let truck = try #require(refrigerated.network.vehicleType("reefer-truck"))
        #expect(
            truck.reefer
                == ReeferUnit(
                    energyPerHour: 1.2, refrigerantLeakageKgPerYear: 0.75, refrigerantGWP: 2292,
                    operatingHoursPerYear: 1250, refrigerant: "R-452A"))
        #expect(abs(truck.reefer!.leakageCo2eKg(seconds: 3600) - 1.3752) < 1e-12)
        #expect(truck.loadDependentEnergy == LoadDependentEnergy(empty: 0.21, full: 0.29))
        #expect(truck.capacity == [5500, 16] && truck.costPerKilometre == 0.40)
        let standard = try ScenarioLoader.load(path: scenarios.appendingPathComponent("hub.yaml").path)
        let folded = try #require(standard.network.vehicleType("reefer-truck"))
        #expect(folded.reefer == nil && folded.loadDependentEnergy == LoadDependentEnergy(empty: 0.25, full: 0.33))
    }

    /// A negative, a non-numeric and an incomplete leakage figure are each reported with file,
    /// line and field.
    @Test func badReeferFieldsNameFileLineAndField() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "    energy_per_km: 0.1\n",
            with: """
                    energy_per_km: 0.1
                    reefer_energy_per_hour: -1.2
                    refrigerant_gwp: lots
                    refrigerant_leakage_kg_per_year: 0.5

                """)
        let messages = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
        #expect(messages.count == 3, "\(messages)")
        #expect(
            messages.contains(
                "network.yaml:30: field 'vehicle_types[0].reefer_energy_per_hour': must be at least 0, got -1.2"))
        #expect(messages.contains { $0.hasPrefix("network.yaml:31: field 'vehicle_types[0].refrigerant_gwp': ") })
        #expect(
            messages.contains(
                "network.yaml:32: field 'vehicle_types[0].refrigerant_leakage_kg_per_year': refrigerant leakage needs refrigerant_leakage_kg_per_year, refrigerant_gwp and reefer_hours_per_year together; missing reefer_hours_per_year"
            ))
    }
}

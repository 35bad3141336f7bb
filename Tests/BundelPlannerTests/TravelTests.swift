import Foundation
import Testing

@testable import BundelPlanner

@Suite("Distances")
struct TravelTests {
    @Test func oneDegreeOfLatitude() {
        let metres = GreatCircle.metres(GeoPoint(latitude: 0, longitude: 0), GeoPoint(latitude: 1, longitude: 0))
        // pi * R / 180 with the mean earth radius.
        #expect(abs(metres - 111_195.08) < 0.01)
    }

    @Test func amsterdamToUtrechtIsAbout35Kilometres() {
        let amsterdam = GeoPoint(latitude: 52.3791, longitude: 4.9003)
        let utrecht = GeoPoint(latitude: 52.0894, longitude: 5.1100)
        let metres = GreatCircle.metres(amsterdam, utrecht)
        #expect(abs(metres - 35_220) < 200, "\(metres)")
        #expect(GreatCircle.metres(utrecht, amsterdam) == metres)
        #expect(GreatCircle.metres(amsterdam, amsterdam) == 0)
    }

    @Test func matrixAppliesTheDetourFactorAndVehicleSpeed() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let network = scenario.network
        let matrix = TravelMatrix(network: network, detourFactor: 1.3)
        let straight = GreatCircle.metres(network.site("s1")!.location, network.hub("hub")!.location)
        #expect(matrix.metres("s1", "hub") == Int((straight * 1.3).rounded()))
        #expect(matrix.metres("s1", "s1") == 0)
        // 35 km/h is 9.722 m/s.
        let seconds = matrix.seconds("s1", "hub", speedKmh: 35)
        #expect(seconds == Int((Double(matrix.metres("s1", "hub")) / (35 / 3.6)).rounded()))
        #expect(matrix.ids.count == network.hubs.count + network.sites.count + network.suppliers.count)
    }

    @Test func matrixFromCSVIsUsedExactly() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = ["hub", "s1", "s2", "s3", "s4", "s5", "s6", "far", "near", "parcels"]
        var csv = "from,to,distance_km,duration_min\n"
        for (i, from) in ids.enumerated() {
            for (j, to) in ids.enumerated() where i != j {
                csv += "\(from),\(to),\(Double(3 + (i * 7 + j * 3) % 11) + 0.25),\(10 + (i + j) % 7)\n"
            }
        }
        try csv.write(to: folder.appendingPathComponent("matrix.csv"), atomically: true, encoding: .utf8)
        try Fixture.edit(folder, "scenario.yaml", replacing: "  detour_factor: 1.3", with: "  matrix: matrix.csv")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(matrix.metres("hub", "s1") == 3000 + Int(Double(((0 * 7 + 1 * 3) % 11)) * 1000) + 250)
        #expect(matrix.seconds("s2", "far", speedKmh: 35) == (10 + (2 + 7) % 7) * 60)

        let result = try Planner.plan(scenario)
        #expect(
            WeeklyPlanValidator.violations(of: result.baseline, scenario: scenario, matrix: matrix, viaHub: [:]) == [])
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix, viaHub: result.consolidation.viaHub) == [])
        let legs = result.baseline.routes.flatMap(\.legMetres).reduce(0, +)
        #expect(abs(result.baseline.totals.vehicleKm - Double(legs) / 1000) < 1e-9)
    }

    @Test func incompleteMatrixIsAnInputError() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "from,to,distance_km\nhub,s1,4.5\ns1,nowhere,3\n".write(
            to: folder.appendingPathComponent("matrix.csv"), atomically: true, encoding: .utf8)
        try Fixture.edit(folder, "scenario.yaml", replacing: "  detour_factor: 1.3", with: "  matrix: matrix.csv")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        #expect {
            try TravelMatrix.forScenario(scenario)
        } throws: { error in
            let messages = (error as! InputError).problems.map(\.description)
            return messages.contains {
                $0.hasSuffix(
                    "matrix.csv:3: field 'to': unknown location 'nowhere' (not a hub, site or supplier of the network)")
            }
                && messages.contains { $0.contains("89 of 90 location pairs are missing") }
        }
    }
}

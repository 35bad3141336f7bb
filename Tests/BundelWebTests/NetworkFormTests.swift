import BundelTestSupport
import Foundation
import Testing

/// A network made from its three CSV tables and the form's settings: checked as an upload is,
/// stored when valid, and planned like any other.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct NetworkFormTests {
    /// The small network's tables, its suppliers driving the catalogue's diesel van.
    static func form(flows: String? = nil, vehicleTypes: [String] = ["diesel-van", "e-van"]) throws -> [String: Any] {
        let table = { (name: String) in
            try String(contentsOf: SmallNetwork.folder.appendingPathComponent(name), encoding: .utf8)
        }
        return [
            "name": "small from tables", "description": "made in the form",
            "hubs": [
                [
                    "id": "hub", "name": "Test hub", "lat": 52.329, "lon": 4.938, "fixedCostPerWeek": 100,
                    "handlingCostPerCage": 2,
                ]
            ],
            "vehicleTypes": vehicleTypes, "sitesCsv": try table("sites.csv"),
            "suppliersCsv": try table("suppliers.csv").replacingOccurrences(of: ",van,", with: ",diesel-van,"),
            "flowsCsv": try flows ?? table("flows.csv"),
        ]
    }

    @Test func tablesAndFormMakeANetworkThatPlans() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let made = try await client.post("/api/networks/form", json: try Self.form())
            #expect(made.status == 201, "\(made.text)")
            let networkId = try #require(made.object["id"] as? Int)
            #expect(made.object["sites"] as? Int == 6 && made.object["flows"] as? Int == 12)
            let yaml = try String(contentsOfFile: SmallNetwork.scenario, encoding: .utf8)
            let scenario = try await client.post(
                "/api/scenarios", json: ["networkId": networkId, "name": "via the hub", "yaml": yaml])
            #expect(scenario.status == 201, "\(scenario.text)")
            let run = try await client.post(
                "/api/runs",
                json: [
                    "kind": "plan", "scenarioIds": [try #require(scenario.object["id"] as? Int)],
                    "timeLimitSeconds": 10,
                ])
            let finished = try await client.waitForRun(try #require(run.object["id"] as? Int))
            #expect(finished["status"] as? String == "finished", "\(finished)")
            #expect(try await client.get("/networks").text.contains("id=\"network-form\""))
        }
    }

    @Test func badTablesOrSettingsAreRefusedAndNothingStored() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let broken = try await client.post(
                "/api/networks/form",
                json: try Self.form(flows: "supplier,site,deliveries_per_week,kg,cages\nfar,s1,often,400,2\n"))
            #expect(broken.status == 422, "\(broken.text)")
            let problems = broken.object["problems"] as? [[String: Any]] ?? []
            #expect(
                problems.contains {
                    $0["file"] as? String == "flows.csv" && $0["line"] as? Int == 2
                        && $0["field"] as? String == "deliveries_per_week"
                }, "\(problems)")
            let noTypes = try await client.post("/api/networks/form", json: try Self.form(vehicleTypes: []))
            #expect(noTypes.status == 400)
            let unknown = try await client.post("/api/networks/form", json: try Self.form(vehicleTypes: ["hovercraft"]))
            #expect(unknown.status == 422, "\(unknown.text)")
            #expect(try await client.get("/api/networks").array.isEmpty)
            #expect(
                try FileManager.default.contentsOfDirectory(
                    atPath: server.folder.appendingPathComponent("uploads").path
                )
                .isEmpty)
        }
    }
}

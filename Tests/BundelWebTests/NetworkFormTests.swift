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

    /// The hub's capacity a week, its cross-dock and cut-off, and the minutes a delivery adds at
    /// a stop reach network.yaml as the format names them; a cross-dock the format lacks is a 422
    /// naming the field.
    @Test func hubSettingsReachNetworkYAML() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            var form = try Self.form()
            form["perDeliveryMinutes"] = 2
            form["hubs"] = [
                [
                    "id": "hub", "name": "Test hub", "lat": 52.329, "lon": 4.938, "fixedCostPerWeek": 100,
                    "capacityCagesPerWeek": 100, "capacityKgPerWeek": 5000, "crossDock": "same_day",
                    "cutOff": "17:30",
                ]
            ]
            let made = try await client.post("/api/networks/form", json: form)
            #expect(made.status == 201, "\(made.text)")
            let networkId = try #require(made.object["id"] as? Int)
            let yaml = try String(
                contentsOf: server.folder.appendingPathComponent("networks/\(networkId)/network.yaml"), encoding: .utf8)
            let hub = try #require(
                (try await client.get("/api/networks/\(networkId)").object["hubs"] as? [[String: Any]])?.first)
            #expect(hub["crossDock"] as? String == "same_day" && hub["cutOff"] as? String == "17:30", "\(hub)")
            #expect(hub["capacityPerWeek"] as? [Double] == [5000, 100], "\(hub)")
            let page = try await client.get("/networks/\(networkId)")
            #expect(page.text.contains("<td>5,000 kg, 100 cages</td>") && page.text.contains("<td>same day</td>"))
            for text in [
                "capacity_per_week:", "kg: 5000.0", "cages: 100.0", "cross_dock: same_day", "cut_off: \"17:30\"",
                "per_delivery_minutes: 2.0",
            ] {
                #expect(yaml.contains(text), "\(text) missing from \(yaml)")
            }
            form["hubs"] = [
                [
                    "id": "hub", "name": "Test hub", "lat": 52.329, "lon": 4.938, "fixedCostPerWeek": 100,
                    "crossDock": "someday",
                ]
            ]
            let refused = try await client.post("/api/networks/form", json: form)
            #expect(refused.status == 422, "\(refused.text)")
            #expect(refused.text.contains("cross_dock"), "\(refused.text)")
            #expect(try await client.get("/api/networks").array.count == 1)
        }
    }
}

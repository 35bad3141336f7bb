import BundelTestSupport
import Foundation
import Testing

/// Every endpoint's responses, good and bad, against docs/openapi.yaml, checked by
/// `check-openapi.py` (openapi-schema-validator from PyPI); skipped, saying so, without it.
@Suite(
    .enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)),
    .enabled(if: OpenAPICheck.available, Comment(rawValue: OpenAPICheck.missing))
)
struct OpenAPIConformanceTests {
    @Test func everyResponseMatchesTheSpec() async throws {
        let recorder = ExchangeRecorder()
        try await WebTestServer.with { server in
            let client = server.client(recorder: recorder)
            _ = try await client.get("/api/health")
            _ = try await client.get("/api/networks")
            _ = try await client.post("/api/networks/form", json: try NetworkFormTests.form())
            _ = try await client.post("/api/networks/form", json: try NetworkFormTests.form(flows: "supplier\n"))
            _ = try await client.get("/api/builtin-networks")
            _ = try await client.send("POST", "/api/builtin-networks/nowhere")
            _ = try await client.send("POST", "/api/builtin-networks/amsterdam-centre")
            let (networkId, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            _ = try await client.send(
                "POST", "/api/networks",
                body: try ZipFixtures.smallNetwork(editing: "flows.csv", replacing: "far,s1,2", with: "far,s1,two"))
            _ = try await client.send("POST", "/api/networks", body: Data("not a zip".utf8))
            _ = try await client.get("/api/networks")
            _ = try await client.get("/api/networks/\(networkId)")
            _ = try await client.get("/api/networks/77")
            _ = try await client.get("/api/scenarios")
            _ = try await client.get("/api/scenarios/\(scenarioId)")
            _ = try await client.get("/api/scenarios/\(scenarioId)/yaml")
            _ = try await client.get("/api/scenarios/78/yaml")
            _ = try await client.post("/api/scenarios", json: ["networkId": networkId, "name": "bad", "hubs": ["x"]])
            let second = try await client.post(
                "/api/scenarios",
                json: [
                    "networkId": networkId, "name": "form", "hubs": ["hub"], "hubFleet": ["e-van"],
                    "timeLimitSeconds": 10,
                ])
            let secondId = try #require(second.object["id"] as? Int)
            let plan = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId], "timeLimitSeconds": 10])
            let planId = try #require(plan.object["id"] as? Int)
            _ = try await client.get("/api/runs/\(planId)/events")
            _ = try await client.waitForRun(planId)
            _ = try await client.get("/api/runs/\(planId)")
            _ = try await client.get("/api/runs/\(planId)/files/plan.json")
            _ = try await client.get("/api/runs/\(planId)/files/report.html")
            _ = try await client.get("/api/runs/\(planId)/files/nothing.txt")
            _ = try await client.send("POST", "/api/runs/\(planId)/cancel")
            let secondPlan = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [secondId], "timeLimitSeconds": 10])
            let secondPlanId = try #require(secondPlan.object["id"] as? Int)
            _ = try await client.waitForRun(secondPlanId)
            let comparison = try await client.get("/api/comparison?runs=\(planId),\(secondPlanId)")
            #expect(comparison.status == 200, "\(comparison.text)")
            _ = try await client.get("/api/comparison?runs=\(planId)")
            _ = try await client.get("/api/comparison?runs=\(planId),999")
            let compare = try await client.post(
                "/api/runs", json: ["kind": "compare", "scenarioIds": [scenarioId, secondId]])
            let compareId = try #require(compare.object["id"] as? Int)
            let compared = try await client.waitForRun(compareId)
            #expect(compared["status"] as? String == "finished", "\(compared)")
            _ = try await client.get("/api/comparison?runs=\(compareId),\(planId)")
            let sweep = try await client.post(
                "/api/runs",
                json: ["kind": "sweep", "scenarioIds": [scenarioId], "parameter": "seed", "values": ["1", "2"]])
            let pareto = try await client.post(
                "/api/runs", json: ["kind": "pareto", "scenarioIds": [scenarioId], "points": 2, "timeLimitSeconds": 10])
            _ = try await client.waitForRun(try #require(sweep.object["id"] as? Int))
            _ = try await client.waitForRun(try #require(pareto.object["id"] as? Int))
            _ = try await client.get("/api/runs")
            _ = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [99]])
            _ = try await client.post("/api/runs", json: ["kind": "sweep", "scenarioIds": [1]])
        }
        let scratch = try scratchFolder("bundel-web-web-openapi")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let exchanges = scratch.appendingPathComponent("exchanges.json")
        try await recorder.json().write(to: exchanges)
        let check = try ProcessRun.run(
            OpenAPICheck.python!, [OpenAPICheck.script.path, OpenAPICheck.spec.path, exchanges.path])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
    }
}

/// Where the spec, the checking script and a Python with its modules are.
enum OpenAPICheck {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let script = here.appendingPathComponent("check-openapi.py")
    static let spec = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "docs/openapi.yaml")
    static let python = ProcessRun.onPath("python3")

    /// Whether python3 imports the modules the script needs.
    static let available: Bool = {
        guard let python else { return false }
        let run = try? ProcessRun.run(
            python, ["-c", "import yaml, openapi_schema_validator, openapi_spec_validator"])
        return run?.status == 0
    }()

    static let missing =
        "skipped: the OpenAPI check needs python3 with PyYAML, openapi-schema-validator and openapi-spec-validator (pip install openapi-spec-validator pyyaml)"
}

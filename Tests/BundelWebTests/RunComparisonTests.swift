import BundelTestSupport
import Foundation
import Testing

/// Finished plan runs compared from their own JSON summaries give the figures `bundel compare`
/// gives when it plans the same two scenarios; what cannot be compared is refused with its status.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct RunComparisonTests {
    @Test func twoFinishedPlansCompareLikeTheCommandLine() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let (networkId, firstScenario) = try await WebFlow.uploadAndWriteScenario(client)
            let second = try await client.post(
                "/api/scenarios",
                json: [
                    "networkId": networkId, "name": "Small, least CO2e", "hubs": ["hub"], "hubFleet": ["e-van"],
                    "objective": "co2e", "timeLimitSeconds": 20,
                ])
            let secondScenario = try #require(second.object["id"] as? Int, "\(second.text)")
            var runIds: [Int] = []
            for scenario in [firstScenario, secondScenario] {
                let run = try await client.post(
                    "/api/runs", json: ["kind": "plan", "scenarioIds": [scenario], "timeLimitSeconds": 20])
                runIds.append(try #require(run.object["id"] as? Int))
            }
            for id in runIds {
                #expect(try await client.waitForRun(id)["status"] as? String == "finished")
            }

            let compared = try await client.get("/api/comparison?runs=\(runIds[0]),\(runIds[1])")
            #expect(compared.status == 200, "\(compared.text)")
            #expect(compared.object["runIds"] as? [Int] == runIds)
            let runs = try #require(compared.object["runs"] as? [[String: Any]])
            #expect(runs.count == 2)

            // bundel compare plans the two stored scenario files again, side by side.
            let bundel = try #require(BuiltExecutable.bundel)
            let files = [firstScenario, secondScenario].map {
                server.folder.appendingPathComponent("scenarios/\($0)/scenario.yaml").path
            }
            let cli = try ProcessRun.run(bundel, ["compare"] + files + ["--json", "--quiet"])
            #expect(cli.status == 0, "\(cli.errors)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(cli.output.utf8)) as? [String: Any])
            let planned = try #require(document["runs"] as? [[String: Any]])
            #expect(planned.count == 2)
            for (run, cliRun) in zip(runs, planned) {
                // Labelled by the scenario's name; the command line labels by file.
                #expect(run["label"] as? String == cliRun["scenario"] as? String)
                var own = run, other = cliRun
                own["label"] = nil
                other["label"] = nil
                #expect(NSDictionary(dictionary: own) == NSDictionary(dictionary: other), "\(own) vs \(other)")
            }
            let text = try #require(compared.object["text"] as? String)
            #expect(text.contains("vehicle-km") && text.contains("Small, least CO2e"))

            let page = try await client.get("/compare?runs=\(runIds[0]),\(runIds[1])")
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            #expect(page.text.contains("Small, least CO2e") && page.text.contains("id=\"comparison\""))
            // The report bundel compare writes, its charts and tables, from the same summaries.
            let report = try await client.get("/compare/report?runs=\(runIds[0]),\(runIds[1])")
            #expect(report.status == 200 && report.contentType.hasPrefix("text/html"))
            #expect(report.text.contains("<svg") && report.text.contains("Small, least CO2e"))
        }
    }

    /// A scenario's name becomes a file name: a separator is replaced, a long name cut short in
    /// bytes, so that any name a person types makes a compare run that finishes.
    @Test func oddScenarioNamesMakeFileNames() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let networkId = try await WebFlow.upload(client)
            var ids: [Int] = []
            for name in ["north/south", String(repeating: "é", count: 150)] {
                let made = try await client.post(
                    "/api/scenarios",
                    json: [
                        "networkId": networkId, "name": name, "hubs": ["hub"], "hubFleet": ["e-van"],
                        "timeLimitSeconds": 10,
                    ])
                ids.append(try #require(made.object["id"] as? Int, "\(made.text)"))
            }
            let run = try await client.post("/api/runs", json: ["kind": "compare", "scenarioIds": ids])
            let id = try #require(run.object["id"] as? Int, "\(run.text)")
            #expect(try await client.waitForRun(id)["status"] as? String == "finished")
            let summary = try await client.get("/api/runs/\(id)/files/summary.json")
            let labels = (summary.object["runs"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(labels.first == "north-south.yaml", "\(labels)")
            #expect(labels.last == String(repeating: "é", count: 60) + ".yaml", "\(labels)")
        }
    }

    @Test func whatCannotBeComparedIsRefused() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let (_, scenario) = try await WebFlow.uploadAndWriteScenario(client)
            // A compare run is not a plan, however it ends.
            let run = try await client.post(
                "/api/runs", json: ["kind": "compare", "scenarioIds": [scenario, scenario]])
            let id = try #require(run.object["id"] as? Int, "\(run.text)")
            #expect(try await client.waitForRun(id)["status"] as? String == "finished")
            // Labelled by the scenario's name, the second time with its id, not by stored file.
            let summary = try await client.get("/api/runs/\(id)/files/summary.json")
            let labels = (summary.object["runs"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(
                labels == ["Small via the hub.yaml", "Small via the hub (scenario \(scenario)).yaml"], "\(labels)")
            // Its page shows the comparison bundel compare printed, a row per scenario file.
            let runPage = try await client.get("/runs/\(id)")
            #expect(runPage.text.contains("id=\"comparison\"") && runPage.text.contains("<th>scenario</th>"))
            for (query, status) in [
                ("", 400), ("?runs=\(id)", 400), ("?runs=\(id),\(id)", 400), ("?runs=\(id),x", 400),
                ("?runs=" + (1...51).map(String.init).joined(separator: ","), 400),
                ("?runs=\(id),999", 409), ("?runs=999,\(id)", 404),
            ] {
                let response = try await client.get("/api/comparison" + query)
                #expect(response.status == status, "\(query): \(response.text)")
                #expect(response.object["error"] is String, "\(query)")
            }
            let page = try await client.get("/compare?runs=\(id),999")
            #expect(page.status == 409)
        }
    }
}

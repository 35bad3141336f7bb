import BundelTestSupport
import Foundation
import Testing

/// The HTML pages over HTTP: each answers with the app's own assets only, shows what the store
/// holds, escapes what users wrote, and a finished run's page leads with the verdict.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct PagesTests {
    @Test func everyPageRendersFromTheStore() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let upload = try await client.send(
                "POST", "/api/networks",
                body: try ZipFixtures.smallNetwork(
                    editing: "network.yaml", replacing: "name: small", with: "name: \"<b>small</b>\""))
            let networkId = try #require(upload.object["id"] as? Int, "\(upload.text)")
            let yaml = try String(contentsOfFile: SmallNetwork.scenario, encoding: .utf8)
            let scenario = try await client.post(
                "/api/scenarios", json: ["networkId": networkId, "name": "Small & hub", "yaml": yaml])
            let scenarioId = try #require(scenario.object["id"] as? Int)
            let created = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId], "timeLimitSeconds": 10])
            let runId = try #require(created.object["id"] as? Int)
            // While it runs (or just after) the page has the live part or the result.
            let early = try await client.get("/runs/\(runId)")
            #expect(early.status == 200)
            #expect(early.text.contains("id=\"live\"") || early.text.contains("class=\"verdict\""))
            _ = try await client.waitForRun(runId)

            let networks = try await client.get("/networks")
            #expect(networks.status == 200 && networks.contentType.hasPrefix("text/html"))
            #expect(networks.text.contains("&lt;b&gt;small&lt;/b&gt;") && !networks.text.contains("<b>small"))
            #expect(networks.text.contains("id=\"upload\""))
            let network = try await client.get("/networks/\(networkId)")
            #expect(network.text.contains("<svg class=\"map\""))
            #expect(network.text.contains("Site one") && network.text.contains("Far supplier"))
            let form = try await client.get("/scenarios/new?network=\(networkId)")
            #expect(form.text.contains("name=\"hubs\" value=\"hub\""))
            #expect(form.text.contains("name=\"hubFleet\" value=\"e-van\""))
            #expect(form.text.contains("name=\"supplierFleetOf\" data-supplier=\"far\""))
            let page = try await client.get("/scenarios/\(scenarioId)")
            #expect(page.text.contains("Small &amp; hub"))
            #expect(page.text.contains("/api/scenarios/\(scenarioId)/yaml"))
            let run = try await client.get("/runs/\(runId)")
            let verdict = try #require(run.text.range(of: "class=\"verdict\">Verdict:"))
            let report = try #require(run.text.range(of: "<iframe class=\"report\""))
            #expect(verdict.lowerBound < report.lowerBound, "the verdict comes before the report")
            #expect(run.text.contains("/api/runs/\(runId)/files/plan.json"))
            #expect(run.text.contains("<th>baseline</th>"))
            // The bundled plan's trips on the map, from the run's plan.geojson.
            #expect(run.text.contains("<polyline class=\"trip "), "no trip on the run's map")
            let inline = try await client.get("/runs/\(runId)/report")
            #expect(inline.status == 200 && inline.contentType.hasPrefix("text/html"))
            #expect(inline.text.contains("<svg"))
            let runs = try await client.get("/runs")
            #expect(runs.text.contains("/runs/\(runId)"))
            #expect(runs.text.contains("name=\"compareRun\" value=\"\(runId)\""))
            #expect(runs.text.contains("id=\"compare-selected\""))
            #expect(page.text.contains("id=\"sweep\"") && page.text.contains("data-kind=\"pareto\""))
            #expect(try await client.get("/static/app.css").contentType.hasPrefix("text/css"))
            #expect(try await client.get("/static/app.js").text.contains("EventSource"))
            // No page names an address outside the server.
            for text in [networks.text, network.text, form.text, page.text, run.text] {
                #expect(!text.contains("http://") && !text.contains("https://"))
            }
        }
    }
}

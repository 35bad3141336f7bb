import BundelTestSupport
import BundelWeb
import Foundation
import Testing

/// The API end to end on a live server: upload the small network as a ZIP, write scenarios, run
/// a plan through the real `bundel`, watch its events, and download what it wrote.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct WebAPITests {
    @Test func healthAnswersAndUnknownPathsAreJSON404() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let health = try await client.get("/api/health")
            #expect(health.status == 200)
            #expect(health.object["status"] as? String == "ok")
            let missing = try await client.get("/api/nothing-here")
            #expect(missing.status == 404)
            #expect(missing.contentType.hasPrefix("application/json"))
            #expect(missing.object["error"] as? String != nil)
            let badId = try await client.get("/api/runs/abc")
            #expect(badId.status == 400)
            let noRun = try await client.get("/api/runs/999")
            #expect(noRun.status == 404)
            // A request addressed to another name (DNS rebinding) gets nothing.
            let rebound = try await client.get("/api/networks", headers: ["Host": "evil.example"])
            #expect(rebound.status == 403, "\(rebound.text)")
        }
    }

    /// The whole path a person takes, and plan.json byte for byte what `bundel plan --out` writes
    /// for the same scenario file (plan.json has no clock fields; the summary's `run` has them).
    @Test func uploadScenarioPlanAndDownloadEqualToTheCommandLine() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let (networkId, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)

            let network = try await client.get("/api/networks/\(networkId)").object
            #expect((network["sites"] as? [Any])?.count == 6)
            #expect((network["suppliers"] as? [Any])?.count == 3)
            #expect((network["flows"] as? [Any])?.count == 12)

            let created = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId], "timeLimitSeconds": 20])
            #expect(created.status == 201)
            let runId = try #require(created.object["id"] as? Int)
            // The events stream ends by itself with the run.
            let events = try await client.get("/api/runs/\(runId)/events")
            #expect(events.contentType.hasPrefix("text/event-stream"))
            #expect(events.text.contains("event: progress"))
            #expect(events.text.contains("travel matrix"))
            #expect(events.text.contains("event: end\ndata: {\"elapsedSeconds\":"))
            let run = try await client.waitForRun(runId)
            #expect(run["status"] as? String == "finished")
            #expect((run["verdict"] as? String)?.hasPrefix("Verdict:") == true)
            let names = (run["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            for name in ["plan.json", "plan.geojson", "report.html", "summary.json", "routes.csv", "decisions.csv"] {
                #expect(names.contains(name), "\(name) missing from \(names)")
            }
            let downloaded = try await client.get("/api/runs/\(runId)/files/plan.json")
            #expect(downloaded.status == 200)

            // The command line on the stored scenario, with the same time limit.
            let bundel = try #require(BuiltExecutable.bundel)
            let out = try scratchFolder("bundel-web-web-cli")
            defer { try? FileManager.default.removeItem(at: out) }
            let scenarioFile = server.folder.appendingPathComponent("scenarios/\(scenarioId)/scenario.yaml")
            let cli = try ProcessRun.run(
                bundel, ["plan", scenarioFile.path, "--out", out.path, "--json", "--quiet", "--time-limit", "20"])
            #expect(cli.status == 0, "\(cli.errors)")
            let written = try Data(contentsOf: out.appendingPathComponent("plan.json"))
            #expect(downloaded.body == written, "plan.json from the web app differs from bundel plan --out")

            // The downloaded scenario names its network in full and plans as it is.
            let yaml = try await client.get("/api/scenarios/\(scenarioId)/yaml")
            #expect(yaml.status == 200)
            #expect(yaml.text.contains("network: \(server.folder.path)/networks/\(networkId)/network.yaml"))
            let copy = out.appendingPathComponent("downloaded.yaml")
            try yaml.body.write(to: copy)
            let validated = try ProcessRun.run(bundel, ["validate", copy.path])
            #expect(validated.status == 0, "\(validated.errors)")

            let missing = try await client.get("/api/runs/\(runId)/files/..%2F..%2Fbundel-web.sqlite")
            #expect(missing.status == 404)
            let finishedCancel = try await client.send("POST", "/api/runs/\(runId)/cancel")
            #expect(finishedCancel.status == 409)
        }
    }

    /// The form's fields make a scenario the loader accepts; a bad one is a 422 naming the field.
    @Test func scenarioFormAndItsProblems() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let networkId = try await WebFlow.upload(client)
            let good = try await client.post(
                "/api/scenarios",
                json: [
                    "networkId": networkId, "name": "Via the hub", "hubs": ["hub"], "hubFleet": ["e-van"],
                    "participation": "free", "days": ["mon", "tue", "wed", "thu", "fri"], "objective": "co2e",
                    "timeLimitSeconds": 15,
                ])
            #expect(good.status == 201, "\(good.text)")
            #expect((good.object["yaml"] as? String)?.contains("objective: co2e") == true)
            let fleets = try await client.post(
                "/api/scenarios",
                json: [
                    "networkId": networkId, "name": "Electric suppliers", "hubs": ["hub"], "hubFleet": ["e-van"],
                    "supplierFleet": ["e-van"], "supplierFleets": ["far": ["van"]], "timeLimitSeconds": 15,
                ])
            #expect(fleets.status == 201, "\(fleets.text)")
            let fleetsYaml = fleets.object["yaml"] as? String ?? ""
            #expect(fleetsYaml.contains("all: [e-van]") && fleetsYaml.contains("far: [van]"), "\(fleetsYaml)")
            let bad = try await client.post(
                "/api/scenarios",
                json: ["networkId": networkId, "name": "Bad", "hubs": ["nowhere"], "hubFleet": ["e-van"]])
            #expect(bad.status == 422)
            let problems = bad.object["problems"] as? [[String: Any]] ?? []
            #expect(problems.contains { $0["field"] as? String == "hubs" && $0["file"] as? String == "scenario.yaml" })
            let noNetwork = try await client.post("/api/scenarios", json: ["networkId": 99, "name": "x"])
            #expect(noNetwork.status == 404)
            let notJSON = try await client.send("POST", "/api/scenarios", body: Data("hubs: [".utf8))
            #expect(notJSON.status == 400)
            let elsewhere = try await client.post(
                "/api/scenarios",
                json: ["networkId": networkId, "name": "x", "yaml": "networks: [/etc/network.yaml]\nhubs: []\n"])
            #expect(elsewhere.status == 422)
            let factorFile = try await client.post(
                "/api/scenarios",
                json: [
                    "networkId": networkId, "name": "x",
                    "yaml": "hubs: []\nuncertainty:\n  emission_factors: [../../../bundel-web.sqlite]\n",
                ])
            #expect(factorFile.status == 422, "\(factorFile.text)")
            #expect((factorFile.object["error"] as? String)?.contains("uncertainty.emission_factors") == true)
            #expect(try await client.get("/api/scenarios").array.count == 2)
        }
    }

    /// With one run at a time a second run waits queued, and cancelling it ends it at once.
    @Test func secondRunWaitsQueuedAndCancels() async throws {
        let scratch = try scratchFolder("bundel-web-queue")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The first run's bundel waits for a gate file before it plans: the small network plans in
        // well under a second, and on a loaded machine the first run was seen to finish (and the
        // second to start) before the cancel request arrived.
        let gate = scratch.appendingPathComponent("gate")
        let bundel = try #require(BuiltExecutable.bundel)
        let gated = try StandInBundel.write(
            "#!/bin/sh\nwhile [ ! -e '\(gate.path)' ]; do sleep 0.05; done\nexec '\(bundel.path)' \"$@\"\n",
            named: "gated-bundel.sh", in: scratch)
        try await WebTestServer.with(configure: {
            $0.concurrentRuns = 1
            $0.bundel = gated
        }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let first = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let second = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let secondId = try #require(second.object["id"] as? Int)
            #expect(second.object["status"] as? String == "queued")
            let cancelled = try await client.send("POST", "/api/runs/\(secondId)/cancel")
            #expect(cancelled.status == 202)
            #expect(cancelled.object["status"] as? String == "cancelled")
            try Data().write(to: gate)
            let firstRun = try await client.waitForRun(try #require(first.object["id"] as? Int))
            #expect(firstRun["status"] as? String == "finished")
            #expect(try await client.get("/api/runs/\(secondId)").object["status"] as? String == "cancelled")
            let wrongCount = try await client.post("/api/runs", json: ["kind": "compare", "scenarioIds": [scenarioId]])
            #expect(wrongCount.status == 400)
        }
    }
}

/// Sweeps and Pareto fronts through the API, and the parameters a sweep may not vary.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct SweepAndParetoRunTests {
    @Test func sweepAndParetoRunsFinishWithTheirFiles() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let sweep = try await client.post(
                "/api/runs",
                json: [
                    "kind": "sweep", "scenarioIds": [scenarioId], "parameter": "distances.detour_factor",
                    "values": ["1.2", "1.4"],
                ])
            #expect(sweep.status == 201, "\(sweep.text)")
            #expect(sweep.object["parameter"] as? String == "distances.detour_factor")
            let pareto = try await client.post(
                "/api/runs", json: ["kind": "pareto", "scenarioIds": [scenarioId], "points": 3, "timeLimitSeconds": 10])
            #expect(pareto.status == 201, "\(pareto.text)")
            let swept = try await client.waitForRun(try #require(sweep.object["id"] as? Int))
            #expect(swept["status"] as? String == "finished", "\(swept)")
            let sweepFiles = (swept["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(sweepFiles.contains("report.html") && sweepFiles.contains("summary.json"))
            let summary = try await client.get(
                "/api/runs/\(try #require(sweep.object["id"] as? Int))/files/summary.json")
            #expect(summary.text.contains("1.2") && summary.text.contains("1.4"))
            // bundel sweep --verbose logs a line as each value's plan ends; the events carry them.
            let events = try await client.get("/api/runs/\(try #require(sweep.object["id"] as? Int))/events")
            #expect(events.text.contains("event: progress"), "\(events.text)")
            #expect(events.text.contains("planned (2 runs)"), "\(events.text)")
            #expect(events.text.contains("distances.detour_factor=1.4: "), "\(events.text)")
            // The sweep's page: a row per value with its savings, and every figure as bundel sweep prints it.
            let sweepPage = try await client.get("/runs/\(try #require(sweep.object["id"] as? Int))")
            #expect(sweepPage.text.contains("<th>distances.detour_factor</th>"), "\(sweepPage.text)")
            #expect(sweepPage.text.contains("<td>1.2</td>") && sweepPage.text.contains("<td>1.4</td>"))
            #expect(sweepPage.text.contains("id=\"comparison\"") && sweepPage.text.contains("detour_factor=1.4"))
            let front = try await client.waitForRun(try #require(pareto.object["id"] as? Int))
            #expect(front["status"] as? String == "finished", "\(front)")
            #expect(front["points"] as? Int == 3)
            let frontPage = try await client.get("/runs/\(try #require(pareto.object["id"] as? Int))")
            #expect(frontPage.text.contains("<h2>The front, a week</h2>") && frontPage.text.contains("cheapest"))

            for (body, why) in [
                (
                    [
                        "kind": "sweep", "scenarioIds": [scenarioId], "parameter": "distances.matrix",
                        "values": ["m.csv"],
                    ], "a file"
                ),
                (
                    ["kind": "sweep", "scenarioIds": [scenarioId], "parameter": "emission_factors", "values": ["x"]],
                    "a file"
                ),
                (
                    ["kind": "sweep", "scenarioIds": [scenarioId], "parameter": "seed", "values": ["--force"]],
                    "an option"
                ),
                (["kind": "sweep", "scenarioIds": [scenarioId], "parameter": "seed"], "no values"),
                (["kind": "pareto", "scenarioIds": [scenarioId], "points": 50], "too many points"),
                (
                    ["kind": "sweep", "scenarioIds": [scenarioId, scenarioId], "parameter": "seed", "values": ["1"]],
                    "two scenarios"
                ),
            ] as [([String: Any], String)] {
                let refused = try await client.post("/api/runs", json: body)
                #expect(refused.status == 400, "\(why): \(refused.text)")
            }
            #expect(try await client.get("/api/runs").array.count == 2)
        }
    }
}

/// The networks that come with bundel: listed, added by id (never by path), and planned.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct BuiltInNetworkTests {
    @Test func builtInNetworksAreListedAndAddedByName() async throws {
        try await WebTestServer.with { server in
            let client = server.client()
            let list = try await client.get("/api/builtin-networks").array
            let ids = list.compactMap { $0["id"] as? String }
            #expect(ids.contains("amsterdam-centre") && ids.contains("amsterdam-campuses"), "\(ids)")
            let added = try await client.send("POST", "/api/builtin-networks/amsterdam-centre")
            #expect(added.status == 201, "\(added.text)")
            #expect(added.object["name"] as? String == "amsterdam-centre")
            let id = try #require(added.object["id"] as? Int)
            let detail = try await client.get("/api/networks/\(id)").object
            #expect(((detail["sites"] as? [Any])?.count ?? 0) > 0)
            for name in ["nowhere", "..", "..%2Fnetworks%2Famsterdam-centre", "%2Fetc"] {
                let refused = try await client.send("POST", "/api/builtin-networks/\(name)")
                #expect(refused.status == 404, "\(name): \(refused.status) \(refused.text)")
            }
            #expect(try await client.get("/api/networks").array.count == 1)
            #expect(try await client.get("/networks").text.contains("data-builtin=\"cordaan\""))
        }
    }
}

/// Steps several tests share.
enum WebFlow {
    /// Uploads the small network; its id.
    static func upload(_ client: WebClient) async throws -> Int {
        let response = try await client.send(
            "POST", "/api/networks", body: try ZipFixtures.smallNetwork(), headers: ["Content-Type": "application/zip"])
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestSupportError("upload failed: \(response.status) \(response.text)")
        }
        return id
    }

    /// Uploads the small network and stores the fixture's own scenario for it; both ids.
    static func uploadAndWriteScenario(_ client: WebClient) async throws -> (network: Int, scenario: Int) {
        let networkId = try await upload(client)
        let yaml = try String(contentsOfFile: SmallNetwork.scenario, encoding: .utf8)
        let response = try await client.post(
            "/api/scenarios", json: ["networkId": networkId, "name": "Small via the hub", "yaml": yaml])
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestSupportError("scenario failed: \(response.status) \(response.text)")
        }
        return (networkId, id)
    }
}

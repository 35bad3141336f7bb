import BundelTestSupport
import BundelWeb
import Foundation
import Testing

/// A restart loses nothing: what was stored is there again, a run that was running is marked
/// interrupted, and a run that was queued is run by the new server.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct RestartTests {
    @Test func runningRunIsInterruptedAndQueuedRunFinishesAfterRestart() async throws {
        let folder = try scratchFolder("bundel-web-web-restart")
        let scratch = try scratchFolder("bundel-web-web-hang")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: scratch)
        }
        // The first server runs a stand-in for bundel that ignores SIGINT and hangs, as a run
        // does when the server dies under it: its run stays `running` in the database.
        let pidFile = scratch.appendingPathComponent("pid")
        let hang = try StandInBundel.write(
            "#!/bin/sh\ntrap '' INT\necho $$ > '\(pidFile.path)'\nexec sleep 300\n", named: "hang.sh", in: scratch)
        defer {
            if let pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap({
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }) {
                kill(pid, SIGKILL)
            }
        }
        let ids = try await WebTestServer.with(
            folder: folder, removing: false,
            configure: {
                $0.bundel = hang
                $0.concurrentRuns = 1
            }
        ) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let running = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let queued = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let runningId = try #require(running.object["id"] as? Int)
            let queuedId = try #require(queued.object["id"] as? Int)
            #expect(try await client.get("/api/runs/\(runningId)").object["status"] as? String == "running")
            #expect(try await client.get("/api/runs/\(queuedId)").object["status"] as? String == "queued")
            return (runningId, queuedId, scenarioId)
        }
        // The second server on the same folder, with the real bundel.
        try await WebTestServer.with(folder: folder, removing: false) { server in
            let client = server.client()
            #expect(try await client.get("/api/networks").array.count == 1)
            #expect(try await client.get("/api/scenarios/\(ids.2)").status == 200)
            let interrupted = try await client.get("/api/runs/\(ids.0)").object
            #expect(interrupted["status"] as? String == "interrupted")
            #expect((interrupted["message"] as? String)?.contains("server stopped") == true)
            let resumed = try await client.waitForRun(ids.1)
            #expect(resumed["status"] as? String == "finished", "\(resumed)")
        }
    }
}

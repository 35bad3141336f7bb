import BundelTestSupport
import BundelWeb
import Foundation
import Testing

/// A run's time limit is enforced from outside too, and a server whose bundel is gone says so.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct RunLimitTests {
    /// A stand-in for bundel that ignores SIGINT and hangs is stopped (SIGINT, then SIGKILL)
    /// once past twice its time limit and the grace; its run fails saying why.
    @Test func hangingChildIsStoppedPastItsTimeLimit() async throws {
        let scratch = try scratchFolder("bundel-web-web-watchdog")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let hang = try StandInBundel.write("#!/bin/sh\ntrap '' INT\nexec sleep 1000\n", named: "hang.sh", in: scratch)
        try await WebTestServer.with(configure: {
            $0.bundel = hang
            $0.watchdog = RunQueue.Watchdog(graceSeconds: 0.5, killSeconds: 0.5)
        }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let started = ContinuousClock.now
            let created = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId], "timeLimitSeconds": 0.5])
            let run = try await client.waitForRun(try #require(created.object["id"] as? Int), seconds: 600)
            #expect(run["status"] as? String == "failed", "\(run)")
            #expect((run["message"] as? String)?.contains("time limit") == true, "\(run)")
            // The stand-in sleeps 1,000 s: ending well before that, it was stopped, not left to end
            // (the margin is for a loaded machine, where the server's own task may wait its turn).
            #expect(ContinuousClock.now - started < .seconds(900))
        }
    }

    /// A child that fails (here one that crashes on SIGSEGV) fails its run; the server goes on.
    @Test func crashingChildFailsItsRunNotTheServer() async throws {
        let scratch = try scratchFolder("bundel-web-web-crash")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let crash = try StandInBundel.write(
            "#!/bin/sh\necho about to crash >&2\nkill -SEGV $$\n", named: "crash.sh", in: scratch)
        try await WebTestServer.with(configure: { $0.bundel = crash }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let created = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let run = try await client.waitForRun(try #require(created.object["id"] as? Int), seconds: 600)
            #expect(run["status"] as? String == "failed", "\(run)")
            #expect((run["message"] as? String)?.contains("signal") == true, "\(run)")
            #expect(try await client.get("/api/health").status == 200)
        }
    }

    @Test func noRunStartsWithoutTheBundelExecutable() async throws {
        let scratch = try scratchFolder("bundel-web-web-gone")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stand = scratch.appendingPathComponent("bundel")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "/bin/true"), to: stand)
        try await WebTestServer.with(configure: { $0.bundel = stand }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            try FileManager.default.removeItem(at: stand)
            let refused = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            #expect(refused.status == 503)
            #expect((refused.object["error"] as? String)?.contains("bundel executable") == true)
            #expect(try await client.get("/api/runs").array.isEmpty)
        }
    }
}

/// Cancelling a running run sends its child SIGINT, as Ctrl-C does on the command line.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct RunCancelTests {
    @Test func runningRunIsCancelledBySigint() async throws {
        let scratch = try scratchFolder("bundel-web-web-cancel")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A stand-in that, like bundel, ends with 130 on SIGINT; it says so on standard error. It
        // sleeps in short steps in the foreground: with `sleep 60 &` and `wait` instead, the run
        // was seen here to stay `running` after the shell's exit while the orphaned sleep lived.
        let stand = try StandInBundel.write(
            "#!/bin/sh\ntrap 'echo got SIGINT >&2; exit 130' INT\necho started >&2\nwhile :; do sleep 0.1; done\n",
            named: "bundel.sh", in: scratch)
        try await WebTestServer.with(configure: { $0.bundel = stand }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)
            let created = try await client.post("/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId]])
            let id = try #require(created.object["id"] as? Int)
            // Wait until the child runs and has set its trap (its first line is in the run's log).
            let logFile = server.folder.appendingPathComponent("runs/\(id)/log.txt")
            let deadline = ContinuousClock.now + .seconds(600)
            while ContinuousClock.now < deadline {
                if (try? String(contentsOf: logFile, encoding: .utf8))?.contains("started") == true { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let cancel = try await client.send("POST", "/api/runs/\(id)/cancel")
            #expect(cancel.status == 202)
            let run = try await client.waitForRun(id, seconds: 600)
            #expect(run["status"] as? String == "cancelled", "\(run)")
            #expect(run["exitCode"] as? Int == 130)
            let log = try await client.get("/api/runs/\(id)/files/log.txt")
            #expect(log.text.contains("got SIGINT"))
        }
    }
}

import BundelTestSupport
import Foundation
import Testing

/// The server under load on loopback, bounded in count and time: 50 runs submitted at once are
/// all accepted and all finish, two at a time; while the first two plans run, 200 concurrent
/// status requests all answer. Prints the latency figures the README quotes.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct LoadTests {
    @Test(.timeLimit(.minutes(10)))
    func fiftyRunsAndTwoHundredConcurrentStatusRequests() async throws {
        try await WebTestServer.with(configure: { $0.concurrentRuns = 2 }) { server in
            let client = server.client()
            let (_, scenarioId) = try await WebFlow.uploadAndWriteScenario(client)

            // 50 runs at once, each its own request.
            let created = try await withThrowingTaskGroup(of: WebResponse.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await client.post(
                            "/api/runs", json: ["kind": "plan", "scenarioIds": [scenarioId], "timeLimitSeconds": 10])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(created.allSatisfy { $0.status == 201 }, "\(created.map(\.status))")
            let ids = created.compactMap { $0.object["id"] as? Int }
            #expect(Set(ids).count == 50)

            // 200 status requests at once while plans run.
            let health = try await client.get("/api/health").object
            #expect(health["runningRuns"] as? Int == 2, "\(health)")
            let load = WebClient(base: server.base, session: WebClient.loadSession(connections: 256))
            let started = ContinuousClock.now
            let results = await withTaskGroup(of: (Int, Duration).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let sent = ContinuousClock.now
                        let status = (try? await load.get("/api/runs/\(ids[index % ids.count])").status) ?? -1
                        return (status, ContinuousClock.now - sent)
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let wall = ContinuousClock.now - started
            let errors = results.filter { $0.0 != 200 }.count
            let milliseconds = results.map { $0.1.milliseconds }.sorted()
            let runningAfter = try await client.get("/api/health").object["runningRuns"] as? Int
            print(
                String(
                    format:
                        "load: 200 concurrent status requests while %d plans ran: %d errors; latency p50 %.1f ms, p95 %.1f ms, max %.1f ms; all answered in %.2f s",
                    runningAfter ?? -1, errors, milliseconds[99], milliseconds[189], milliseconds[199],
                    wall.milliseconds / 1000))
            #expect(errors == 0)

            // Every run finishes, whatever order the queue took them in.
            var finished = 0
            for id in ids {
                let run = try await client.waitForRun(id, seconds: 900)
                if run["status"] as? String == "finished" { finished += 1 }
            }
            #expect(finished == 50)
        }
    }
}

extension Duration {
    /// The duration in milliseconds, as a Double.
    fileprivate var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

import BundelTestSupport
import Foundation
import Testing

/// Ctrl-C during a long plan: the searches stop, and a complete plan that passed the validator
/// is still written, marked interrupted.
@Suite("Interrupting a plan")
struct InterruptTests {
    @Test(
        .enabled(
            if: BuiltExecutable.bundel != nil,
            "the bundel executable was not built beside the tests; run `swift build` first"))
    func sigintWritesACompleteValidPlanMarkedInterrupted() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The campus default with up to fifty million iterations per day problem: a plan gives a
        // problem of n stops 10 n² of them, so the small network's days of a few stops would end
        // in a second whatever the limit; the campus days of up to 71 stops take many minutes
        // (the time limit is ten), so the run can only end early through Ctrl-C.
        let campus = Fixture.folder.appendingPathComponent("../../../").standardizedFileURL
        let scenario = try String(
            contentsOf: campus.appendingPathComponent("scenarios/amsterdam-campuses/hub-duivendrecht.yaml"),
            encoding: .utf8)
        let edited =
            scenario
            .replacingOccurrences(
                of: "network: ../../networks/",
                with: "network: \(campus.appendingPathComponent("networks").path)/"
            )
            .replacingOccurrences(of: "routing_iterations: 3000", with: "routing_iterations: 50000000")
            .replacingOccurrences(of: "time_limit_seconds: 120", with: "time_limit_seconds: 600")
        #expect(edited.contains("routing_iterations: 50000000") && edited.contains("time_limit_seconds: 600"))
        try edited.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = BuiltExecutable.bundel
        process.arguments = [
            "plan", folder.appendingPathComponent("scenario.yaml").path, "--json", "--out", out.path, "--verbose",
        ]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Interrupt once the baseline search is under way; how long that takes does not
        // matter to the assertions, only that the signal arrives during the run.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the run must still be searching when interrupted")
        kill(process.processIdentifier, SIGINT)
        let summary = stdout.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 130, "\(messages)")
        #expect(messages.contains("both plans passed the independent validator"))
        let object = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
        #expect((object["run"] as? [String: Any])?["interrupted"] as? Bool == true)
        #expect((object["consolidation"] as? [String: Any])?["status"] as? String == "optimal")
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json")))
                as? [String: Any])
        #expect(plan["baseline"] != nil && plan["bundled"] != nil)
        #expect(plan["interrupted"] as? Bool == true, "the plan file itself says it was interrupted")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(
            files.count == 16 && !files.contains { $0.hasPrefix(".") },
            "all outputs, and no temporary file left: \(files)")
    }
}

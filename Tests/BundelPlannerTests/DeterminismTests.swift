import BundelTestSupport
import Foundation
import Testing

/// Same input and seed, same bytes, across processes: Swift seeds its hashing per process, so
/// a choice that depends on a dictionary's order differs between runs but not within one.
/// (A sum added in dictionary order differs only in its last bits, which the output's rounding
/// hides unless it crosses a boundary: the campus two-hub plan showed one such case, 149.27 vs
/// 149.26 km in a saving, now prevented by adding in sorted order.)
@Suite("Determinism across processes")
struct DeterminismTests {
    @Test(
        .enabled(
            if: BuiltExecutable.bundel != nil,
            "the bundel executable was not built beside the tests; run `swift build` first"))
    func twoProcessesWriteTheSameFiles() throws {
        // Two candidate hubs: more sums over sites and suppliers whose order could vary.
        let root = try HubChoiceTests.twoHubFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let folder = root.appendingPathComponent("run\(run)")
            let process = Process()
            process.executableURL = BuiltExecutable.bundel
            process.arguments = [
                "plan", root.appendingPathComponent("scenario.yaml").path, "--json", "--out", folder.path,
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let summary = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            var files = ["summary.json": summary]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == 17) // the summary and the sixteen files of --out
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        // The clock's readings are the one thing that may differ: the run's seconds, stages and
        // reading time and the proven bounds' seconds (0.0 on a quiet machine, 0.1 on a busy one)
        // are dropped.
        let summaries = try outputs.map { files in
            var summary = try #require(try JSONSerialization.jsonObject(with: files["summary.json"]!) as? [String: Any])
            var run = try #require(summary["run"] as? [String: Any])
            #expect(run["seconds"] is Double && run["stages"] is [Any] && run["readingSeconds"] is Double)
            run["seconds"] = nil
            run["stages"] = nil
            run["readingSeconds"] = nil
            summary["run"] = run
            if var bounds = summary["bounds"] as? [String: Any] {
                #expect(bounds["seconds"] is Double)
                bounds["seconds"] = nil
                summary["bounds"] = bounds
            }
            return try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        }
        #expect(summaries[0] == summaries[1], "summary.json differs between runs")
        for name in outputs[0].keys.sorted() where name != "summary.json" {
            #expect(outputs[0][name] == outputs[1][name], "\(name) differs between runs")
        }
    }
}

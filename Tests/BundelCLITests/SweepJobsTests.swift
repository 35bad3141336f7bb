import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `bundel sweep --emit-jobs` and `--collect` round trip through GNU parallel (Debian package
/// `parallel`): each line of jobs.txt runs from the folder with the built `bundel` on the PATH,
/// as any batch engine would run it, and the collected sweep is the in-process one, byte for
/// byte, in JSON, CSV and text. One value is YAML with spaces and braces, so the command lines
/// must quote it.
@Suite("Sweep jobs")
struct SweepJobsTests {
    @Test(
        .enabled(if: GNUParallel.installed, Comment(rawValue: GNUParallel.missing)),
        .enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func emitRunWithGNUParallelAndCollectGivesTheInProcessSweep() throws {
        let folder = try CompareAndSweepTests.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        let jobs = folder.appendingPathComponent("jobs")
        let sweep = [scenario, "--param", "objective", "--values", "km", "{cost: 1, co2e: 0.1}"]
        let emitted = try SweepCommand.parse(sweep + ["--emit-jobs", jobs.path]).render()
        #expect(emitted.contains("wrote 2 jobs"))
        let lines = try String(contentsOf: jobs.appendingPathComponent("jobs.txt"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("--values '{cost: 1, co2e: 0.1}'"))
        // Before the jobs ran, collecting names what is missing.
        #expect {
            _ = try SweepCommand.parse(["--collect", jobs.path]).render()
        } throws: { error in
            "\(error)".contains("run-1.json") && "\(error)".contains("run the job of objective=km")
        }

        let run = try GNUParallel.runJobs(in: jobs)
        #expect(run.status == 0, "\(run.errors)")

        for format in [["--json"], ["--csv"], []] {
            let collected = try SweepCommand.parse(["--collect", jobs.path] + format).render()
            let inProcess = try SweepCommand.parse(sweep + format + ["--quiet"]).render()
            #expect(collected == inProcess, "\(format)")
        }
        #expect(throws: (any Error).self) {
            _ = try SweepCommand.parse(["--collect", jobs.path, "--report", folder.path])
        }
    }
}

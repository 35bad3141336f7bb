import BundelTestSupport
import Foundation
import Testing

/// `compare --verbose` and `sweep --verbose` write their progress lines to standard error even
/// when it is not a terminal (a log, or bundel-web's run events), as `plan --verbose` does;
/// without it a pipe stays clean.
@Suite(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
struct ComparisonProgressTests {
    @Test func verboseLogsAProgressLinePerRun() throws {
        let bundel = try #require(BuiltExecutable.bundel)
        let folder = try CompareAndSweepTests.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["scenario.yaml", "km.yaml"].map { folder.appendingPathComponent($0).path }
        let compare = try ProcessRun.run(bundel, ["compare"] + paths + ["--json", "--verbose"])
        #expect(compare.status == 0, "\(compare.errors)")
        #expect(compare.errors.contains("km.yaml planned (2 runs)"), "\(compare.errors)")
        // Each plan's own lines, labelled by its run.
        #expect(compare.errors.contains("km.yaml: ") && compare.errors.contains("scenario.yaml: "), "\(compare.errors)")
        let sweep = try ProcessRun.run(
            bundel, ["sweep", paths[0], "--param", "seed", "--values", "1", "2", "--json", "--verbose"])
        #expect(sweep.status == 0, "\(sweep.errors)")
        #expect(sweep.errors.contains("planned (2 runs)"), "\(sweep.errors)")
        let silent = try ProcessRun.run(bundel, ["compare"] + paths + ["--json"])
        #expect(silent.status == 0 && !silent.errors.contains("planned"), "\(silent.errors)")
        let both = try ProcessRun.run(bundel, ["compare"] + paths + ["--quiet", "--verbose"])
        #expect(both.status != 0 && both.errors.contains("--quiet and --verbose"), "\(both.errors)")
    }
}

import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// Outputs safe and early: every output path is checked before any planning, a run's files
/// appear together or not at all, and timing lines reach a log only when asked.
@Suite("Output safety")
struct OutputSafetyTests {
    static let smallScenario = SmallNetwork.scenario

    /// An existing output file stops the run before it plans: with `--verbose` the planner's
    /// progress lines would appear on standard error, and none does. The same command with
    /// `--force` prints them, so their absence is the refusal, not a silent printer.
    @Test func anExistingOutputIsRefusedBeforeAnyPlanning() throws {
        let bundel = try #require(BuiltExecutable.bundel, "\(BuiltExecutable.missing)")
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("earlier\n".utf8).write(to: folder.appendingPathComponent("hubs.csv"))

        let refused = try ProcessRun.run(bundel, ["plan", Self.smallScenario, "--out", folder.path, "--verbose"])
        #expect(refused.status == 73)
        #expect(refused.errors.contains("hubs.csv exists; use --force to overwrite it"), "\(refused.errors)")
        #expect(!refused.errors.contains(" s] "), "no progress line: nothing was planned\n\(refused.errors)")
        #expect(refused.output.isEmpty)

        let forced = try ProcessRun.run(
            bundel, ["plan", Self.smallScenario, "--out", folder.path, "--verbose", "--force", "--no-bound"])
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(forced.errors.contains(" s] "), "progress lines with --verbose\n\(forced.errors)")
        #expect(forced.errors.contains("planned in"))
    }

    /// Without `--verbose`, standard error that is not a terminal (a pipe here) gets no
    /// progress or timing lines.
    @Test func aLogGetsNoTimingLinesUnlessAsked() throws {
        let bundel = try #require(BuiltExecutable.bundel, "\(BuiltExecutable.missing)")
        let run = try ProcessRun.run(bundel, ["plan", Self.smallScenario, "--json", "--no-bound"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.errors.contains("planned in") && !run.errors.contains(" s] "), "\(run.errors)")
        #expect(!run.output.isEmpty)
    }

    /// A report that cannot be written (its folder is a file) refuses the run before planning,
    /// and the `--out` folder that could have been written does not appear.
    @Test func anUnwritableReportLeavesNoOutFiles() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a file\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let out = folder.appendingPathComponent("out")
        let code = Fixture.exitCode([
            "plan", Self.smallScenario, "--out", out.path, "--report",
            folder.appendingPathComponent("notes.txt/report").path,
        ])
        #expect(code == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    /// When one staged output fails, what was staged before it is removed with the folders
    /// made for it, and nothing reaches its target.
    @Test func aFailedStageLeavesNothingBehind() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a file\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        var staged = StagedOutputs()
        try staged.stage("a,b\n", at: folder.appendingPathComponent("new/first.csv"))
        #expect(throws: OutputError.self) {
            try staged.stage("c\n", at: folder.appendingPathComponent("notes.txt/second.csv"))
        }
        staged.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    /// Committed, the staged files replace the old ones and no temporary name is left.
    @Test func aCommitMovesEveryFileIntoPlace() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("first.csv")
        try Data("old\n".utf8).write(to: old)
        var staged = StagedOutputs()
        try staged.stage("new\n", at: old)
        try staged.stage("second\n", at: folder.appendingPathComponent("deeper/second.csv"))
        #expect(try String(contentsOf: old, encoding: .utf8) == "old\n", "nothing visible before the commit")
        try staged.commit()
        #expect(try String(contentsOf: old, encoding: .utf8) == "new\n")
        #expect(
            try String(contentsOf: folder.appendingPathComponent("deeper/second.csv"), encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["deeper", "first.csv"])
    }
}

import BundelPlanner
import BundelRouting
import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `bundel plan --export-problems DIR` and `bundel bench DIR` on what it wrote.
@Suite("Export of day problems")
struct ExportProblemsTests {
    static let smallScenario = CommandLineTests.smallScenario

    func exitCode(_ arguments: [String]) -> Int32 { Fixture.exitCode(arguments) }

    @Test func planWritesOneParsableProblemAndSolutionPerRoutingProblem() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("problems")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--export-problems", export.path]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: export.path).sorted()
        let problems = names.filter { !$0.hasSuffix(".solution.json") }
        // The same scenario and seed plan the same problems in-process.
        let result = try Planner.validatedPlan(try ScenarioLoader.load(path: Self.smallScenario), keepingProblems: true)
            .result
        #expect(problems.count == result.baseline.dayProblems.count + result.bundled.dayProblems.count)
        #expect(names.count == 2 * problems.count)
        #expect(problems.first == "baseline-direct-far-1-mon.json")
        #expect(problems.contains { $0.hasPrefix("bundled-hub-hub-") })
        for name in problems {
            let path = export.appendingPathComponent(name).path
            let problem = try VROOMProblem.read(path: path)
            let reference = try ReferenceSolution.read(path: ReferenceSolution.path(besideProblem: path))
            let served = reference.routes.flatMap { $0.trips.joined() } + reference.unassigned.map(\.id)
            #expect(served.sorted() == Array(problem.problem.jobs.indices), "\(name)")
        }
        // Written whole: nothing but the folder beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["problems"])

        // bench takes the folder and compares with the plan's solutions.
        #expect(exitCode(["bench", export.path, "--time-limit", "0.05", "--limit", "3", "--csv"]) == 0)
        #expect(exitCode(["bench", export.path, "--time-limit", "0.05", "--limit", "1"]) == 0)
    }

    @Test func anExistingFolderIsReplacedOnlyWithForceAndOnlyWhenItHoldsAnExport() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("problems")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: export.appendingPathComponent("old.json"))
        // Refused before planning, and nothing is touched.
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--export-problems", export.path]) == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: export.path) == ["old.json"])
        // With --force the earlier export (only .json files) is replaced as a whole.
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--export-problems", export.path, "--force"]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: export.path)
        #expect(!names.contains("old.json") && names.count > 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["problems"])
        // A folder holding anything else is never replaced.
        try Data("notes\n".utf8).write(to: export.appendingPathComponent("notes.txt"))
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--export-problems", export.path, "--force"]) == 73)
        #expect(FileManager.default.fileExists(atPath: export.appendingPathComponent("notes.txt").path))
        // An empty folder is fine without --force.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--export-problems", empty.path]) == 0)
    }

    @Test func benchRefusesBenchmarkInstancesAndExportedProblemsTogether() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}\n".utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data("NAME : x\n".utf8).write(to: folder.appendingPathComponent("b.vrp"))
        #expect(exitCode(["bench", folder.path]) == 65)
    }
}

import BundelPlanner
import BundelReports
import Foundation
import Testing

@testable import bundel

/// A comparison rebuilt from plan runs' JSON summaries, as the web app makes it from finished
/// runs, says what `bundel compare` says when it plans the same scenarios.
@Suite("Comparison from plan summaries")
struct ComparisonFromSummaryTests {
    @Test func entriesFromSummariesEqualCompare() throws {
        let folder = try CompareAndSweepTests.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["scenario.yaml", "km.yaml"].map { folder.appendingPathComponent($0).path }
        let report = folder.appendingPathComponent("report")
        let json = try CompareCommand.parse(paths + ["--json", "--quiet", "--report", report.path]).render()
        let compared = try JSONDecoder().decode(ComparisonTable.Document.self, from: Data(json.utf8))
        // Each scenario planned on its own, as a plan run does, its summary then read back.
        let fromSummaries = try zip(paths, compared.runs).map { path, run in
            let summary = try JSONSummary(try Planner.validatedPlan(try ScenarioLoader.load(path: path)).result)
                .encoded()
            return try ComparisonTable.Entry(summary: Data(summary.utf8), label: run.label)
        }
        #expect(fromSummaries == compared.runs)
        #expect(
            ComparisonTable.render(fromSummaries, title: "t") == ComparisonTable.render(compared.runs, title: "t"))
        // The HTML report too, byte for byte: it needs only the entries.
        let written = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(ComparisonReport.render(fromSummaries, title: "bundel compare: 2 scenarios") == written)
    }

    @Test func notASummaryIsAnError() {
        #expect(throws: DecodingError.self) {
            try ComparisonTable.Entry(summary: Data("{\"runs\": []}".utf8), label: "x")
        }
    }
}

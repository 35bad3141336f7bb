import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner

/// The report and the map of the small scenario, byte for byte, against the files under
/// `Fixtures/golden/`. A deliberate change to the planner or the reports changes them: look at
/// the new files, and record them with `BUNDEL_RECORD_GOLDEN=1 swift test --filter GoldenFile`.
@Suite("Golden files")
struct GoldenFileTests {
    static let folder = Fixture.folder.appendingPathComponent("golden")

    static func outputs() throws -> [(name: String, content: String)] {
        var result = try Planner.plan(try ScenarioLoader.load(path: Fixture.smallScenario))
        // The scenario's path depends on where the tests run; the golden files must not.
        result.scenario.file = "Fixtures/small/scenario.yaml"
        return [("report.html", HTMLReport.render(result)), ("plan.geojson", try GeoJSONMap.document(result))]
    }

    @Test func reportAndMapEqualTheRecordedFiles() throws {
        let record = ProcessInfo.processInfo.environment["BUNDEL_RECORD_GOLDEN"] == "1"
        for (name, content) in try Self.outputs() {
            let url = Self.folder.appendingPathComponent(name)
            if record { try content.write(to: url, atomically: true, encoding: .utf8) }
            let recorded = try String(contentsOf: url, encoding: .utf8)
            let difference = LineDiff.describe(recorded: recorded, actual: content)
            #expect(
                difference == nil,
                """
                \(name) differs from Fixtures/golden/\(name); if the change is meant, record it again \
                (BUNDEL_RECORD_GOLDEN=1 swift test --filter GoldenFile):
                \(difference ?? "")
                """)
        }
    }
}

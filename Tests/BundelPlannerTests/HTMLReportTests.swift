import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// `report.html`: the headline figures are the JSON summary's, and the maps and charts have
/// content.
@Suite("HTML report")
struct HTMLReportTests {
    @Test func headlineFiguresEqualTheJSONSummaryAndTheMapsDrawEveryTrip() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let result = try Planner.plan(scenario)
        let html = HTMLReport.render(result)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONSummary(result).encoded().utf8)) as? [String: Any])

        // Every figure cell names its plan and metric and carries its value.
        let cell = try Regex(#"data-plan="(\w+)" data-metric="(\w+)" data-value="([-0-9.e+]+)""#)
        let cells = html.matches(of: cell)
        #expect(cells.count == 21, "three plans, seven metrics")
        for match in cells {
            let plan = String(match.output[1].substring!), metric = String(match.output[2].substring!)
            let value = try #require(Double(String(match.output[3].substring!)))
            let expected = try #require((summary[plan] as? [String: Any])?[metric] as? NSNumber)
            #expect(value == expected.doubleValue, "\(plan).\(metric)")
        }
        // One polyline per trip: every day of both plans has its map.
        let polylines = html.matches(of: try Regex(#"<polyline class="route""#)).count
        #expect(polylines == result.baseline.routes.count + result.bundled.routes.count)
        #expect(html.matches(of: try Regex(#"<svg class="map""#)).count == 2 * scenario.days.count)
        #expect(html.contains("<g class=\"scale\">"))
        // A route sheet per vehicle and day of the bundled plan, listing each of its trips; and
        // the methodology.
        let vehicleDays = Set(
            result.bundled.routes.map { "\($0.day) \($0.operatedBy) \($0.vehicle ?? $0.vehicleType)" })
        #expect(html.matches(of: try Regex(#"<section class="sheet">"#)).count == vehicleDays.count)
        #expect(html.matches(of: try Regex(#"<p>trip \d+ \("#)).count == result.bundled.routes.count)
        #expect(html.contains("<h2>Methodology</h2>"))
        // Nothing is fetched: no sources or links (the SVG namespace is a name, not a fetch).
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<link"))
        #expect(!html.contains("<script"))
    }

    @Test func textIsEscaped() {
        #expect(HTMLReport.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    }
}

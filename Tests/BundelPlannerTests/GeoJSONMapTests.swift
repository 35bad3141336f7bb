import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// `plan.geojson` against the structure RFC 7946 prescribes, and against the plan it draws.
@Suite("GeoJSON map")
struct GeoJSONMapTests {
    /// Checks one position: two numbers, longitude first, within the earth's ranges.
    static func isPosition(_ value: Any?) -> Bool {
        guard let position = value as? [Double], position.count == 2 else { return false }
        return (-180...180).contains(position[0]) && (-90...90).contains(position[1])
    }

    @Test func featuresFollowRFC7946AndMatchThePlan() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let result = try Planner.plan(scenario)
        let text = try GeoJSONMap.document(result)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        let features = try #require(root["features"] as? [[String: Any]])
        let network = scenario.network
        let routes = result.baseline.routes + result.bundled.routes
        #expect(features.count == network.sites.count + network.hubs.count + network.suppliers.count + routes.count)

        var lines: [[String: Any]] = []
        for feature in features {
            #expect(feature["type"] as? String == "Feature")
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(feature["properties"] is [String: Any])
            switch geometry["type"] as? String {
            case "Point":
                #expect(Self.isPosition(geometry["coordinates"]))
            case "LineString":
                let positions = try #require(geometry["coordinates"] as? [Any])
                #expect(positions.count >= 2 && positions.allSatisfy(Self.isPosition))
                lines.append(feature)
            default:
                Issue.record("unexpected geometry \(String(describing: geometry["type"]))")
            }
        }
        // Each trip's line runs start, stops, end, and carries the trip's kilometres.
        #expect(lines.count == routes.count)
        for (line, route) in zip(lines, routes) {
            let positions = (line["geometry"] as? [String: Any])?["coordinates"] as? [[Double]]
            #expect(positions?.count == route.stops.count + 2)
            let properties = line["properties"] as? [String: Any]
            #expect((properties?["km"] as? Double).map { abs($0 - Double(route.metres) / 1000) < 1e-9 } == true)
        }
        // Longitude first: the hub of the small network lies at 52.3290 N, 4.9380 E.
        let hub = try #require(features.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "hub" })
        #expect((hub["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [4.938, 52.329])
    }
}

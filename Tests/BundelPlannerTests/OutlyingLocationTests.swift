import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Coordinates far from the rest of the network are warned without an `area`: swapped lat and
/// lon, a lost minus sign, a hub on another continent; the networks shipped, with depots up to
/// 90 km from their sites, are not.
@Suite("Outlying coordinates")
final class OutlyingLocationTests {
    /// The scratch copies a test made, removed when it ends.
    private var folders: [URL] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }

    /// A scratch copy of the small fixture without its `area`, with `edits` made (file, old, new).
    func smallWithoutArea(_ edits: [(String, String, String)]) throws -> String {
        let folder = try Fixture.copyOfSmall()
        folders.append(folder)
        try Fixture.edit(
            folder, "network.yaml", replacing: "area: {min_lat: 51.9, max_lat: 52.7, min_lon: 4.4, max_lon: 5.6}\n",
            with: "")
        for (file, old, new) in edits { try Fixture.edit(folder, file, replacing: old, with: new) }
        return folder.appendingPathComponent("scenario.yaml").path
    }

    /// The case: a site with latitude and longitude swapped, no `area`. Validation
    /// names the row and says the coordinates look swapped; the plan summary's first lines and
    /// the JSON summary carry the same warning.
    @Test func swappedSiteIsWarnedWithoutAnArea() throws {
        let path = try smallWithoutArea([("sites.csv", "52.2942,4.9580", "4.9580,52.2942")])
        let scenario = try ScenarioLoader.load(path: path)
        let outlying = scenario.network.outlyingLocations
        try #require(outlying.count == 1)
        let site = outlying[0]
        #expect(site.kind == "site" && site.id == "s5")
        #expect(site.kilometres > 5000)
        #expect(try #require(site.swappedKilometres) < 10)
        #expect(site.warning.file.hasSuffix("sites.csv") && site.warning.line == 6 && site.warning.field == "lat")
        #expect(
            site.warning.message.hasPrefix("site s5 at (4.958, 52.2942) lies 6,")
                && site.warning.message.contains("lat and lon look swapped: at (52.2942, 4.958) it would lie"))

        let result = try Planner.validatedPlan(scenario).result
        let summary = SummaryTable.render(result).split(separator: "\n").map(String.init)
        // Before the figures: the scenario, the baseline's days, then the warning.
        #expect(summary[3] == "WARNING: \(site.warning)")
        let json = try JSONSummary(result).encoded()
        #expect(json.contains("\"outlyingLocations\"") && json.contains("look swapped"))
    }

    /// A depot with a lost minus sign on its longitude (some 670 km away) is an outlier whose
    /// swapped coordinates would be no better: it is warned without the swap hint.
    @Test func depotWithAWrongSignIsWarnedWithoutTheSwapHint() throws {
        let path = try smallWithoutArea([("suppliers.csv", "52.3410,4.9630", "52.3410,-4.9630")])
        let outlying = try ScenarioLoader.load(path: path).network.outlyingLocations
        try #require(outlying.count == 1)
        #expect(outlying[0].kind == "supplier" && outlying[0].id == "near" && outlying[0].swappedKilometres == nil)
        #expect(outlying[0].kilometres > 600 && outlying[0].kilometres < 750)
        #expect(
            outlying[0].warning.line == 3
                && outlying[0].warning.message.hasSuffix("check its lat and lon (this warning does not stop the plan)"))
    }

    /// A hub is checked too, and named at its `lat` in network.yaml (line 13 once `area` is gone).
    @Test func hubFarAwayIsWarnedAtItsEntry() throws {
        let path = try smallWithoutArea([("network.yaml", "lat: 52.3290", "lat: 42.3290")])
        let outlying = try ScenarioLoader.load(path: path).network.outlyingLocations
        try #require(outlying.count == 1)
        #expect(outlying[0].kind == "hub" && outlying[0].warning.field == "hubs[0].lat")
        #expect(outlying[0].warning.file.hasSuffix("network.yaml") && outlying[0].warning.line == 13)
    }

    /// The rule alone: a compact cluster, a point 150 km out (a far distribution centre: kept)
    /// and one 250 km out (beyond the 200 km floor: warned); a network spread wider raises the
    /// limit to ten times the distance within which half its points lie.
    @Test func theLimitIsTwoHundredKilometresOrTenTimesTheSpread() {
        func point(_ id: String, _ latitude: Double, _ longitude: Double) -> OutlyingLocation.Candidate {
            OutlyingLocation.Candidate(
                kind: "site", id: id, location: GeoPoint(latitude: latitude, longitude: longitude), file: "sites.csv",
                line: nil, field: "lat")
        }
        // A degree of latitude is about 111 km.
        let cluster = (0..<6).map { point("s\($0)", 52.0 + Double($0) * 0.01, 5.0) }
        let near = point("dc", 52.0 + 150 / 111.2, 5.0), far = point("far", 52.0 + 250 / 111.2, 5.0)
        #expect(OutlyingLocation.find(cluster + [near]).isEmpty)
        #expect(OutlyingLocation.find(cluster + [near, far]).map(\.id) == ["far"])
        // Seven points 40 km apart: half lie within 80 km of the middle, so the limit is 800 km.
        let spread = (0..<7).map { point("w\($0)", 52.0 + Double($0) * 0.36, 5.0) }
        #expect(OutlyingLocation.find(spread + [point("far", 53.08 + 500 / 111.2, 5.0)]).isEmpty)
        #expect(OutlyingLocation.find(spread + [point("far", 53.08 + 1000 / 111.2, 5.0)]).map(\.id) == ["far"])
        // Too few points to tell which is wrong.
        #expect(OutlyingLocation.find([point("a", 52, 5), point("b", 5, 52)]).isEmpty)
    }

    /// Every network shipped plans without a warning, although Cordaan's fresh food comes from
    /// Ede, 50 km from the nearest care home and about 90 km from the network's middle: a
    /// legitimate far depot is not an outlier.
    @Test func shippedNetworksHaveNoOutliers() throws {
        let root = Fixture.folder.appendingPathComponent("../../..").standardized
        for name in ["amsterdam-campuses", "amsterdam-centre", "cordaan", "zuidas"] {
            let folder = root.appendingPathComponent("scenarios/\(name)")
            let scenario = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first {
                    $0.hasSuffix(".yaml")
                })
            let network = try ScenarioLoader.load(path: folder.appendingPathComponent(scenario).path).network
            #expect(network.outlyingLocations.isEmpty, "\(name): \(network.outlyingLocations.map(\.warning))")
            if name == "cordaan" {
                let ede = try #require(network.supplier("fresh-elderly")).depot
                let nearest = network.sites.map { GreatCircle.metres($0.location, ede) / 1000 }.min()!
                #expect(nearest > 45)
            }
        }
    }
}

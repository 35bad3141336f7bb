import BundelRoads
import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner
@testable import BundelReports

/// The report's maps are framed on the sites and hubs: a far depot is drawn at the edge, on
/// its way from the centre, with its direction and distance; hubs and depots are named; the
/// streets of a large extract are thinned to the main roads.
@Suite("Report maps")
struct RouteMapTests {
    static func scenario() throws -> Scenario { try ScenarioLoader.load(path: Fixture.smallScenario) }

    /// The small network's `far` supplier is at Utrecht, south-east of the Amsterdam sites
    /// and beyond their frame.
    @Test func aFarDepotIsDrawnAtTheEdgeOnItsWayWithItsDistance() throws {
        let scenario = try Self.scenario()
        let frame = MapFrame(scenario: scenario)
        let depot = try #require(scenario.network.suppliers.first { $0.id == "far" }).depot
        let placement = frame.place(depot)
        let off = try #require(placement.offFrame, "the far depot lies beyond the frame")
        let point = placement.point
        // On the border, and on the line from the centre to where the depot would be drawn.
        let onBorder =
            [point.x - frame.margin, frame.width - frame.margin - point.x].contains { abs($0) < 1e-9 }
            || [point.y - frame.margin, frame.height - frame.margin - point.y].contains { abs($0) < 1e-9 }
        #expect(onBorder, "\(point)")
        let beyond = frame.project(depot)
        let (cx, cy) = (frame.width / 2, frame.height / 2)
        let cross = (point.x - cx) * (beyond.y - cy) - (point.y - cy) * (beyond.x - cx)
        #expect(abs(cross) < 1e-6 * hypot(beyond.x - cx, beyond.y - cy) * hypot(point.x - cx, point.y - cy))
        #expect((point.x - cx) * (beyond.x - cx) > 0 && (point.y - cy) * (beyond.y - cy) > 0, "same side")
        // South-east: right of and below the centre on the page, and so named.
        #expect(point.x > cx && point.y > cy)
        #expect(Compass.point(off.bearing) == "SE")
        let km = GreatCircle.metres(frame.centre, depot) / 1000
        #expect(off.text == "\(NumberFormat.grouped(km, decimals: 0)) km SE")
        #expect(abs(off.metres - km * 1000) < 1e-6)
    }

    /// Every site and hub is inside the frame; the depot 30 km away is not, and does not
    /// stretch it: the sites span most of the map's width or height.
    @Test func theFrameHoldsEverySiteAndHubButNotAFarDepot() throws {
        let scenario = try Self.scenario()
        let frame = MapFrame(scenario: scenario)
        let framed = scenario.network.sites.map(\.location) + scenario.network.hubs.map(\.location)
        let points = framed.map(frame.project)
        for point in points { #expect(frame.contains(point), "\(point)") }
        let far = try #require(scenario.network.suppliers.first { $0.id == "far" })
        #expect(!frame.contains(frame.project(far.depot)))
        let spanX = points.map(\.x).max()! - points.map(\.x).min()!
        let spanY = points.map(\.y).max()! - points.map(\.y).min()!
        #expect(
            spanX > 0.8 * (frame.width - 2 * frame.margin) || spanY > 0.8 * (frame.height - 2 * frame.margin),
            "the sites fill the map: \(spanX) x \(spanY)")
    }

    @Test func compassPointsAndBearings() {
        let origin = GeoPoint(latitude: 52.37, longitude: 4.9)
        let east = Compass.bearing(from: origin, to: GeoPoint(latitude: 52.37, longitude: 5.0))
        let north = Compass.bearing(from: origin, to: GeoPoint(latitude: 52.5, longitude: 4.9))
        let southWest = Compass.bearing(from: origin, to: GeoPoint(latitude: 52.3, longitude: 4.785))
        #expect(abs(east - 90) < 0.1 && abs(north) < 1e-9)
        #expect(Compass.point(east) == "E" && Compass.point(north) == "N" && Compass.point(southWest) == "SW")
        #expect(Compass.point(337.4) == "NW" && Compass.point(337.6) == "N" && Compass.point(-10) == "N")
    }

    /// Hubs and depots are named on every map, off-frame depots with their direction and
    /// distance; sites carry their name and id as a tooltip.
    @Test func mapsNameHubsAndDepotsAndSitesOnHover() throws {
        let scenario = try Self.scenario()
        let result = try Planner.plan(scenario)
        let html = HTMLReport.render(result)
        let maps = html.matches(of: try Regex(#"<svg class="map".*?</svg>"#)).map { String($0.output[0].substring!) }
        #expect(maps.count == 2 * scenario.days.count)
        let frame = MapFrame(scenario: scenario)
        for map in maps {
            for hub in scenario.network.hubs where scenario.hubs.contains(hub.id) {
                #expect(map.contains(">\(HTMLReport.escape(hub.name))</text>"), "hub \(hub.id)")
            }
            for supplier in scenario.network.suppliers {
                var label = supplier.name
                if let off = frame.place(supplier.depot).offFrame { label += ", \(off.text)" }
                #expect(map.contains(">\(HTMLReport.escape(label))</text>"), "depot \(supplier.id)")
            }
            for site in scenario.network.sites {
                #expect(map.contains("<title>\(HTMLReport.escape("\(site.name) (\(site.id))"))</title>"))
            }
        }
    }

    /// Suppliers sharing a depot share one marker, named after the first with the count of the
    /// others, and all of them named in its tooltip.
    @Test func suppliersSharingADepotShareOneNamedMarker() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "suppliers.csv", replacing: "parcels,Parcel carrier,parcels,westpoort,52.3990,4.8180",
            with: "parcels,Parcel carrier,parcels,diemen,52.3410,4.9630")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let map = RouteMap(scenario: scenario).svg(routes: [])
        #expect(map.contains(">Near supplier +1</text>"))
        #expect(!map.contains(">Parcel carrier"), "one label for the shared depot")
        #expect(map.contains("<title>Near supplier; Parcel carrier</title>"))
        #expect(map.components(separatedBy: "class=\"depot").count - 1 == 2, "far and the shared depot")
    }

    /// An extract with more street points than the budget keeps its main roads and leaves the
    /// minor classes off; a way that misses the map is not kept.
    @Test func streetsOverTheBudgetKeepTheMainRoads() throws {
        let frame = MapFrame(framing: [
            GeoPoint(latitude: 52.36, longitude: 4.88), GeoPoint(latitude: 52.38, longitude: 4.92),
        ])
        // Footpaths criss-crossing the map, more points than the budget, and two main roads:
        // one across the map and one 50 km away.
        var xml = "<osm>\n"
        var node: Int64 = 0
        func way(_ id: Int, highway: String, from: GeoPoint, to: GeoPoint, points: Int) {
            var refs = ""
            for step in 0..<points {
                node += 1
                let fraction = Double(step) / Double(points - 1)
                let latitude = from.latitude + (to.latitude - from.latitude) * fraction
                let longitude = from.longitude + (to.longitude - from.longitude) * fraction
                xml += "<node id=\"\(node)\" lat=\"\(latitude)\" lon=\"\(longitude)\"/>\n"
                refs += "<nd ref=\"\(node)\"/>"
            }
            xml += "<way id=\"\(id)\">\(refs)<tag k=\"highway\" v=\"\(highway)\"/></way>\n"
        }
        let paths = StreetMap.pointBudget / 100 + 1
        for index in 0..<paths {
            let latitude = 52.36 + 0.02 * Double(index) / Double(paths)
            way(
                index, highway: "footway", from: GeoPoint(latitude: latitude, longitude: 4.88),
                to: GeoPoint(latitude: latitude, longitude: 4.92), points: 100)
        }
        way(
            paths, highway: "primary", from: GeoPoint(latitude: 52.36, longitude: 4.90),
            to: GeoPoint(latitude: 52.38, longitude: 4.90), points: 3)
        way(
            paths + 1, highway: "primary", from: GeoPoint(latitude: 52.8, longitude: 4.90),
            to: GeoPoint(latitude: 52.81, longitude: 4.90), points: 3)
        xml += "</osm>\n"
        let extract = try OSMExtract.parse(Array(xml.utf8), file: "paths.osm")
        let streets = try StreetMap(extract: extract, frame: frame)
        #expect(streets.streets.map(\.rank) == [0], "the footpaths over the budget are left off")
        #expect(streets.svg(on: frame).components(separatedBy: "<polyline class=\"street\"").count - 1 == 1)
    }

    /// Names at one place are put beside each other, not on top of each other.
    @Test func labelsAtOnePlaceDoNotOverlap() {
        var labels = MapLabels(width: 720, height: 480)
        let anchor = MapFrame.Point(x: 700, y: 240)
        for name in ["Depot one", "Depot two", "Depot three", "Depot four"] { labels.add(name, near: anchor) }
        #expect(labels.placed.count == 4)
        for (index, box) in labels.placed.enumerated() {
            #expect(box.minX >= 0 && box.maxX <= 720, "inside the map: \(box)")
            for other in labels.placed[(index + 1)...] { #expect(!box.overlaps(other), "\(box) and \(other)") }
        }
    }
}

import BundelPlanner
import Foundation

/// The part of the world a report's map shows, and where each place is drawn on it.
///
/// The frame is fitted to the sites and the scenario's hubs (with a margin), not to every
/// depot: a depot 60 km away would otherwise shrink the sites into a blob. A place outside the
/// frame is drawn at the frame's edge, on the line from the frame's centre towards it, and
/// carries its compass direction and great-circle distance from the centre. The projection is
/// equirectangular around the frame's middle latitude (east-west distances shrunk by its
/// cosine, so that shapes are true at city scale), centred in a fixed SVG size.
struct MapFrame {
    /// A point in SVG units: x to the right, y down.
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// Where a place is drawn.
    struct Placement {
        var point: Point
        /// For a place outside the frame: its direction and distance from the frame's centre.
        var offFrame: OffFrame?
    }

    /// A place beyond the edge: which way and how far from the frame's centre.
    struct OffFrame: Equatable {
        /// Initial great-circle bearing from the frame's centre, degrees clockwise from north.
        var bearing: Double
        var metres: Double

        /// "38 km SE": whole kilometres from 10 km, one decimal below.
        var text: String {
            let km = metres / 1000
            return "\(NumberFormat.grouped(km, decimals: km >= 10 ? 0 : 1)) km \(Compass.point(bearing))"
        }
    }

    let width = 720.0, height = 480.0, margin = 20.0
    /// The geographic centre of the framed places; the SVG's centre.
    let centre: GeoPoint
    /// SVG units per degree of latitude; a degree of longitude is `shrink` times that.
    private let scale: Double
    private let shrink: Double

    /// A frame around `points` with a margin of a twentieth of their extent on each side (at
    /// least about 200 m), so that no framed place sits on the border.
    init(framing points: [GeoPoint]) {
        let latitudes = points.map(\.latitude), longitudes = points.map(\.longitude)
        let south = latitudes.min() ?? 0, north = latitudes.max() ?? 0
        let west = longitudes.min() ?? 0, east = longitudes.max() ?? 0
        centre = GeoPoint(latitude: (south + north) / 2, longitude: (west + east) / 2)
        shrink = cos(centre.latitude * .pi / 180)
        // Degrees of latitude framed in each direction; 0.002° is about 220 m.
        let spanY = max((north - south) * 1.1, 0.002)
        let spanX = max((east - west) * shrink * 1.1, 0.002)
        scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
    }

    /// The frame of a scenario's map: its sites and its candidate hubs.
    init(scenario: Scenario) {
        let hubs = scenario.network.hubs.filter { scenario.hubs.contains($0.id) }
        self.init(framing: scenario.network.sites.map(\.location) + hubs.map(\.location))
    }

    /// Metres on the ground per SVG unit (one degree of latitude is about 111.2 km).
    var metresPerUnit: Double { 111_195 / scale }

    /// The point in SVG units, inside the frame or not.
    func project(_ location: GeoPoint) -> Point {
        Point(
            x: width / 2 + (location.longitude - centre.longitude) * shrink * scale,
            y: height / 2 - (location.latitude - centre.latitude) * scale)
    }

    /// Whether an SVG point lies within the frame's border (the SVG less its margin).
    func contains(_ point: Point) -> Bool {
        (margin...width - margin).contains(point.x) && (margin...height - margin).contains(point.y)
    }

    /// Where `location` is drawn: at its point when that lies in the frame, else where the line
    /// from the centre towards it crosses the border.
    func place(_ location: GeoPoint) -> Placement {
        let point = project(location)
        if contains(point) { return Placement(point: point, offFrame: nil) }
        let dx = point.x - width / 2, dy = point.y - height / 2
        // The largest fraction of the way that stays within both pairs of borders.
        let fraction = min(
            dx == 0 ? .infinity : (width / 2 - margin) / abs(dx), dy == 0 ? .infinity : (height / 2 - margin) / abs(dy))
        return Placement(
            point: Point(x: width / 2 + dx * fraction, y: height / 2 + dy * fraction),
            offFrame: OffFrame(
                bearing: Compass.bearing(from: centre, to: location), metres: GreatCircle.metres(centre, location)))
    }

    /// The corners of the whole SVG (the border's margin included) as coordinates: what a
    /// street must cross to be seen.
    var visibleBounds: (southWest: GeoPoint, northEast: GeoPoint) {
        let halfX = width / 2 / scale / shrink, halfY = height / 2 / scale
        return (
            GeoPoint(latitude: centre.latitude - halfY, longitude: centre.longitude - halfX),
            GeoPoint(latitude: centre.latitude + halfY, longitude: centre.longitude + halfX)
        )
    }
}

import BundelPlanner
import Foundation

/// Draws a scenario's network and one day's routes as SVG on a ``MapFrame``: the streets of an
/// OpenStreetMap extract when given, the routes, then depots, sites and hubs with the names of
/// hubs and depots (sites are named on hover: eighty names would hide the routes), and a scale
/// bar. A depot beyond the frame is an arrowhead at the edge pointing its way, labelled with
/// its direction and distance; its routes end there.
struct RouteMap {
    let frame: MapFrame
    /// Where each site, hub and depot is drawn, by id.
    private var places: [String: MapFrame.Point] = [:]
    /// What every day's map shares, above the routes: markers, labels and the scale bar.
    private var overlay = ""
    /// Whether the report's shared street layer is drawn underneath.
    private let streets: Bool

    /// The map of `scenario`'s sites, candidate hubs and depots; `streets` when the page holds
    /// the street layer (``streetLayer(_:)``).
    init(scenario: Scenario, streets: Bool = false) {
        let network = scenario.network
        frame = MapFrame(scenario: scenario)
        self.streets = streets
        var labels = MapLabels(width: frame.width, height: frame.height)
        labels.reserve(scaleBarBox)
        let hubs = network.hubs.filter { scenario.hubs.contains($0.id) }
        // Hubs the scenario does not consider are not drawn, but routes never lose a point.
        for hub in network.hubs { places[hub.id] = frame.place(hub.location).point }

        // Suppliers sharing a depot share its marker, named after the first of them.
        var depots: [(location: GeoPoint, suppliers: [Supplier])] = []
        for supplier in network.suppliers {
            if let index = depots.firstIndex(where: { $0.location == supplier.depot }) {
                depots[index].suppliers.append(supplier)
            } else {
                depots.append((supplier.depot, [supplier]))
            }
        }
        var depotMarks = ""
        var depotLabels: [(String, MapFrame.Point)] = []
        for depot in depots {
            let placement = frame.place(depot.location)
            for supplier in depot.suppliers { places[supplier.id] = placement.point }
            let names = depot.suppliers.map(\.name)
            var label = names[0] + (names.count > 1 ? " +\(names.count - 1)" : "")
            var title = names.joined(separator: "; ")
            let (x, y) = (HTMLReport.format(placement.point.x), HTMLReport.format(placement.point.y))
            if let off = placement.offFrame {
                label += ", \(off.text)"
                title += ": \(off.text) from the map's centre, beyond its edge"
                depotMarks +=
                    "<path class=\"depot off-map\" d=\"M0,-8l4.5,12l-4.5,-3l-4.5,3z\" transform=\"translate(\(x),\(y)) rotate(\(HTMLReport.format(off.bearing)))\" fill=\"#7f8c8d\"><title>\(HTMLReport.escape(title))</title></path>"
            } else {
                depotMarks +=
                    "<path class=\"depot\" d=\"M\(x),\(HTMLReport.format(placement.point.y - 5))l4,8h-8z\" fill=\"#7f8c8d\"><title>\(HTMLReport.escape(title))</title></path>"
            }
            labels.reserve(Self.box(around: placement.point, radius: 6))
            depotLabels.append((label, placement.point))
        }
        var siteMarks = ""
        for site in network.sites {
            let point = frame.place(site.location).point
            places[site.id] = point
            siteMarks +=
                "<circle cx=\"\(HTMLReport.format(point.x))\" cy=\"\(HTMLReport.format(point.y))\" r=\"2.5\" fill=\"#2c3e50\"><title>\(HTMLReport.escape("\(site.name) (\(site.id))"))</title></circle>"
        }
        var hubMarks = ""
        for hub in hubs {
            let placement = frame.place(hub.location)
            let point = placement.point
            hubMarks +=
                "<rect x=\"\(HTMLReport.format(point.x - 5))\" y=\"\(HTMLReport.format(point.y - 5))\" width=\"10\" height=\"10\" fill=\"#c0392b\"><title>\(HTMLReport.escape("\(hub.name) (\(hub.id))"))</title></rect>"
            labels.reserve(Self.box(around: point, radius: 6))
        }
        // Hubs pick their label's spot first: they are what the map is about.
        for hub in hubs { labels.add(hub.name, near: places[hub.id]!, bold: true) }
        for (label, point) in depotLabels { labels.add(label, near: point) }
        overlay = depotMarks + siteMarks + hubMarks + labels.svg + scaleBar
    }

    /// The SVG of `routes` over the network.
    func svg(routes: [PlannedRoute]) -> String {
        var svg =
            "<svg class=\"map\" width=\"\(Int(frame.width))\" height=\"\(Int(frame.height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        if streets { svg += "<use href=\"#streets\"/>" }
        for route in routes {
            let path = ([route.start] + route.stops.map(\.location) + [route.end]).compactMap { places[$0] }
                .map { "\(HTMLReport.format($0.x)),\(HTMLReport.format($0.y))" }.joined(separator: " ")
            let colour = route.kind == .direct ? "#e67e22" : route.kind == .trunk ? "#8e44ad" : "#27ae60"
            svg +=
                "<polyline class=\"route\" points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-opacity=\"0.8\"/>"
        }
        return svg + overlay + "</svg>"
    }

    /// The streets once for the whole page, in a hidden SVG that each map refers to: a city's
    /// streets are large, and every map of a report has the same frame.
    static func streetLayer(_ streets: StreetMap, scenario: Scenario) -> String {
        "<svg class=\"streets\" width=\"0\" height=\"0\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\"><defs><g id=\"streets\" fill=\"none\" stroke=\"#d5d5d5\" stroke-linecap=\"round\">"
            + streets.svg(on: MapFrame(scenario: scenario)) + "</g></defs></svg>\n"
    }

    private static func box(around point: MapFrame.Point, radius: Double) -> MapLabels.Box {
        MapLabels.Box(minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius)
    }

    /// Where the scale bar and its text sit: bottom left.
    private var scaleBarBox: MapLabels.Box {
        MapLabels.Box(
            minX: frame.margin, minY: frame.height - 28, maxX: frame.margin + frame.width / 5,
            maxY: frame.height - 8)
    }

    /// A bar of a round length (1, 2, 5 × a power of ten metres) near a fifth of the width.
    private var scaleBar: String {
        let metresPerUnit = frame.metresPerUnit
        let target = frame.width / 5 * metresPerUnit
        let power = pow(10, floor(log10(target)))
        let metres = [1.0, 2, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
        let length = metres / metresPerUnit
        let label = metres >= 1000 ? "\(NumberFormat.grouped(metres / 1000, decimals: 0)) km" : "\(Int(metres)) m"
        let (margin, height) = (frame.margin, frame.height)
        return
            "<g class=\"scale\"><rect x=\"\(HTMLReport.format(margin))\" y=\"\(HTMLReport.format(height - 12))\" width=\"\(HTMLReport.format(length))\" height=\"3\" fill=\"#222\"/><text x=\"\(HTMLReport.format(margin))\" y=\"\(HTMLReport.format(height - 16))\" font-size=\"11\">\(label)</text></g>"
    }
}

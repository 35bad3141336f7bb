import BundelPlanner
import Foundation

/// Draws a network and routes as SVG: an equirectangular projection around the network's
/// middle latitude (east-west distances shrunk by its cosine, so that shapes are true at city
/// scale), fitted into a fixed frame, with a scale bar.
struct MapProjection {
    let network: Network
    let width = 720.0, height = 480.0, margin = 20.0

    private var points: [GeoPoint] {
        network.sites.map(\.location) + network.hubs.map(\.location) + network.suppliers.map(\.depot)
    }

    /// The SVG of `routes` over every site, hub and depot.
    func svg(routes: [PlannedRoute]) -> String {
        let (metresPerUnit, project) = fit()
        var places: [String: (Double, Double)] = [:]
        for site in network.sites { places[site.id] = project(site.location) }
        for hub in network.hubs { places[hub.id] = project(hub.location) }
        for supplier in network.suppliers { places[supplier.id] = project(supplier.depot) }
        var svg =
            "<svg class=\"map\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for route in routes {
            let path = ([route.start] + route.stops.map(\.location) + [route.end]).compactMap { places[$0] }
                .map { "\(HTMLReport.format($0.0)),\(HTMLReport.format($0.1))" }.joined(separator: " ")
            let colour = route.kind == .direct ? "#e67e22" : route.kind == .trunk ? "#8e44ad" : "#27ae60"
            svg +=
                "<polyline class=\"route\" points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-opacity=\"0.8\"/>"
        }
        for supplier in network.suppliers {
            let (x, y) = project(supplier.depot)
            svg +=
                "<path d=\"M\(HTMLReport.format(x)),\(HTMLReport.format(y - 5))l4,8h-8z\" fill=\"#7f8c8d\"><title>\(HTMLReport.escape(supplier.name))</title></path>"
        }
        for site in network.sites {
            let (x, y) = project(site.location)
            svg +=
                "<circle cx=\"\(HTMLReport.format(x))\" cy=\"\(HTMLReport.format(y))\" r=\"2.5\" fill=\"#2c3e50\"><title>\(HTMLReport.escape(site.name))</title></circle>"
        }
        for hub in network.hubs {
            let (x, y) = project(hub.location)
            svg +=
                "<rect x=\"\(HTMLReport.format(x - 5))\" y=\"\(HTMLReport.format(y - 5))\" width=\"10\" height=\"10\" fill=\"#c0392b\"><title>\(HTMLReport.escape(hub.name))</title></rect>"
        }
        return svg + scaleBar(metresPerUnit: metresPerUnit) + "</svg>"
    }

    /// Metres per SVG unit and the projection from coordinates to the frame.
    private func fit() -> (metresPerUnit: Double, project: (GeoPoint) -> (Double, Double)) {
        let latitudes = points.map(\.latitude), longitudes = points.map(\.longitude)
        let middle = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
        let shrink = cos(middle * .pi / 180)
        let minX = (longitudes.min() ?? 0) * shrink, maxX = (longitudes.max() ?? 0) * shrink
        let minY = latitudes.min() ?? 0, maxY = latitudes.max() ?? 0
        let scale = min((width - 2 * margin) / max(maxX - minX, 1e-9), (height - 2 * margin) / max(maxY - minY, 1e-9))
        // One degree of latitude is about 111.2 km.
        return (
            111_195 / scale,
            { point in
                (margin + (point.longitude * shrink - minX) * scale, height - margin - (point.latitude - minY) * scale)
            }
        )
    }

    /// A bar of a round length (1, 2, 5 × a power of ten metres) near a fifth of the width.
    private func scaleBar(metresPerUnit: Double) -> String {
        let target = width / 5 * metresPerUnit
        let power = pow(10, floor(log10(target)))
        let metres = [1.0, 2, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
        let length = metres / metresPerUnit
        let label = metres >= 1000 ? "\(NumberFormat.grouped(metres / 1000, decimals: 0)) km" : "\(Int(metres)) m"
        return
            "<g class=\"scale\"><rect x=\"\(HTMLReport.format(margin))\" y=\"\(HTMLReport.format(height - 12))\" width=\"\(HTMLReport.format(length))\" height=\"3\" fill=\"#222\"/><text x=\"\(HTMLReport.format(margin))\" y=\"\(HTMLReport.format(height - 16))\" font-size=\"11\">\(label)</text></g>"
    }
}

import Foundation

/// A small map of a network as inline SVG: sites, supplier depots and hubs placed by their
/// coordinates (longitude scaled by the latitude's cosine, so that distances look right), with
/// no background tiles, since nothing may be fetched from the internet; and a plan's trips as
/// straight lines between their stops, where a run's map shows them.
enum NetworkMap {
    struct Point {
        var lat, lon: Double
        var kind: String
        var label: String
    }

    /// A trip: its places in order, `kind` its route kind (`direct`, `trunk`, `hub-tour`).
    struct Line {
        var points: [(lat: Double, lon: Double)]
        var kind: String
        var label: String
    }

    static func svg(_ points: [Point], lines: [Line] = [], width: Double = 640, height: Double = 420) -> String {
        guard !points.isEmpty else { return "" }
        let meanLat = points.map(\.lat).reduce(0, +) / Double(points.count)
        let scaleX = cos(meanLat * .pi / 180)
        // The frame holds every place and every line's place.
        let all = points.map { (lat: $0.lat, lon: $0.lon) } + lines.flatMap(\.points)
        let xs = all.map { $0.lon * scaleX }, ys = all.map(\.lat)
        let spanX = max(xs.max()! - xs.min()!, 1e-6), spanY = max(ys.max()! - ys.min()!, 1e-6)
        let margin = 24.0
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        var shapes: [String] = []
        let place = { (lat: Double, lon: Double) in
            String(
                format: "%.1f,%.1f", margin + (lon * scaleX - xs.min()!) * scale,
                height - margin - (lat - ys.min()!) * scale)
        }
        for line in lines {
            shapes.append(
                "<polyline class=\"trip \(HTML.escape(line.kind))\" points=\"\(line.points.map { place($0.lat, $0.lon) }.joined(separator: " "))\"><title>\(HTML.escape(line.label))</title></polyline>"
            )
        }
        for (index, point) in points.enumerated() {
            let x = margin + (xs[index] - xs.min()!) * scale
            let y = height - margin - (ys[index] - ys.min()!) * scale
            let title = "<title>\(HTML.escape(point.label))</title>"
            let at = String(format: "%.1f", x) + "\" cy=\"" + String(format: "%.1f", y)
            switch point.kind {
            case "hub":
                shapes.append(
                    "<rect class=\"hub\" x=\"\(String(format: "%.1f", x - 6))\" y=\"\(String(format: "%.1f", y - 6))\" width=\"12\" height=\"12\">\(title)</rect>"
                )
            default:
                shapes.append("<circle class=\"\(point.kind)\" cx=\"\(at)\" r=\"5\">\(title)</circle>")
            }
        }
        return """
            <svg class="map" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="map of the network">
            \(shapes.joined(separator: "\n"))
            </svg>
            <p class="legend"><span class="key site"></span> site <span class="key supplier"></span> supplier depot <span class="key hub"></span> hub\(lines.isEmpty ? "" : " <span class=\"key direct\"></span> direct trip <span class=\"key trunk\"></span> trunk leg <span class=\"key hub-tour\"></span> hub tour")</p>
            """
    }
}

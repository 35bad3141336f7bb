import Foundation

/// Names on a map, placed so that they neither cover each other nor the markers they name.
///
/// Each label tries spots around its anchor (right, left, below, above, then the same shifted
/// up and down by a line at a time) and takes the first that stays inside the map and is free;
/// when none is free it takes the first inside the map, so that every name is drawn. The
/// order of `add` calls decides who gets the best spots: hubs first, then depots. Text
/// widths are estimated from the character count (no fonts are measured: the output stays
/// the same on every machine).
struct MapLabels {
    /// A rectangle in SVG units.
    struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    let width: Double, height: Double
    /// Boxes already covered: markers and placed labels.
    private var taken: [Box] = []
    /// The boxes of the labels placed, in order.
    private(set) var placed: [Box] = []
    /// The `<text>` elements placed so far.
    private(set) var svg = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Keeps labels off a marker or other drawing.
    mutating func reserve(_ box: Box) { taken.append(box) }

    /// Places `text` near `anchor`: the SVG `<text>` with the report's halo class, `bold` for
    /// hubs.
    mutating func add(_ text: String, near anchor: MapFrame.Point, bold: Bool = false) {
        let characterWidth = bold ? 6.8 : 6.2
        let textWidth = Double(text.count) * characterWidth
        var spots: [(dx: Double, dy: Double, alignment: String)] = [
            (9, 4, "start"), (-9, 4, "end"), (0, 17, "middle"), (0, -9, "middle"),
        ]
        for step in 1...4 {
            for sign in [1.0, -1.0] {
                spots += [(9, 4 + sign * 13 * Double(step), "start"), (-9, 4 + sign * 13 * Double(step), "end")]
            }
        }
        let candidates = spots.map { spot -> (x: Double, y: Double, alignment: String, box: Box) in
            let x = anchor.x + spot.dx, y = anchor.y + spot.dy
            let left = spot.alignment == "start" ? x : spot.alignment == "end" ? x - textWidth : x - textWidth / 2
            return (x, y, spot.alignment, Box(minX: left, minY: y - 10, maxX: left + textWidth, maxY: y + 3))
        }
        let inside = candidates.filter {
            $0.box.minX >= 2 && $0.box.maxX <= width - 2 && $0.box.minY >= 2 && $0.box.maxY <= height - 2
        }
        guard let chosen = inside.first(where: { spot in !taken.contains { $0.overlaps(spot.box) } }) ?? inside.first
        else {
            // Longer than the map is wide: anchored at the left edge and cut by the SVG.
            svg += element(text, x: 2, y: anchor.y + 4, alignment: "start", bold: bold)
            return
        }
        taken.append(chosen.box)
        placed.append(chosen.box)
        svg += element(text, x: chosen.x, y: chosen.y, alignment: chosen.alignment, bold: bold)
    }

    private func element(_ text: String, x: Double, y: Double, alignment: String, bold: Bool) -> String {
        let anchor = alignment == "start" ? "" : " text-anchor=\"\(alignment)\""
        return
            "<text class=\"label\(bold ? " hub" : "")\" x=\"\(HTMLReport.format(x))\" y=\"\(HTMLReport.format(y))\"\(anchor)>\(HTMLReport.escape(text))</text>"
    }
}

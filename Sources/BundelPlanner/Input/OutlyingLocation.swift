import Foundation

/// A hub, site or supplier depot that lies far from the rest of its network: nearly always a
/// typo (latitude and longitude swapped, a lost minus sign, a digit too many). A network with an
/// `area` refuses such points; without one they used to plan quietly, to deliveries left
/// unserved as "window unreachable" 5,000 km from the cause. `bundel validate` prints each as a
/// warning and the plan summary puts it at the top; neither refuses the input, since a far
/// depot may be meant.
public struct OutlyingLocation: Sendable, Equatable, Codable {
    /// `hub`, `site` or `supplier`.
    public let kind: String
    public let id: String
    public let location: GeoPoint
    /// Great-circle kilometres from the network's middle (see ``find(_:)``).
    public let kilometres: Double
    /// Half of the network's locations lie within this many kilometres of its middle.
    public let typicalKilometres: Double
    /// Kilometres from the middle with latitude and longitude swapped, when that would put the
    /// point among the others: the coordinates then look swapped.
    public let swappedKilometres: Double?
    /// The warning, at the file, line and field where the coordinates are written.
    public let warning: InputProblem

    /// A location to check, and where it is written.
    struct Candidate {
        let kind: String
        let id: String
        let location: GeoPoint
        let file: String
        let line: Int?
        let field: String
    }

    /// No location closer than this to the network's middle is an outlier, however compact the
    /// network: a supplier's distribution centre 60-100 km away (Ede or Utrecht for an
    /// Amsterdam network) is ordinary. 200 km is about the farthest a van can drive to a site
    /// and back within a 12-hour shift at city speeds (2 × 200 km × the detour factor 1.3 at
    /// 35 km/h is 15 h), so a point beyond it cannot be served as planned anyway, while the
    /// usual typos land farther: swapped coordinates in Europe thousands of kilometres away, a
    /// lost minus sign on a longitude of 4.9 some 670 km at the latitude of Amsterdam.
    static let minimumKilometres = 200.0

    /// A location is an outlier only beyond this many times the typical distance from the middle
    /// (the median), so that a network spread over a whole country (half its points within
    /// 80 km) flags points 800 km out, not its own far corners.
    static let spreadFactor = 10.0

    /// The candidates that lie farther from the network's middle than both ``minimumKilometres``
    /// and ``spreadFactor`` times the median distance to it. The middle is the median latitude
    /// and the median longitude of all candidates, which a few wrong points cannot drag away
    /// (a mean would move towards them). Fewer than three locations have no majority to
    /// compare with, and are not checked.
    static func find(_ candidates: [Candidate]) -> [OutlyingLocation] {
        guard candidates.count >= 3 else { return [] }
        let middle = GeoPoint(
            latitude: median(candidates.map(\.location.latitude)),
            longitude: median(candidates.map(\.location.longitude)))
        func kilometres(_ point: GeoPoint) -> Double { GreatCircle.metres(point, middle) / 1000 }
        let typical = median(candidates.map { kilometres($0.location) })
        let limit = max(minimumKilometres, spreadFactor * typical)
        return candidates.compactMap { candidate in
            let distance = kilometres(candidate.location)
            guard distance > limit else { return nil }
            let point = candidate.location
            var swapped: Double?
            if abs(point.longitude) <= 90 {
                let other = kilometres(GeoPoint(latitude: point.longitude, longitude: point.latitude))
                if other <= limit { swapped = other }
            }
            return OutlyingLocation(
                kind: candidate.kind, id: candidate.id, location: point, kilometres: distance,
                typicalKilometres: typical, swappedKilometres: swapped,
                warning: InputProblem(
                    file: candidate.file, line: candidate.line, field: candidate.field,
                    message: message(candidate, kilometres: distance, typical: typical, swapped: swapped)))
        }
    }

    /// What the warning says: how far, against how far the others lie, and the likely fix.
    private static func message(
        _ candidate: Candidate, kilometres: Double, typical: Double, swapped: Double?
    ) -> String {
        let point = candidate.location
        let at = "(\(NumberParsing.format(point.latitude)), \(NumberParsing.format(point.longitude)))"
        let text =
            "\(candidate.kind) \(candidate.id) at \(at) lies \(wholeKilometres(kilometres)) km from the middle of the network, "
            + "where half of its locations lie within \(wholeKilometres(typical)) km"
        guard let swapped else {
            return text + "; check its lat and lon (this warning does not stop the plan)"
        }
        let fixed = "(\(NumberParsing.format(point.longitude)), \(NumberParsing.format(point.latitude)))"
        return text
            + "; lat and lon look swapped: at \(fixed) it would lie \(wholeKilometres(swapped)) km from the middle"
    }

    /// Kilometres rounded to a whole number with thousands separated (`5,712`), or to a tenth
    /// below 10 km.
    static func wholeKilometres(_ value: Double) -> String {
        if value < 10 { return String(format: "%.1f", value) }
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }

    /// The middle value (the lower of the two middle ones of an even count), by the nearest
    /// rank as the detour calibration's spreads are.
    private static func median(_ values: [Double]) -> Double { DetourCalibration.quantile(values.sorted(), 0.5) }
}

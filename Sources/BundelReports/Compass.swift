import BundelPlanner
import Foundation

/// Directions on the ground in words, for places drawn at a map's edge.
enum Compass {
    /// The eight points, clockwise from north.
    static let points = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]

    /// The nearest of the eight points to a bearing in degrees clockwise from north.
    static func point(_ bearing: Double) -> String {
        let normalised = (bearing.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return points[Int((normalised / 45).rounded()) % points.count]
    }

    /// The initial great-circle bearing from `start` to `end`, degrees clockwise from north in
    /// [0, 360).
    static func bearing(from start: GeoPoint, to end: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let latitude1 = start.latitude * radians, latitude2 = end.latitude * radians
        let deltaLongitude = (end.longitude - start.longitude) * radians
        let y = sin(deltaLongitude) * cos(latitude2)
        let x = cos(latitude1) * sin(latitude2) - sin(latitude1) * cos(latitude2) * cos(deltaLongitude)
        let degrees = atan2(y, x) / radians
        return degrees < 0 ? degrees + 360 : degrees
    }
}

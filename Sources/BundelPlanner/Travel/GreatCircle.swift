import Foundation

/// Great-circle (haversine) distance on a spherical earth.
public enum GreatCircle {
    /// Mean earth radius in metres (IUGG).
    public static let earthRadiusMetres = 6_371_008.8

    /// Metres between two points along the earth's surface.
    public static func metres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * toRadians
        let dLon = (b.longitude - a.longitude) * toRadians
        let h = pow(sin(dLat / 2), 2) + cos(a.latitude * toRadians) * cos(b.latitude * toRadians) * pow(sin(dLon / 2), 2)
        return 2 * earthRadiusMetres * asin(min(1, h.squareRoot()))
    }
}

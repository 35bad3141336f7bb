import BundelRoads
import Foundation

/// Great-circle (haversine) distance on a spherical earth.
public enum GreatCircle {
    /// Mean earth radius in metres (IUGG).
    public static let earthRadiusMetres = RoadPoint.earthRadiusMetres

    /// Metres between two points along the earth's surface; the same formula the road graph
    /// measures its segments with, so that detour factors compare like with like.
    public static func metres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        RoadPoint(latitude: a.latitude, longitude: a.longitude)
            .metres(to: RoadPoint(latitude: b.latitude, longitude: b.longitude))
    }
}

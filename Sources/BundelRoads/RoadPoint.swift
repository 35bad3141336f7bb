import Foundation

/// A position on the earth (WGS 84 degrees), as OpenStreetMap and the routing engines give it.
public struct RoadPoint: Sendable, Hashable, Codable, CustomStringConvertible {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean earth radius in metres (IUGG), the radius every distance of bundel uses.
    public static let earthRadiusMetres = 6_371_008.8

    /// Great-circle (haversine) metres to another point.
    public func metres(to other: RoadPoint) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (other.latitude - latitude) * toRadians
        let dLon = (other.longitude - longitude) * toRadians
        let h =
            pow(sin(dLat / 2), 2) + cos(latitude * toRadians) * cos(other.latitude * toRadians) * pow(sin(dLon / 2), 2)
        return 2 * Self.earthRadiusMetres * asin(min(1, h.squareRoot()))
    }

    /// `52.37000,4.89600`: five decimals are about a metre, enough to find the place on a map.
    public var description: String { String(format: "%.5f,%.5f", latitude, longitude) }
}

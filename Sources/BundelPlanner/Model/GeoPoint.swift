/// A point on the earth in WGS 84 degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The rectangle in which a network's coordinates are plausible; anything outside is a typo
/// or swapped latitude and longitude.
public struct GeoArea: Sendable, Hashable, Codable {
    public var minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double

    public func contains(_ point: GeoPoint) -> Bool {
        (minLatitude...maxLatitude).contains(point.latitude) && (minLongitude...maxLongitude).contains(point.longitude)
    }

    /// The whole earth: used when a network states no area.
    public static let world = GeoArea(minLatitude: -90, maxLatitude: 90, minLongitude: -180, maxLongitude: 180)
}

/// A delivery address: a building that receives goods.
public struct Site: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// A grouping for reports, such as the campus or district.
    public var group: String
    public var location: GeoPoint
    /// Minutes after midnight from which deliveries are accepted.
    public var windowStart: Int
    /// Minutes after midnight until which a delivery may start.
    public var windowEnd: Int
    /// Minutes a delivery takes on site (unloading, walking in, signing).
    public var serviceMinutes: Int
    /// Whether the site lies in an access zone (such as a zero-emission zone).
    public var inZone: Bool
    /// Where the coordinates come from (`public-address`, `generated`, ...).
    public var coordinateSource: String
}

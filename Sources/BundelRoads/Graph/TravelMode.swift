/// The kind of vehicle a matrix is for: it decides which roads may be used, in which direction
/// and how fast, both in the offline road graph and in the routing engines' requests.
public enum TravelMode: String, Sendable, CaseIterable, Codable {
    case car
    case truck
    case bicycle

    /// Valhalla's costing model for the mode.
    public var valhallaCosting: String {
        switch self {
        case .car: "auto"
        case .truck: "truck"
        case .bicycle: "bicycle"
        }
    }

    /// The profile segment of an OSRM request URL. `osrm-routed` serves the one profile its data
    /// was prepared with whatever this says; the names are those of OSRM's shipped Lua profiles,
    /// so that a proxy routing several profiles by path finds the right one.
    public var osrmProfile: String {
        switch self {
        case .car: "car"
        case .truck: "truck"
        case .bicycle: "bike"
        }
    }
}

/// The kind of data a figure rests on, in the terms of ISO 14083's data-quality statement.
///
/// - `primary`: measured for this operation (fuel or charging records, weighed deliveries);
/// - `modelled`: calculated from the operation's own characteristics (distances from a matrix,
///   a vehicle's own consumption figure, flows estimated by the organisation);
/// - `default`: a generic value from a database or a tool's default (the vehicle catalogue's
///   consumption, bundel's hub handling energy, a published emission-factor list).
///
/// Ordered from the weakest: a result resting on several figures is as good as its weakest.
public enum DataQuality: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case `default`, modelled, primary

    public static func < (lhs: DataQuality, rhs: DataQuality) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a network's `data_quality:` block declares about its own figures; whatever it leaves
/// out is classed by where the figure comes from (``DataQualityStatement``).
public struct DeclaredDataQuality: Sendable, Hashable, Codable {
    /// The flows' quantities and frequencies (`flows.csv`).
    public var flows: DataQuality?
    /// Per vehicle type id: its consumption figures.
    public var vehicleTypes: [String: DataQuality] = [:]
    /// Per hub id: its handling energy.
    public var hubs: [String: DataQuality] = [:]

    public init(flows: DataQuality? = nil, vehicleTypes: [String: DataQuality] = [:], hubs: [String: DataQuality] = [:])
    {
        self.flows = flows
        self.vehicleTypes = vehicleTypes
        self.hubs = hubs
    }
}

/// How a shared trip's emissions are divided among the shipments on it (scenario field
/// `emission_allocation`).
///
/// ISO 14083 and the GLEC Framework share a transport chain element's emissions by transport
/// activity, quantity times the *shortest feasible distance* from the shipment's loading to its
/// unloading point within the element, so that a stop's share does not depend on its place in
/// the tour (the distance it rides would charge later stops for the detours of earlier ones).
/// The ridden distance is kept as an option to compare with.
public struct EmissionAllocation: Sendable, Hashable, Codable {
    /// The distance each shipment's quantity is multiplied by.
    public enum Distance: String, Sendable, Hashable, Codable, CaseIterable {
        /// The travel matrix's distance from the trip's start to the shipment's stop (ISO 14083).
        case shortestFeasible = "shortest-distance"
        /// The distance the shipment rides on the tour, from the trip's start to its stop.
        case ridden = "ridden-distance"
    }

    public var distance: Distance = .shortestFeasible
    /// The capacity dimension (its id) the quantity is counted in; `nil`: the one that fills the
    /// vehicles first in the plans compared (``EmissionAccount/limitingDimension(of:network:)``).
    public var quantity: String?

    public init(distance: Distance = .shortestFeasible, quantity: String? = nil) {
        self.distance = distance
        self.quantity = quantity
    }
}

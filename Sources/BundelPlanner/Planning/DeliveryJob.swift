/// Goods to hand over at one site on one day in one stop: one flow's delivery for a supplier,
/// or the combined delivery of several flows for a hub.
struct DeliveryJob: Sendable {
    let site: Site
    let day: Int
    var deliveries: [FlowDelivery]

    var quantity: [Double] {
        Quantities.sum(deliveries.map(\.quantity), dimensions: deliveries.first?.quantity.count ?? 0)
    }

    /// This job cut into equal parts that each fit `capacity`, or itself when it fits already.
    /// A delivery larger than a vehicle is brought in several stops rather than dropped.
    func split(toFit capacity: [Double]) -> [DeliveryJob] {
        let ratio = zip(quantity, capacity).map { $1 > 0 ? $0 / $1 : ($0 > 0 ? .infinity : 0) }.max() ?? 0
        guard ratio > 1 + 1e-9, ratio.isFinite else { return [self] }
        let parts = Int(ratio.rounded(.up))
        let share = 1 / Double(parts)
        var part = self
        part.deliveries = deliveries.map { FlowDelivery(flow: $0.flow, quantity: $0.quantity.map { $0 * share }) }
        return Array(repeating: part, count: parts)
    }
}

/// The hub operation elements of a bundled plan: the energy of handling the goods that trunk
/// legs bring to each hub, per hub and day, at the hub's energy per unit handled.
enum HubOperations {
    static func fromTrunkLegs(_ routes: [PlannedRoute], network: Network, factors: EmissionFactorSet) -> [HubOperation]
    {
        var byHubAndDay: [String: HubOperation] = [:]
        var order: [String] = []
        for route in routes where route.kind == .trunk {
            for stop in route.stops {
                guard let hub = network.hub(stop.location) else { continue }
                let key = "\(hub.id)|\(route.day.rawValue)"
                if byHubAndDay[key] == nil {
                    order.append(key)
                    byHubAndDay[key] = HubOperation(
                        hub: hub.id, day: route.day, deliveries: [], energy: 0,
                        energyCarrier: hub.handlingEnergyCarrier, co2eWtwKg: 0, co2eTtwKg: 0)
                }
                byHubAndDay[key]!.deliveries += stop.deliveries
            }
        }
        return order.sorted {
            byHubAndDay[$0]!.day < byHubAndDay[$1]!.day || (byHubAndDay[$0]!.day == byHubAndDay[$1]!.day && $0 < $1)
        }
        .map { key in
            var operation = byHubAndDay[key]!
            let hub = network.hub(operation.hub)!
            operation.energy = operation.deliveries.map { energy(of: $0, at: hub) }.reduce(0, +)
            // The scenario loader has checked that the hub's carrier is in the set.
            let factor = factors.carrier(hub.handlingEnergyCarrier)!
            operation.co2eWtwKg = operation.energy * factor.wellToWheelKg
            operation.co2eTtwKg = operation.energy * factor.tankToWheelKg
            return operation
        }
    }

    /// Energy of handling one delivery at a hub.
    static func energy(of delivery: FlowDelivery, at hub: Hub) -> Double {
        zip(delivery.quantity, hub.handlingEnergyPerUnit).map(*).reduce(0, +)
    }
}

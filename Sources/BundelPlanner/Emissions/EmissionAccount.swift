/// A plan's emissions split into ISO 14083 chain elements and allocated to the flows they
/// serve, with totals per flow, supplier, site, hub and day that add up to the elements.
///
/// Allocation: a trip's emissions are shared among the deliveries on it in proportion to
/// their tonne-kilometres (weight times the distance it rides from the trip's start to its
/// stop), so the empty return is carried by the loads it served. Without weights the first
/// capacity dimension takes the place of tonnes; without any load, distance alone decides.
/// A hub operation's emissions go to each delivery by the energy of handling it.
public struct EmissionAccount: Sendable {
    public var elements: [ChainElement]
    /// Emissions per flow index.
    public var perFlow: [EmissionShare]
    public var bySupplier: [String: EmissionShare]
    public var bySite: [String: EmissionShare]
    /// Emissions of the flows bundled through each hub (trunk legs, handling, hub tours).
    public var byHub: [String: EmissionShare]
    public var byDay: [Weekday: EmissionShare]
    /// Sum of all elements.
    public var total: EmissionShare

    public init(plan: WeeklyPlan, network: Network, viaHub: [Int: String], factors: EmissionFactorSet) {
        var elements: [ChainElement] = []
        var perFlow = [EmissionShare](repeating: EmissionShare(), count: network.flows.count)
        for route in plan.routes {
            let shares = Self.allocationShares(route, weightDimension: network.weightDimension)
            let deliveries = route.stops.flatMap(\.deliveries)
            for (delivery, share) in zip(deliveries, shares) {
                perFlow[delivery.flow] =
                    perFlow[delivery.flow]
                    + EmissionShare(co2eWtwKg: route.co2eWtwKg * share, co2eTtwKg: route.co2eTtwKg * share)
            }
            let kind: ChainElement.Kind =
                switch route.kind {
                case .direct: .direct
                case .trunk: .trunk
                case .hubTour: .hubTour
                }
            let vehicle = network.vehicleType(route.vehicleType)
            elements.append(
                ChainElement(
                    kind: kind, day: route.day, operatedBy: route.operatedBy, vehicleType: route.vehicleType,
                    km: Double(route.metres) / 1000,
                    tonneKm: Self.tonneKm(route, weightDimension: network.weightDimension),
                    energy: route.energy, energyCarrier: vehicle?.energyCarrier ?? "", co2eWtwKg: route.co2eWtwKg,
                    co2eTtwKg: route.co2eTtwKg, noxKg: route.noxKg, pm10Kg: route.pm10Kg, shipments: deliveries.count))
        }
        for operation in plan.hubOperations {
            let hub = network.hub(operation.hub)!
            let energies = operation.deliveries.map { HubOperations.energy(of: $0, at: hub) }
            let total = energies.reduce(0, +)
            for (delivery, energy) in zip(operation.deliveries, energies) {
                let share = total > 0 ? energy / total : 1 / Double(operation.deliveries.count)
                perFlow[delivery.flow] =
                    perFlow[delivery.flow]
                    + EmissionShare(co2eWtwKg: operation.co2eWtwKg * share, co2eTtwKg: operation.co2eTtwKg * share)
            }
            elements.append(
                ChainElement(
                    kind: .hubOperation, day: operation.day, operatedBy: operation.hub, vehicleType: "", km: 0,
                    tonneKm: 0,
                    energy: operation.energy, energyCarrier: operation.energyCarrier, co2eWtwKg: operation.co2eWtwKg,
                    co2eTtwKg: operation.co2eTtwKg, noxKg: nil, pm10Kg: nil, shipments: operation.deliveries.count))
        }
        self.elements = elements
        self.perFlow = perFlow
        var bySupplier: [String: EmissionShare] = [:], bySite: [String: EmissionShare] = [:],
            byHub: [String: EmissionShare] = [:]
        for flow in network.flows {
            bySupplier[flow.supplier, default: EmissionShare()] =
                bySupplier[flow.supplier, default: EmissionShare()] + perFlow[flow.index]
            bySite[flow.site, default: EmissionShare()] =
                bySite[flow.site, default: EmissionShare()] + perFlow[flow.index]
            if let hub = viaHub[flow.index] {
                byHub[hub, default: EmissionShare()] = byHub[hub, default: EmissionShare()] + perFlow[flow.index]
            }
        }
        var byDay: [Weekday: EmissionShare] = [:]
        for element in elements {
            byDay[element.day, default: EmissionShare()] =
                byDay[element.day, default: EmissionShare()]
                + EmissionShare(co2eWtwKg: element.co2eWtwKg, co2eTtwKg: element.co2eTtwKg)
        }
        self.bySupplier = bySupplier
        self.bySite = bySite
        self.byHub = byHub
        self.byDay = byDay
        total = elements.reduce(EmissionShare()) {
            $0 + EmissionShare(co2eWtwKg: $1.co2eWtwKg, co2eTtwKg: $1.co2eTtwKg)
        }
    }

    /// Each delivery's share of a trip (in the order of `route.stops.flatMap(\.deliveries)`),
    /// summing to 1.
    static func allocationShares(_ route: PlannedRoute, weightDimension: Int?) -> [Double] {
        var ridden: [Double] = [] // km from the start to each delivery's stop
        var travelled = 0
        for (stop, leg) in zip(route.stops, route.legMetres) {
            travelled += leg
            ridden += stop.deliveries.map { _ in Double(travelled) / 1000 }
        }
        let deliveries = route.stops.flatMap(\.deliveries)
        guard !deliveries.isEmpty else { return [] }
        // Tonne-km; failing that, units of the first dimension times km; failing that, km.
        let measures: [[Double]] = [
            weightDimension.map { index in zip(deliveries, ridden).map { $0.quantity[index] / 1000 * $1 } } ?? [],
            zip(deliveries, ridden).map { ($0.quantity.first ?? 0) * $1 },
            ridden,
        ]
        for activity in measures where !activity.isEmpty {
            let total = activity.reduce(0, +)
            if total > 0 { return activity.map { $0 / total } }
        }
        return deliveries.map { _ in 1 / Double(deliveries.count) }
    }

    /// Tonne-kilometres a trip performs: each delivery's tonnes times the km it rides.
    static func tonneKm(_ route: PlannedRoute, weightDimension: Int?) -> Double {
        guard let weightDimension else { return 0 }
        var travelled = 0, total = 0.0
        for (stop, leg) in zip(route.stops, route.legMetres) {
            travelled += leg
            total += stop.quantity[weightDimension] / 1000 * Double(travelled) / 1000
        }
        return total
    }
}

/// A plan's emissions split into ISO 14083 chain elements and allocated to the flows they
/// serve, with totals per flow, supplier, site, hub and day that add up to the elements.
///
/// Allocation (``EmissionAllocation``): a trip's emissions are shared among the deliveries on it
/// in proportion to their transport activity, quantity times distance. By default, as ISO 14083
/// and the GLEC Framework ask, the distance is the shortest feasible distance from the trip's
/// start to the delivery's stop, and the quantity is counted in the capacity dimension that
/// fills the vehicles first (mass, or loading units such as roll cages), the same for every
/// trip of a calculation; the distance each delivery rides on the tour is the option to compare
/// with. The empty return is carried by the loads the trip served. Without any quantity on a
/// trip, distance alone decides. A hub operation's emissions go to each delivery by the energy
/// of handling it. Allocation only moves emissions between flows: the elements' sum is the
/// plan's.
public struct EmissionAccount: Sendable {
    /// The allocation as applied to one calculation: its distance, and the capacity dimension
    /// (index) its quantity is counted in.
    public struct Basis: Sendable, Hashable {
        public var distance: EmissionAllocation.Distance
        /// `nil` only for a network without capacity dimensions.
        public var dimension: Int?

        public init(distance: EmissionAllocation.Distance, dimension: Int?) {
            self.distance = distance
            self.dimension = dimension
        }

        /// The scenario's allocation for the plans of one calculation (the baseline and the
        /// bundled plan together, so that both count the same quantity): the named dimension,
        /// or the one that fills the vehicles first.
        public static func of(_ allocation: EmissionAllocation, plans: [WeeklyPlan], network: Network) -> Basis {
            let named = allocation.quantity.flatMap { id in network.dimensions.firstIndex { $0.id == id } }
            return Basis(
                distance: allocation.distance,
                dimension: named ?? EmissionAccount.limitingDimension(of: plans, network: network))
        }
    }

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
    /// The allocation the shares follow.
    public var basis: Basis

    public init(plan: WeeklyPlan, network: Network, viaHub: [Int: String], basis: Basis) {
        self.basis = basis
        var elements: [ChainElement] = []
        var perFlow = [EmissionShare](repeating: EmissionShare(), count: network.flows.count)
        for route in plan.routes {
            let shares = Self.allocationShares(route, basis: basis)
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
                    tonnes: network.weightDimension.map { weight in
                        route.stops.map { $0.quantity[weight] }.reduce(0, +) / 1000
                    } ?? 0,
                    tonneKm: Self.tonneKm(route, weightDimension: network.weightDimension, distance: basis.distance),
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
                    tonnes: network.weightDimension.map { weight in
                        operation.deliveries.map { $0.quantity[weight] }.reduce(0, +) / 1000
                    } ?? 0,
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

    /// The capacity dimension whose loads fill the plans' vehicles most, summed over every
    /// trip as load over the vehicle's capacity: the unit that limits the vehicles, which ISO
    /// 14083 allocates by. On a tie the weight dimension, then the first.
    public static func limitingDimension(of plans: [WeeklyPlan], network: Network) -> Int? {
        guard !network.dimensions.isEmpty else { return nil }
        var fill = [Double](repeating: 0, count: network.dimensions.count)
        for route in plans.flatMap(\.routes) {
            guard let vehicle = network.vehicleType(route.vehicleType) else { continue }
            for stop in route.stops {
                for (dimension, capacity) in vehicle.capacity.enumerated()
                where dimension < fill.count && capacity > 0 {
                    fill[dimension] += stop.quantity[dimension] / capacity
                }
            }
        }
        let preferred = network.weightDimension ?? 0
        return fill.indices.max { a, b in
            (fill[a], a == preferred ? 1 : 0, -a) < (fill[b], b == preferred ? 1 : 0, -b)
        }
    }

    /// The distance to each delivery of a trip (in the order of
    /// `route.stops.flatMap(\.deliveries)`), in km: the shortest feasible distance from the
    /// trip's start to its stop, or the distance it rides there.
    static func deliveryKm(_ route: PlannedRoute, distance: EmissionAllocation.Distance) -> [Double] {
        var km: [Double] = []
        var travelled = 0
        for (stop, leg) in zip(route.stops, route.legMetres) {
            travelled += leg
            let metres = distance == .ridden ? travelled : stop.shortestMetres
            km += stop.deliveries.map { _ in Double(metres) / 1000 }
        }
        return km
    }

    /// Each delivery's share of a trip (in the order of `route.stops.flatMap(\.deliveries)`),
    /// summing to 1: its quantity in the basis's dimension times its distance, over the trip's
    /// sum; with no quantity on the trip, the distance alone; with neither, equal shares.
    static func allocationShares(_ route: PlannedRoute, basis: Basis) -> [Double] {
        let deliveries = route.stops.flatMap(\.deliveries)
        guard !deliveries.isEmpty else { return [] }
        let km = deliveryKm(route, distance: basis.distance)
        let measures: [[Double]] = [
            basis.dimension.map { index in zip(deliveries, km).map { $0.quantity[index] * $1 } } ?? [],
            km,
        ]
        for activity in measures where !activity.isEmpty {
            let total = activity.reduce(0, +)
            if total > 0 { return activity.map { $0 / total } }
        }
        return deliveries.map { _ in 1 / Double(deliveries.count) }
    }

    /// Tonne-kilometres a trip performs (its transport activity): each delivery's tonnes times
    /// its distance, shortest feasible or ridden.
    static func tonneKm(_ route: PlannedRoute, weightDimension: Int?, distance: EmissionAllocation.Distance) -> Double {
        guard let weightDimension else { return 0 }
        let deliveries = route.stops.flatMap(\.deliveries)
        return zip(deliveries, deliveryKm(route, distance: distance)).map { $0.quantity[weightDimension] / 1000 * $1 }
            .reduce(0, +)
    }
}

/// Supplier-to-hub legs: a supplier brings its bundled goods to the hub in round trips from its
/// depot, as many as its volume needs and at least its stated minimum per week.
enum TrunkLegs {
    /// The vehicle a supplier uses for trunk legs: the largest of its fleet.
    static func vehicle(for supplier: Supplier, scenario: Scenario) -> VehicleType? {
        scenario.fleet(of: supplier).largest
    }

    /// Trips a week needed to carry `volume` in vehicles of `capacity`, at least `minimum`.
    /// The planner only bundles flows whose dimensions the trunk vehicle carries, so a zero
    /// capacity never meets a positive volume here.
    static func tripCount(volume: [Double], capacity: [Double], minimum: Int) -> Int {
        let loads = zip(volume, capacity).map { $1 > 0 ? $0 / $1 : 0 }
        let needed = Int(((loads.max() ?? 0) - 1e-9).rounded(.up))
        return max(minimum, needed, 1)
    }

    /// One trunk trip from the supplier's depot to the hub and back, carrying `deliveries`.
    static func trip(_ supplier: Supplier, to hub: Hub, vehicle: VehicleType, day: Weekday,
                     deliveries: [FlowDelivery], context: TravelContext) -> PlannedRoute {
        let matrix = context.matrix
        let legs = [matrix.metres(supplier.id, hub.id), matrix.metres(hub.id, supplier.id)]
        let driving = matrix.seconds(supplier.id, hub.id, speedKmh: vehicle.speedKmh) + matrix.seconds(hub.id, supplier.id, speedKmh: vehicle.speedKmh)
        let quantity = Quantities.sum(deliveries.map(\.quantity), dimensions: vehicle.capacity.count)
        let duration = driving + hub.unloadSeconds(quantity)
        let metres = legs.reduce(0, +)
        let cost = vehicle.costPerKilometre * Double(metres) / 1000 + vehicle.costPerHourIncludingFixed * Double(duration) / 3600
        // Loaded to the hub, empty back.
        let loads: [Double] = [context.weightDimension.map { quantity[$0] } ?? 0, 0]
        let emissions = context.emissions(legMetres: legs, legLoadsKg: loads, vehicle: vehicle)
        let arrival = Double(vehicle.shiftStart) + Double(matrix.seconds(supplier.id, hub.id, speedKmh: vehicle.speedKmh)) / 60
        return PlannedRoute(kind: .trunk, day: day, operatedBy: supplier.id, vehicleType: vehicle.id, start: supplier.id,
                            end: supplier.id, departureMinute: Double(vehicle.shiftStart),
                            stops: [PlannedStop(location: hub.id, serviceStartMinute: arrival, deliveries: deliveries, quantity: quantity)],
                            legMetres: legs, durationSeconds: duration, costEur: cost, energy: emissions.energy,
                            co2eWtwKg: emissions.wellToWheelKg, co2eTtwKg: emissions.tankToWheelKg,
                            noxKg: emissions.noxKg, pm10Kg: emissions.pm10Kg)
    }

    /// The week's trunk trips for a supplier's flows bundled at a hub, spread over the days;
    /// each trip carries an equal share of every flow's weekly quantity.
    static func plan(_ supplier: Supplier, to hub: Hub, flows: [Flow], vehicle: VehicleType, days: [Weekday],
                     context: TravelContext) -> [PlannedRoute] {
        let volume = Quantities.sum(flows.map(\.weeklyQuantity), dimensions: vehicle.capacity.count)
        let count = tripCount(volume: volume, capacity: vehicle.capacity, minimum: supplier.minHubTripsPerWeek)
        let share = 1 / Double(count)
        let deliveries = flows.map { FlowDelivery(flow: $0.index, quantity: $0.weeklyQuantity.map { $0 * share }) }
        return (0..<count).map { trip in
            let day = days[Int(Double(trip) * Double(days.count) / Double(count)) % days.count]
            return self.trip(supplier, to: hub, vehicle: vehicle, day: day, deliveries: deliveries, context: context)
        }
    }
}

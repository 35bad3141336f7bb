/// Supplier-to-hub legs: a supplier brings its bundled goods to the hub in round trips from its
/// depot, on the days the hub's cross-dock needs them, as many a day as the day's volume needs
/// and at least its stated minimum a week.
enum TrunkLegs {
    /// The vehicle a supplier uses for trunk legs: the largest of its fleet.
    static func vehicle(for supplier: Supplier, scenario: Scenario) -> VehicleType? {
        scenario.fleet(of: supplier).largest
    }

    /// Trips needed to carry `volume` in vehicles of `capacity`, at least `minimum`.
    /// The planner only bundles flows whose dimensions the trunk vehicle carries, so a zero
    /// capacity never meets a positive volume here.
    static func tripCount(volume: [Double], capacity: [Double], minimum: Int) -> Int {
        let loads = zip(volume, capacity).map { $1 > 0 ? $0 / $1 : 0 }
        let needed = Int(((loads.max() ?? 0) - 1e-9).rounded(.up))
        return max(minimum, needed, 1)
    }

    /// One trunk trip from the supplier's depot to the hub and back, carrying `deliveries`.
    static func trip(
        _ supplier: Supplier, to hub: Hub, vehicle: VehicleType, day: Weekday,
        deliveries: [FlowDelivery], context: TravelContext
    ) -> PlannedRoute {
        let matrix = context.matrix
        let legs = [matrix.metres(supplier.id, hub.id), matrix.metres(hub.id, supplier.id)]
        let driving =
            matrix.seconds(supplier.id, hub.id, speedKmh: vehicle.speedKmh)
            + matrix.seconds(hub.id, supplier.id, speedKmh: vehicle.speedKmh)
        let quantity = Quantities.sum(deliveries.map(\.quantity), dimensions: vehicle.capacity.count)
        let duration = driving + hub.unloadSeconds(quantity)
        let metres = legs.reduce(0, +)
        let cost =
            vehicle.costPerKilometre * Double(metres) / 1000 + vehicle.costPerHourIncludingFixed * Double(duration)
            / 3600
        // Loaded to the hub, empty back.
        let loads: [Double] = [context.weightDimension.map { quantity[$0] } ?? 0, 0]
        let emissions = context.emissions(
            legMetres: legs, legLoadsKg: loads, vehicle: vehicle, durationSeconds: duration)
        let arrival =
            Double(vehicle.shiftStart) + Double(matrix.seconds(supplier.id, hub.id, speedKmh: vehicle.speedKmh)) / 60
        return PlannedRoute(
            kind: .trunk, day: day, operatedBy: supplier.id, vehicleType: vehicle.id, start: supplier.id,
            end: supplier.id, departureMinute: Double(vehicle.shiftStart),
            stops: [
                PlannedStop(
                    location: hub.id, serviceStartMinute: arrival, deliveries: deliveries, quantity: quantity,
                    shortestMetres: legs[0])
            ],
            legMetres: legs, durationSeconds: duration, costEur: cost, energy: emissions.energy,
            co2eWtwKg: emissions.wellToWheelKg, co2eTtwKg: emissions.tankToWheelKg,
            noxKg: emissions.noxKg, pm10Kg: emissions.pm10Kg)
    }

    /// A supplier's trunk legs to one hub: per planning day, the goods the hub's tours need
    /// from it, arriving as the hub's cross-dock requires.
    ///
    /// A flow delivered by the hub's tours on day t reaches the hub on day t − lag (the day
    /// before for a `next_day` hub, counted cyclically over the planning days so that the last
    /// day's arrivals serve the first; the same day for `same_day`). Each arrival day needs as
    /// many trips as its volume fills vehicles. Where the hub offers storage, a day's goods ride
    /// along with an earlier day's trip of the supplier instead, when they fit without another
    /// trip, the storage holds them and their storage cost is below the trips saved. Trips are
    /// then added on the heaviest days until the supplier's weekly minimum is met (fresh
    /// goods). Every trip of a day carries an equal share of every delivery of that day.
    static func plan(
        _ supplier: Supplier, to hub: Hub, flows: [Flow], flowDays: [Int: [Int]], vehicle: VehicleType,
        days: [Weekday], context: TravelContext
    ) -> (routes: [PlannedRoute], storageCostEur: Double) {
        let dimensions = vehicle.capacity.count
        var arrivals = [[FlowDelivery]](repeating: [], count: days.count)
        for flow in flows.sorted(by: { $0.index < $1.index }) {
            for day in flowDays[flow.index] ?? [] {
                let arrival = ((day - hub.crossDock.lagDays) % days.count + days.count) % days.count
                arrivals[arrival].append(
                    FlowDelivery(flow: flow.index, quantity: flow.quantityPerDelivery, forDay: days[day]))
            }
        }
        var storageCost = 0.0
        if let storage = hub.storage {
            storageCost = storeAhead(
                &arrivals, storage: storage,
                tripCost: trip(
                    supplier, to: hub, vehicle: vehicle, day: days[0],
                    deliveries: [], context: context
                ).costEur,
                capacity: vehicle.capacity, dimensions: dimensions)
        }
        let volumes = arrivals.map { Quantities.sum($0.map(\.quantity), dimensions: dimensions) }
        var trips = zip(arrivals, volumes).map { deliveries, volume in
            deliveries.isEmpty ? 0 : tripCount(volume: volume, capacity: vehicle.capacity, minimum: 1)
        }
        // The weekly minimum: one more trip where a trip carries most (earliest day on ties).
        while trips.reduce(0, +) < supplier.minHubTripsPerWeek, trips.contains(where: { $0 > 0 }) {
            let fullest = trips.indices.filter { trips[$0] > 0 }.max { a, b in
                let (loadA, loadB) = (
                    fill(volumes[a], vehicle.capacity) / Double(trips[a]),
                    fill(volumes[b], vehicle.capacity) / Double(trips[b])
                )
                return loadA != loadB ? loadA < loadB : a > b
            }!
            trips[fullest] += 1
        }
        var routes: [PlannedRoute] = []
        for (day, deliveries) in arrivals.enumerated() where trips[day] > 0 {
            let share = 1 / Double(trips[day])
            let carried = deliveries.map {
                FlowDelivery(flow: $0.flow, quantity: $0.quantity.map { $0 * share }, forDay: $0.forDay)
            }
            for _ in 0..<trips[day] {
                routes.append(
                    trip(supplier, to: hub, vehicle: vehicle, day: days[day], deliveries: carried, context: context))
            }
        }
        return (routes, storageCost)
    }

    /// The largest share of `capacity` that `volume` fills in any dimension.
    static func fill(_ volume: [Double], _ capacity: [Double]) -> Double {
        zip(volume, capacity).map { $1 > 0 ? $0 / $1 : 0 }.max() ?? 0
    }

    /// Moves whole arrival days onto an earlier day's trips where storage makes that pay (see
    /// ``plan(_:to:flows:flowDays:vehicle:days:context:)``) and returns the storage cost. Only
    /// earlier days of the same week are used, so no goods wait over the week's end.
    static func storeAhead(
        _ arrivals: inout [[FlowDelivery]], storage: HubStorage, tripCost: Double,
        capacity: [Double], dimensions: Int
    ) -> Double {
        var stored = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: arrivals.count)
        var cost = 0.0
        for day in arrivals.indices where !arrivals[day].isEmpty {
            let volume = Quantities.sum(arrivals[day].map(\.quantity), dimensions: dimensions)
            let saved = Double(tripCount(volume: volume, capacity: capacity, minimum: 1)) * tripCost
            // The latest earlier day first: the shortest wait.
            for earlier in stride(from: day - 1, through: max(0, day - storage.days), by: -1)
            where !arrivals[earlier].isEmpty {
                let before = Quantities.sum(arrivals[earlier].map(\.quantity), dimensions: dimensions)
                let together = zip(before, volume).map(+)
                guard
                    tripCount(volume: together, capacity: capacity, minimum: 1)
                        == tripCount(volume: before, capacity: capacity, minimum: 1)
                else { continue }
                let waitDays = Double(day - earlier)
                let storageCost = zip(volume, storage.costPerUnitDay).map(*).reduce(0, +) * waitDays
                guard storageCost < saved else { continue }
                let fits = (earlier..<day).allSatisfy { held in
                    zip(zip(stored[held], volume), storage.capacity).allSatisfy { $0.0 + $0.1 <= $1 + 1e-9 }
                }
                guard fits else { continue }
                for held in earlier..<day { stored[held] = zip(stored[held], volume).map(+) }
                arrivals[earlier] += arrivals[day]
                arrivals[day] = []
                cost += storageCost
                break
            }
        }
        return cost
    }

    /// Per planning day, the minute by which the trunk legs arriving at `hub` that day are all
    /// unloaded (nil on days without arrivals): a same_day hub's tours leave after it.
    static func readyMinutes(_ legs: [PlannedRoute], at hub: Hub, days: [Weekday]) -> [Int?] {
        days.map { day in
            legs.filter { $0.day == day }.flatMap(\.stops).filter { $0.location == hub.id }
                .map { Int(($0.serviceStartMinute + Double(hub.unloadSeconds($0.quantity)) / 60 - 1e-9).rounded(.up)) }
                .max()
        }
    }
}

import BundelRouting

/// Routes one operator's deliveries of one day (a supplier from its depot, or a hub) with the
/// routing engine and turns the result into planned routes with cost and emissions.
struct DayRouter: Sendable {
    let context: TravelContext
    let days: [Weekday]
    let enforceZone: Bool
    /// Seed and iteration limit of each search; its time limit is replaced by the time left.
    let search: SearchParameters
    /// When the phase this router works for must end. It is a safety net: in a normal run the
    /// iteration limit ends each search first, which keeps plans reproducible.
    let deadline: ContinuousClock.Instant
    /// Whether each outcome keeps its routing problem and solution (for `--export-problems`);
    /// off by default, since a large network's problems would only take memory.
    var keepProblems = false
    /// Earlier outcomes of the run, reused for a problem routed before.
    var cache: DayRouteCache?

    struct Outcome: Sendable {
        var routes: [PlannedRoute]
        var unserved: [UnservedDelivery]
        var statistics: SearchStatistics
        /// The problem solved, when ``DayRouter/keepProblems`` is set and there was one.
        var problem: DayProblem?
        /// Whether this outcome was taken from ``DayRouter/cache`` rather than searched again.
        var reused = false
    }

    /// Plans `jobs` (all on one day) for vehicles of `fleet` based at location `depot`;
    /// `counts` limits the vehicles per type (unlisted types are unlimited); no vehicle leaves
    /// before minute `notBefore`.
    ///
    /// `costBasis` says how the fleet is paid: ``FleetCostBasis/proRata`` prices each trip by
    /// its km and hours (the daily fixed cost spread over the shift); under
    /// ``FleetCostBasis/vehicleDay`` the engine pays each vehicle used its whole vehicle-day as
    /// a fixed cost plus km, so it minimises vehicles, and each vehicle's day cost is shared
    /// among its trips in proportion to their hours, so that the trips add up to it.
    func route(
        _ jobs: [DeliveryJob], day: Int, from depot: String, operatedBy: String, kind: RouteKind,
        fleet: [VehicleType], counts: [String: Int] = [:], notBefore: Int? = nil, costBasis: FleetCostBasis = .proRata
    ) -> Outcome {
        guard !jobs.isEmpty, !fleet.isEmpty else {
            return Outcome(
                routes: [], unserved: jobs.map { unserved($0, operatedBy, reason: "no vehicle in the fleet") },
                statistics: SearchStatistics())
        }
        let runSearch = {
            solve(
                jobs, day: day, from: depot, operatedBy: operatedBy, kind: kind, fleet: fleet, counts: counts,
                notBefore: notBefore, costBasis: costBasis)
        }
        guard let cache else { return runSearch() }
        let key = DayRouteCache.Key(
            operatedBy: operatedBy, depot: depot, kind: kind, day: day, fleet: fleet.map(\.id), counts: counts,
            notBefore: notBefore, costBasis: costBasis,
            stops: jobs.map { DayRouteCache.Key.Stop(site: $0.site.id, deliveries: $0.deliveries) })
        // A search that a stop request cut short is not the problem's outcome.
        return cache.outcome(for: key, search: runSearch, keep: { _ in search.stop?.isRequested != true })
    }

    /// The routing engine's search for ``route(_:day:from:operatedBy:kind:fleet:counts:notBefore:costBasis:)``.
    private func solve(
        _ jobs: [DeliveryJob], day: Int, from depot: String, operatedBy: String, kind: RouteKind,
        fleet: [VehicleType], counts: [String: Int], notBefore: Int?, costBasis: FleetCostBasis
    ) -> Outcome {
        let matrix = context.matrix
        // A job bigger than the largest vehicle that may deliver at its site is split into parts
        // that fit that vehicle (without one, the solver reports the job unserved and why).
        let parts = jobs.flatMap { job in
            job.split(
                toFit: (fleet.largest(servingSite: job.site, enforceZone: enforceZone) ?? fleet.largest!).capacity)
        }

        // The problem's own locations: the depot (0), then each site in order of first use, so
        // that a day of 12 stops carries a 13 x 13 matrix, not the network's. A problem that
        // visits more than half of the network shares the network's matrix instead (built once
        // per speed) rather than copying most of it, unless its problem is kept for export,
        // which wants the small form. The engine breaks ties by job index, never by location
        // index, so either numbering gives the same routes.
        var locations = [matrix.index[depot]!]
        var localIndex = [locations[0]: 0]
        for part in parts {
            let global = matrix.index[part.site.id]!
            if localIndex[global] == nil {
                localIndex[global] = locations.count
                locations.append(global)
            }
        }
        let shareNetwork = !keepProblems && 2 * locations.count > matrix.count
        let index: (Int) -> Int = { global in shareNetwork ? global : localIndex[global]! }
        let depotIndex = index(locations[0])

        // One travel profile per distinct vehicle speed, types index into it: a matrix without
        // times is driven at each type's speed; one with times (a road matrix) gives them all.
        var profileIndex: [Double: Int] = [:]
        var profiles: [TravelProfile] = []
        for type in fleet where profileIndex[type.speedKmh] == nil {
            profileIndex[type.speedKmh] = profiles.count
            profiles.append(
                shareNetwork
                    ? context.networkProfiles.profile(speedKmh: type.speedKmh)
                    : matrix.profile(speedKmh: type.speedKmh, over: locations))
        }
        let wholeDays = costBasis == .vehicleDay
        let vehicleTypes = fleet.map { type in
            var routingType = BundelRouting.VehicleType(
                name: type.id, capacity: type.capacity, fixedCost: wholeDays ? type.vehicleDayCostEur : 0,
                costPerKilometre: type.costPerKilometre,
                costPerHour: wholeDays ? 0 : type.costPerHourIncludingFixed, profile: profileIndex[type.speedKmh]!,
                startLocation: depotIndex, endLocation: depotIndex,
                shift: TimeWindow(
                    earliest: min(max(type.shiftStart, notBefore ?? 0), type.shiftEnd) * 60, latest: type.shiftEnd * 60),
                count: counts[type.id])
            routingType.maxTrips = type.maxTripsPerShift
            routingType.reloadSeconds = type.reloadMinutes * 60
            return routingType
        }
        let zoneTypes = Set(fleet.indices.filter { fleet[$0].mayEnterZone })
        let routingJobs = parts.map { part in
            Job(
                location: index(matrix.index[part.site.id]!), demand: part.quantity,
                serviceSeconds: context.serviceTime.seconds(
                    fixedMinutes: part.site.serviceMinutes, deliveries: part.deliveries.count,
                    quantity: part.quantity),
                timeWindow: TimeWindow(earliest: part.site.windowStart * 60, latest: part.site.windowEnd * 60),
                allowedVehicleTypes: enforceZone && part.site.inZone ? zoneTypes : nil)
        }
        // Inputs were validated by the scenario loader and the matrix is complete, so the
        // problem is well formed; a failure here is a programming error.
        let problem = try! RoutingProblem(profiles: profiles, jobs: routingJobs, vehicleTypes: vehicleTypes)
        var parameters = search
        parameters.timeLimitSeconds = max(0, (deadline - ContinuousClock.now).inSeconds)
        parameters.maxIterations = Self.iterations(jobs: routingJobs.count, limit: search.maxIterations)
        let solution = try! RoutingSolver.solve(problem, parameters: parameters)

        var vehicleNumbers: [Int: Int] = [:]
        let routes = solution.routes.flatMap { route -> [PlannedRoute] in
            let type = fleet[route.vehicleType]
            let profile = profiles[vehicleTypes[route.vehicleType].profile]
            let number = vehicleNumbers[route.vehicleType, default: 0] + 1
            vehicleNumbers[route.vehicleType] = number
            // Each trip becomes a planned route of its own, departing when the previous trip's
            // reload is done; the vehicle label ties the trips of one vehicle together.
            var planned: [PlannedRoute] = []
            var departure = route.departure
            var stops: [PlannedStop] = []
            var legs: [Int] = []
            var location = depotIndex
            func closeTrip(returningAt arrival: Int) {
                legs.append(profile.distance(location, depotIndex))
                let duration = arrival - departure
                let loads = RouteEmissions.deliveryLegLoads(
                    stopLoadsKg: stops.map { stop in context.weightDimension.map { stop.quantity[$0] } ?? 0 })
                let emissions = context.emissions(
                    legMetres: legs, legLoadsKg: loads, vehicle: type, durationSeconds: duration)
                // Under whole vehicle-days the day's cost is added below, shared over the trips.
                let cost =
                    type.costPerKilometre * Double(legs.reduce(0, +)) / 1000
                    + (wholeDays ? 0 : type.costPerHourIncludingFixed * Double(duration) / 3600)
                var trip = PlannedRoute(
                    kind: kind, day: days[day], operatedBy: operatedBy, vehicleType: type.id, start: depot, end: depot,
                    departureMinute: Double(departure) / 60, stops: stops, legMetres: legs,
                    durationSeconds: duration, costEur: cost, energy: emissions.energy,
                    co2eWtwKg: emissions.wellToWheelKg, co2eTtwKg: emissions.tankToWheelKg,
                    noxKg: emissions.noxKg, pm10Kg: emissions.pm10Kg)
                trip.vehicle = "\(type.id) \(number)"
                planned.append(trip)
                stops = []
                legs = []
                location = depotIndex
            }
            for visit in route.visits(in: problem) {
                if visit.entry == Route.reload {
                    closeTrip(returningAt: visit.arrival)
                    departure = visit.leave
                    continue
                }
                let job = visit.entry
                legs.append(profile.distance(location, routingJobs[job].location))
                stops.append(
                    PlannedStop(
                        location: parts[job].site.id, serviceStartMinute: Double(visit.serviceStart) / 60,
                        deliveries: parts[job].deliveries, quantity: parts[job].quantity,
                        shortestMetres: profile.distance(depotIndex, routingJobs[job].location)))
                location = routingJobs[job].location
            }
            closeTrip(returningAt: route.departure + route.durationSeconds)
            if wholeDays {
                for (index, share) in FleetCostBasis.vehicleDayShares(durations: planned.map(\.durationSeconds))
                    .enumerated()
                {
                    planned[index].costEur += type.vehicleDayCostEur * share
                }
            }
            return planned
        }
        let unservedParts = solution.unserved.map { unserved(parts[$0.job], operatedBy, reason: $0.reason.rawValue) }
        let kept =
            keepProblems
            ? DayProblem(
                kind: kind, day: days[day], operatedBy: operatedBy, locationIds: locations.map { matrix.ids[$0] },
                problem: problem, parameters: parameters, solution: solution) : nil
        return Outcome(routes: routes, unserved: unservedParts, statistics: solution.statistics, problem: kept)
    }

    /// The iterations a search of `jobs` jobs gets under the scenario's `limit`: at most
    /// 10 n², but no fewer than 200. A day problem of a few stops reaches its best plan within
    /// a couple of hundred iterations (measured on the campus default's day problems, three
    /// seeds: every problem of up to 19 jobs found its best cost at 200 iterations, while
    /// problems of 20 jobs and more still improve up to 3,000); spending the full limit on
    /// them bought nothing. The rule reaches the limit of 3,000 at 18 jobs.
    static func iterations(jobs: Int, limit: Int) -> Int {
        min(limit, max(200, 10 * jobs * jobs))
    }

    private func unserved(_ job: DeliveryJob, _ operatedBy: String, reason: String) -> UnservedDelivery {
        UnservedDelivery(
            day: days[job.day], site: job.site.id, operatedBy: operatedBy, deliveries: job.deliveries, reason: reason)
    }
}

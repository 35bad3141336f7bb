extension Route {
    /// One entry of a route's schedule: a job, or a reload at the start depot.
    public struct Visit: Sendable, Hashable {
        /// The job index, or ``Route/reload``.
        public var entry: Int
        /// When the vehicle gets there.
        public var arrival: Int
        /// When service starts (after waiting for the window); for a reload, the arrival.
        public var serviceStart: Int
        /// When the vehicle leaves again: after the service or the reload.
        public var leave: Int
    }

    /// The route's schedule from its departure: arrival, service start and leaving time of every
    /// job and reload, in order. The return to the end depot is ``departure`` plus
    /// ``durationSeconds``.
    public func visits(in problem: RoutingProblem) -> [Visit] {
        let type = problem.vehicleTypes[vehicleType]
        let travel = problem.profiles[type.profile]
        var clock = departure
        var location = type.startLocation
        return jobs.map { entry in
            if entry == Route.reload {
                let arrival = clock + travel.duration(location, type.startLocation)
                clock = arrival + type.reloadSeconds
                location = type.startLocation
                return Visit(entry: entry, arrival: arrival, serviceStart: arrival, leave: clock)
            }
            let job = problem.jobs[entry]
            let arrival = clock + travel.duration(location, job.location)
            let start = max(arrival, job.timeWindow.earliest)
            clock = start + job.serviceSeconds
            location = job.location
            return Visit(entry: entry, arrival: arrival, serviceStart: start, leave: clock)
        }
    }
}

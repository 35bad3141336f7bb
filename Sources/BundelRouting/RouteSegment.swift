/// A stretch of consecutive visits of a route, summarised so that two stretches join in O(1).
///
/// Distance and driving time add up. Duration, time warp and the window of start times follow
/// the concatenation rules of Vidal, Crainic, Gendreau and Prins (2014, "A unified solution
/// framework for multi-attribute vehicle routing problems"): `duration` is the shortest time
/// from the first visit's arrival to the end of the last visit's service, waiting included;
/// `timeWarp` is how much the stretch would have to travel back in time to meet every window
/// (zero for a feasible stretch); any start in `earliestStart...latestStart` achieves both.
/// Every evaluation of a route in the search (insertion, new trip, refresh, final cost) joins
/// these segments, so each one sees maximum duration, waiting, reloads and hourly cost exactly.
/// Load is kept per trip beside the segments, because a reload empties the vehicle.
struct RouteSegment: Sendable, Equatable {
    /// Location of the first and of the last visit.
    var firstLocation: Int
    var lastLocation: Int
    /// Metres driven between the first and the last visit.
    var distance: Int
    /// Seconds spent driving between the first and the last visit.
    var travel: Int
    /// Seconds from the start of the first visit to the end of the last one, waiting included.
    var duration: Int
    /// Seconds by which the visits would break their windows; zero when feasible.
    var timeWarp: Int
    /// Earliest and latest start of the first visit that achieve `duration` and `timeWarp`.
    var earliestStart: Int
    var latestStart: Int

    /// A single visit: `service` seconds at `location`, starting within `earliest...latest`.
    init(visitAt location: Int, service: Int, earliest: Int, latest: Int) {
        firstLocation = location
        lastLocation = location
        distance = 0
        travel = 0
        duration = service
        timeWarp = 0
        earliestStart = earliest
        latestStart = latest
    }

    private init(
        firstLocation: Int, lastLocation: Int, distance: Int, travel: Int, duration: Int, timeWarp: Int,
        earliestStart: Int, latestStart: Int
    ) {
        self.firstLocation = firstLocation
        self.lastLocation = lastLocation
        self.distance = distance
        self.travel = travel
        self.duration = duration
        self.timeWarp = timeWarp
        self.earliestStart = earliestStart
        self.latestStart = latestStart
    }

    /// This stretch followed by `next`, joined by a leg of `legDistance` metres and
    /// `legDuration` seconds from this stretch's last location to `next`'s first.
    @inline(__always)
    func followed(by next: RouteSegment, legDistance: Int, legDuration: Int) -> RouteSegment {
        // When this stretch's last service ends, measured from the start of its first visit.
        let offset = duration - timeWarp + legDuration
        let wait = max(next.earliestStart - offset - latestStart, 0)
        let warp = max(earliestStart + offset - next.latestStart, 0)
        return RouteSegment(
            firstLocation: firstLocation, lastLocation: next.lastLocation,
            distance: distance + legDistance + next.distance,
            travel: travel + legDuration + next.travel,
            duration: duration + legDuration + wait + next.duration,
            timeWarp: timeWarp + warp + next.timeWarp,
            earliestStart: max(next.earliestStart - offset, earliestStart) - wait,
            latestStart: min(next.latestStart - offset, latestStart) + warp)
    }
}

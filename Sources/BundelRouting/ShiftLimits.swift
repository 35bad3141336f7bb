/// How many vehicles a set of customers needs by time, for the bound's capacity inequalities.
///
/// Each vehicle that serves part of a set S enters S at least once, and gives S at most the
/// span between the earliest moment it can reach S (its shift start plus the shortest path from
/// its depot to the nearest customer of S) and the latest moment it can leave S (the last of
/// S's windows plus service, or its shift end minus the shortest path back), never more than
/// its longest route duration minus both paths. S's work (every customer's service plus the
/// shortest leg into it) then needs at least work / longest span vehicles. With a distant depot
/// and windows that close before noon, this is what makes a plan's day problem count its
/// vehicles rather than the few that capacity alone would ask for.
struct ShiftLimits {
    /// One vehicle type's working day; paths per node (index 0: the depot itself).
    struct Span {
        var start: Double
        var end: Double
        var maxDuration: Double
        /// Shortest travel time from the depot to each node, and from each node back.
        var fromDepot: [Double]
        var toDepot: [Double]
    }

    /// Per customer (index 0 unused): least work, and the latest end of its service.
    var work: [Double]
    var latestEnd: [Double]
    var spans: [Span]

    /// Running figures of a set as it grows.
    struct Accumulator {
        var work = 0.0
        var latestEnd = -Double.infinity
        var nearestFromDepot: [Double]
        var nearestToDepot: [Double]
    }

    func emptySet() -> Accumulator {
        Accumulator(nearestFromDepot: spans.map { _ in .infinity }, nearestToDepot: spans.map { _ in .infinity })
    }

    func add(_ node: Int, to set: inout Accumulator) {
        set.work += work[node]
        set.latestEnd = max(set.latestEnd, latestEnd[node])
        for (index, span) in spans.enumerated() {
            set.nearestFromDepot[index] = min(set.nearestFromDepot[index], span.fromDepot[node])
            set.nearestToDepot[index] = min(set.nearestToDepot[index], span.toDepot[node])
        }
    }

    /// The vehicles `set` needs by time (at least one).
    func vehiclesNeeded(_ set: Accumulator) -> Int {
        var longest = 0.0
        for (index, span) in spans.enumerated() {
            let arrive = span.start + set.nearestFromDepot[index]
            let leave = min(set.latestEnd, span.end - set.nearestToDepot[index])
            longest = max(
                longest, min(leave - arrive, span.maxDuration - set.nearestFromDepot[index] - set.nearestToDepot[index])
            )
        }
        // A set no vehicle can reach in time cannot be served at all: the problem's own
        // feasibility says otherwise for served jobs, so count one vehicle rather than divide by zero.
        guard longest > 0 else { return 1 }
        return max(1, Int((set.work / longest - 1e-9).rounded(.up)))
    }
}

import BundelRouting

/// One routing problem a plan solved, kept when asked for (``Planner/plan(_:progress:stop:keepingProblems:)``,
/// `--export-problems`): whose deliveries of which day, the problem as the routing engine saw
/// it, the search parameters and the solution it returned, so that another solver can be
/// checked against the same problem.
public struct DayProblem: Sendable {
    /// Direct delivery by a supplier, or a hub tour.
    public var kind: RouteKind
    public var day: Weekday
    /// The supplier or hub whose vehicles drive the routes (and whose depot is location 0).
    public var operatedBy: String
    /// Network id of each location of the problem's matrices, the depot first.
    public var locationIds: [String]
    public var problem: RoutingProblem
    /// The search that solved it; its time limit was the phase's time left, so the iteration
    /// limit and the seed are what reproduce the solution.
    public var parameters: SearchParameters
    public var solution: RoutingSolution
}

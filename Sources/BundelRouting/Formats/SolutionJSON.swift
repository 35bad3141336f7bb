import Foundation

/// A routing solution as JSON, for programs: cost, every route with its stops and times, the
/// unserved jobs with reasons, and search statistics. Jobs and vehicles carry the ids of the
/// input (VRPLIB customer numbers, or VROOM ids).
public struct SolutionJSON: Codable, Sendable {
    public struct Stop: Codable, Sendable {
        public var job: Int
        public var arrival: Int
        public var serviceStart: Int
    }

    public struct RouteEntry: Codable, Sendable {
        public var vehicle: String
        public var stops: [Stop]
        public var distance: Int
        public var duration: Int
        public var cost: Double
        public var load: [Double]
    }

    public struct Unserved: Codable, Sendable {
        public var job: Int
        public var reason: String
    }

    public var cost: Double
    public var routes: [RouteEntry]
    public var unserved: [Unserved]
    public var statistics: SearchStatistics
    /// A proven lower bound on the cost of any solution serving the same jobs (`solve --bound`).
    public var lowerBound: LowerBoundEntry?

    /// A lower bound and the solution's gap to it.
    public struct LowerBoundEntry: Codable, Sendable {
        public var value: Double
        /// (cost - bound) / bound, in percent; `nil` for a bound of zero.
        public var gapPercent: Double?
        public var method: String
        public var rounds: Int
        public var cuts: Int
        public var complete: Bool
        public var seconds: Double

        public init(_ bound: RouteLowerBound, cost: Double) {
            value = bound.value
            gapPercent = bound.value > 0 ? 100 * (cost - bound.value) / bound.value : nil
            method = bound.method.rawValue
            rounds = bound.rounds
            cuts = bound.cuts
            complete = bound.complete
            seconds = bound.seconds
        }
    }

    /// - Parameter jobId: the input's id of each job index.
    public init(_ solution: RoutingSolution, problem: RoutingProblem, jobId: (Int) -> Int) {
        cost = solution.cost
        routes = solution.routes.map { route in
            let stops = route.visits(in: problem).filter { $0.entry != Route.reload }
                .map { Stop(job: jobId($0.entry), arrival: $0.arrival, serviceStart: $0.serviceStart) }
            return RouteEntry(
                vehicle: problem.vehicleTypes[route.vehicleType].name, stops: stops, distance: route.distanceMetres,
                duration: route.durationSeconds, cost: route.cost, load: route.load)
        }
        unserved = solution.unserved.map { Unserved(job: jobId($0.job), reason: $0.reason.rawValue) }
        statistics = solution.statistics
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

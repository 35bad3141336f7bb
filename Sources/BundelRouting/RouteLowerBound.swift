import BundelLP
import Foundation

/// A proven lower bound on what any solution of a routing problem costs or drives.
///
/// The bound comes from a relaxation of the problem: the two-index formulation of the
/// capacitated VRP (Laporte and Nobert 1983) over the jobs, with rounded capacity inequalities
/// added in a cutting-plane loop (``CapacityCutSeparation``). Time windows, shifts, route
/// limits and access rules are left out, a counted fleet only limits the trips in all, a vehicle may carry the largest capacity
/// of any type in every dimension, and every leg is priced at the cheapest type's rate in the
/// cheaper direction: each of these only lowers the optimum, so the bound stays valid for the
/// full problem, and a plan's gap to it includes what the windows and shifts cost.
///
/// Small problems (``exactJobLimit`` jobs at most) are solved to integrality by branch and cut
/// with the same cuts, separated exactly on integer solutions: for a pure capacitated problem
/// the bound is then its optimum. Larger ones stop at the linear relaxation with the cuts
/// found, within the time limit.
public struct RouteLowerBound: Sendable, Equatable {
    /// What the bound measures.
    public enum Measure: String, Sendable, CaseIterable {
        /// Metres driven.
        case distance
        /// The problem's cost: fixed, per kilometre and per hour (travel and service time).
        case cost
    }

    /// How the bound was proven.
    public enum Method: String, Sendable, Codable {
        /// Nothing to route: the bound is zero.
        case empty
        /// Branch and cut to integrality: the optimum of the relaxation.
        case exact
        /// The linear relaxation with the capacity cuts found.
        case linearRelaxation = "linear relaxation"
    }

    /// The bound, in metres or in cost units.
    public let value: Double
    public let method: Method
    /// Solves run and cuts added.
    public let rounds: Int
    public let cuts: Int
    /// Whether the cut search ran to its end (else the time or round limit cut it short; the
    /// bound is still valid, only weaker).
    public let complete: Bool
    public let seconds: Double

    /// Problems of at most this many jobs are solved to integrality.
    public static let exactJobLimit = 12

    /// A lower bound on `measure` over any set of routes that serves `jobs` (default: every
    /// job of the problem), after at most `maxRounds` solves and `timeLimitSeconds` (of which
    /// the solves keep at least half, however long the model takes to build); `nil` when the
    /// relaxation cannot be built (vehicle types that start or end at different depots, more
    /// trips needed than a counted fleet makes) or no solve ended optimal in time.
    public static func compute(
        for problem: RoutingProblem, serving jobs: [Int]? = nil, measure: Measure,
        timeLimitSeconds: Double, maxRounds: Int = 10_000,
        exactJobLimit: Int = RouteLowerBound.exactJobLimit
    ) throws(RoutingError) -> RouteLowerBound? {
        guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else {
            throw RoutingError("a bound's time limit must be a positive number of seconds")
        }
        guard maxRounds >= 1 else { throw RoutingError("a bound needs at least one round") }
        let served = jobs ?? Array(problem.jobs.indices)
        guard served.allSatisfy({ problem.jobs.indices.contains($0) }), Set(served).count == served.count else {
            throw RoutingError("the jobs to bound must be distinct jobs of the problem")
        }
        let types = problem.vehicleTypes
        let depot = types[0].startLocation
        guard types.allSatisfy({ $0.startLocation == depot && $0.endLocation == depot }) else { return nil }
        if served.isEmpty {
            return RouteLowerBound(value: 0, method: .empty, rounds: 0, cuts: 0, complete: true, seconds: 0)
        }

        let start = Date()
        let n = served.count, size = n + 1
        let locations = [depot] + served.map { problem.jobs[$0].location }
        // The cheapest price of each leg over the vehicle types, in either direction.
        func legPrice(_ a: Int, _ b: Int) -> Double {
            var cheapest = Double.infinity
            for type in types {
                let travel = problem.profiles[type.profile]
                for (from, to) in [(a, b), (b, a)] {
                    let price =
                        measure == .distance
                        ? Double(travel.distance(from, to))
                        : type.costPerKilometre * Double(travel.distance(from, to)) / 1000 + type.costPerHour
                            * Double(travel.duration(from, to)) / 3600
                    cheapest = min(cheapest, price)
                }
            }
            return cheapest
        }
        let dimensions = problem.dimensionCount
        var capacity = [Double](repeating: 0, count: dimensions)
        var perVehicle = [Double](repeating: 0, count: dimensions)
        for type in types {
            for d in 0..<dimensions {
                capacity[d] = max(capacity[d], type.capacity[d])
                perVehicle[d] = max(perVehicle[d], type.capacity[d] * Double(type.maxTrips))
            }
        }
        let demand = [[Double](repeating: 0, count: dimensions)] + served.map { problem.jobs[$0].demand }
        var total = [Double](repeating: 0, count: dimensions)
        for row in demand { for d in 0..<dimensions { total[d] += row[d] } }

        // What the edges cannot show: service time and each vehicle's fixed cost, at the
        // cheapest rates; vehicles at least the demand over the most one vehicle carries in a shift.
        var constant = 0.0
        if measure == .cost {
            let service = served.reduce(0) { $0 + problem.jobs[$1].serviceSeconds }
            constant += (types.map(\.costPerHour).min() ?? 0) * Double(service) / 3600
            let vehicles = CapacityCutSeparation.vehiclesNeeded(total, capacity: perVehicle)
            constant += (types.map(\.fixedCost).min() ?? 0) * Double(vehicles)
        }

        do {
            let exact = n <= exactJobLimit
            var model = LinearModel(sense: .minimize)
            var edgeIndex = [Int](repeating: -1, count: size * size)
            var edges: [LinearModel.Variable] = []
            var wholePrices = true
            for i in 0..<size {
                for j in (i + 1)..<size {
                    let price = legPrice(locations[i], locations[j])
                    guard price.isFinite else { return nil }
                    wholePrices = wholePrices && price == price.rounded()
                    // A depot edge may be used twice: a route that serves one job only.
                    let variable = try model.addVariable(
                        name: "x\(i)_\(j)", kind: exact ? .integer : .continuous,
                        upperBound: i == 0 ? 2 : 1, objective: price)
                    edgeIndex[i * size + j] = edges.count
                    edgeIndex[j * size + i] = edges.count
                    edges.append(variable)
                }
            }
            for i in 1...n {
                try model.addConstraint(
                    name: "degree\(i)", (0..<size).filter { $0 != i }.map { (edges[edgeIndex[i * size + $0]], 1.0) },
                    .equalTo(2))
            }
            var separation = CapacityCutSeparation(
                customerCount: n, demand: demand, capacity: capacity, edgeIndex: edgeIndex)
            separation.time = shiftLimits(of: problem, locations: locations, served: served)
            separation.multistar = !exact
            // At least the trips the demand needs leave the depot; with every type counted, at
            // most the trips the fleet can make.
            var everyone = separation.time?.emptySet()
            for node in 1...n where everyone != nil { separation.time!.add(node, to: &everyone!) }
            let least = Double(
                2 * max(separation.vehiclesNeeded(total), everyone.map { separation.time!.vehiclesNeeded($0) } ?? 1))
            var most = Double.infinity
            if types.allSatisfy({ $0.count != nil }) {
                most = Double(2 * types.reduce(0) { $0 + $1.count! * $1.maxTrips })
            }
            guard least <= most else { return nil }
            try model.addConstraint(
                name: "depot", (1...n).map { (edges[edgeIndex[$0]], 1.0) },
                most.isFinite ? .between(least, most) : .atLeast(least))
            // Building a large model takes part of the time; the solves keep at least half of it.
            let options = SolveOptions(
                timeLimitSeconds: max(0.5 * timeLimitSeconds, timeLimitSeconds - Date().timeIntervalSince(start)),
                relativeMIPGap: 0)
            let depotEdges = (1...n).map { (variable: edges[edgeIndex[$0]], coefficient: 1.0) }
            /// The edges across the boundary of `members`, each weighted by `weight` of its end outside.
            func boundary(
                of members: [Int], weight: (Int) -> Double
            ) -> [(variable: LinearModel.Variable, coefficient: Double)] {
                var inside = [Bool](repeating: false, count: size)
                for member in members { inside[member] = true }
                var terms: [(variable: LinearModel.Variable, coefficient: Double)] = []
                for i in members {
                    for j in 0..<size where !inside[j] { terms.append((edges[edgeIndex[i * size + j]], weight(j))) }
                }
                return terms
            }
            let result = try LinearSolver.solve(model, options: options, maxRounds: maxRounds) { x in
                let found = separation.violated(by: x, limit: max(20, n))
                var cuts = found.sets.map { cut in
                    var terms: [(variable: LinearModel.Variable, coefficient: Double)] = []
                    let count = cut.members.count
                    if let d = cut.multistarDimension {
                        // x(delta(S)) - (2 / Q) sum d_j x_ij >= 2 d(S) / Q, over i in S and j outside.
                        let load = cut.members.reduce(0) { $0 + demand[$1][d] }
                        return Cut(
                            terms: boundary(of: cut.members) { 1 - ($0 == 0 ? 0 : 2 * demand[$0][d] / capacity[d]) },
                            bound: .atLeast(2 * load / capacity[d]))
                    }
                    // The sparser of the two equivalent forms: x(E(S)) <= |S| - k(S) names the
                    // edges inside S, x(delta(S)) >= 2 k(S) those across its boundary.
                    if count * (count - 1) / 2 <= count * (size - count) {
                        for (a, i) in cut.members.enumerated() {
                            for j in cut.members[(a + 1)...] { terms.append((edges[edgeIndex[i * size + j]], 1)) }
                        }
                        return Cut(terms: terms, bound: .atMost(cut.rightHandSide))
                    }
                    return Cut(
                        terms: boundary(of: cut.members) { _ in 1 },
                        bound: .atLeast(2 * (Double(count) - cut.rightHandSide)))
                }
                if let trips = found.depotTrips {
                    cuts.append(Cut(terms: depotEdges, bound: .atLeast(Double(2 * trips))))
                }
                return cuts
            }
            guard let objective = result.objectiveValue else { return nil }
            // Whole leg prices give a whole optimum: the LP value rounds up. A little is taken
            // off first for the solver's tolerances, so that the bound never exceeds it.
            var value = objective - 1e-7 * max(1, abs(objective))
            if wholePrices { value = value.rounded(.up) }
            return RouteLowerBound(
                value: max(0, value) + constant,
                method: exact && result.separationComplete ? .exact : .linearRelaxation,
                rounds: result.rounds, cuts: result.cutsAdded, complete: result.separationComplete,
                seconds: Date().timeIntervalSince(start))
        } catch {
            throw RoutingError("the bound's linear program failed: \(error)")
        }
    }

    /// What limits the vehicles by time (``ShiftLimits``), or `nil` when no shift, route
    /// duration or window limits a vehicle's day.
    private static func shiftLimits(of problem: RoutingProblem, locations: [Int], served: [Int]) -> ShiftLimits? {
        let types = problem.vehicleTypes
        let open = Double(TimeWindow.always.latest)
        let limited =
            types.contains { Double($0.shift.latest) < open || $0.maxDurationSeconds != nil }
            || served.contains { Double(problem.jobs[$0].timeWindow.latest) < open }
        guard limited else { return nil }
        let size = locations.count
        var work = [0.0], latestEnd = [0.0]
        for (offset, job) in served.enumerated() {
            let node = offset + 1
            var shortest = Double.infinity
            for type in types {
                let travel = problem.profiles[type.profile]
                for from in 0..<size where from != node {
                    shortest = min(shortest, Double(travel.duration(locations[from], locations[node])))
                }
            }
            work.append(Double(problem.jobs[job].serviceSeconds) + shortest)
            let window = problem.jobs[job].timeWindow
            latestEnd.append(
                Double(window.latest) >= open ? open : Double(window.latest) + Double(problem.jobs[job].serviceSeconds))
        }
        let spans = types.map { type in
            let travel = problem.profiles[type.profile]
            return ShiftLimits.Span(
                start: Double(type.shift.earliest),
                end: Double(type.shift.latest) >= open ? open : Double(type.shift.latest),
                maxDuration: type.maxDurationSeconds.map(Double.init) ?? .infinity,
                fromDepot: shortestPaths(size) { Double(travel.duration(locations[$0], locations[$1])) },
                toDepot: shortestPaths(size) { Double(travel.duration(locations[$1], locations[$0])) })
        }
        return ShiftLimits(work: work, latestEnd: latestEnd, spans: spans)
    }

    /// Shortest path lengths from node 0 to every node over the complete graph with leg lengths
    /// `length(from, to)` (Dijkstra, O(n^2)): a matrix need not obey the triangle inequality.
    private static func shortestPaths(_ size: Int, _ length: (Int, Int) -> Double) -> [Double] {
        var distance = [Double](repeating: .infinity, count: size)
        var done = [Bool](repeating: false, count: size)
        distance[0] = 0
        for _ in 0..<size {
            var next = -1
            for node in 0..<size where !done[node] && (next < 0 || distance[node] < distance[next]) { next = node }
            done[next] = true
            for node in 0..<size where !done[node] {
                distance[node] = min(distance[node], distance[next] + length(next, node))
            }
        }
        return distance
    }
}

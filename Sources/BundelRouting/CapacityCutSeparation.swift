/// Finds rounded capacity inequalities that a solution of the two-index formulation breaks.
///
/// For a set S of customers, every solution crosses the boundary of S at least 2k(S) times,
/// k(S) being the vehicles S needs by its demand: x(delta(S)) >= 2 k(S). With the degree
/// equations x(delta(i)) = 2 this reads x(E(S)) <= |S| - k(S), the form added here because it
/// names only the edges inside S. The inequality is valid for every set, so a heuristic that
/// misses some violated ones only weakens the bound, never makes it wrong.
///
/// k(S) also counts the vehicles S needs by time (``ShiftLimits``).
///
/// Sets are tried as in the usual heuristics (Lysgaard, Letchford and Eglese 2004 use these
/// among others): the connected components of the solution's support among the customers
/// (exact for integer solutions, where a component is a route or a subtour), and sets grown
/// greedily from each customer by the customer most strongly connected to the set, and (with
/// time limits) the customers whose windows close first.
struct CapacityCutSeparation {
    /// Customers 1...n; node 0 is the depot.
    let customerCount: Int
    /// Demand per customer (index 0 unused) and dimension: `demand[i][d]`.
    let demand: [[Double]]
    /// Capacity per dimension of the largest vehicle (a dimension of zero capacity is ignored).
    let capacity: [Double]
    /// Edge index of (i, j) for nodes 0...n, symmetric; -1 on the diagonal.
    let edgeIndex: [Int]
    /// What limits the vehicles by time, when anything does.
    var time: ShiftLimits?
    /// Smallest violation worth a cut.
    var tolerance = 1e-4
    /// Whether to look for violated multistar inequalities too. Branch and cut on a small
    /// problem does without them: its integer solutions are separated exactly by the capacity
    /// cuts of their components, and the extra rounds cost more than the stronger relaxation saves.
    var multistar = true

    /// The vehicles a set with demand `total` needs: the largest over dimensions of demand over
    /// `capacity`, rounded up (with a little slack for rounding errors in the sums), at least one.
    static func vehiclesNeeded(_ total: [Double], capacity: [Double]) -> Int {
        var needed = 1
        for d in capacity.indices where capacity[d] > 0 {
            needed = max(needed, Int((total[d] / capacity[d] - 1e-9).rounded(.up)))
        }
        return needed
    }

    /// The vehicles a set with demand `total` needs by capacity.
    func vehiclesNeeded(_ total: [Double]) -> Int { Self.vehiclesNeeded(total, capacity: capacity) }

    /// A set's cut: x(E(S)) <= |S| - k(S), or with `multistarDimension` the set's generalized
    /// large multistar inequality in that dimension (``multistarViolation``).
    struct Violated {
        var members: [Int]
        var rightHandSide: Double
        var violation: Double
        var multistarDimension: Int? = nil
    }

    /// How far edge values break the generalized large multistar inequality of a set S in
    /// dimension d (Letchford, Eglese and Lysgaard 2002):
    ///
    ///     x(delta(S)) >= (2 / Q) (d(S) + sum over i in S, customers j outside S of d_j x_ij)
    ///
    /// A route that enters S carries what it delivers in S and what it delivers next door from
    /// S, at most Q per entry and exit; the rounded capacity cut counts only the first. Here
    /// `crossing` is x(delta(S)), `load` d(S) and `neighbours` the sum of d_j x_ij.
    func multistarViolation(dimension d: Int, crossing: Double, load: Double, neighbours: Double) -> Double {
        2 * (load + neighbours) / capacity[d] - crossing
    }

    /// What a round of separation found.
    struct Found {
        /// Violated set inequalities, the most violated first.
        var sets: [Violated]
        /// Trips that some set alone needs, when the depot's degree allows fewer: every set's
        /// vehicles are routes of the whole solution, so x(delta(0)) >= 2 k(S) for every S.
        var depotTrips: Int?
    }

    /// Violated inequalities for the edge values `x`, at most `limit` sets.
    func violated(by x: [Double], limit: Int) -> Found {
        let n = customerCount
        guard n >= 1 else { return Found(sets: []) }
        let size = n + 1
        var found: [Violated] = []
        // A set may give a capacity cut and a multistar cut in each dimension, each once.
        struct Seen: Hashable {
            var members: [Int]
            var multistarDimension: Int?
        }
        var seen = Set<Seen>()
        let depotDegree = (1...n).reduce(0.0) { $0 + x[edgeIndex[$1]] }
        var mostNeeded = 0
        /// The right-hand side |S| - k(S) of a set of `count` customers.
        func rightHandSide(count: Int, load: [Double], timed: ShiftLimits.Accumulator?) -> Double {
            let needed = max(vehiclesNeeded(load), timed.map { time!.vehiclesNeeded($0) } ?? 1)
            mostNeeded = max(mostNeeded, needed)
            return Double(count - needed)
        }
        func record(
            _ members: ArraySlice<Int>, rightHandSide rhs: Double, violation: Double, multistarDimension: Int? = nil
        ) {
            guard violation > tolerance else { return }
            let sorted = members.sorted()
            guard seen.insert(Seen(members: sorted, multistarDimension: multistarDimension)).inserted else { return }
            found.append(
                Violated(
                    members: sorted, rightHandSide: rhs, violation: violation, multistarDimension: multistarDimension))
        }
        /// The most violated prefix of a growing set, recorded once: its sets overlap so much
        /// that one cut per growth serves as well as all of them, at a fraction of the work.
        struct BestPrefix {
            var length = 0
            var rightHandSide = 0.0
            var violation = 0.0
            mutating func offer(length: Int, rightHandSide: Double, inside: Double) {
                if inside - rightHandSide > violation {
                    self.length = length
                    self.rightHandSide = rightHandSide
                    violation = inside - rightHandSide
                }
            }
        }

        // Connected components of the support among the customers.
        var component = [Int](repeating: -1, count: size)
        var stack: [Int] = []
        for root in 1...n where component[root] < 0 {
            var members: [Int] = [], load = [Double](repeating: 0, count: capacity.count), inside = 0.0
            var timed = time?.emptySet()
            component[root] = root
            stack.append(root)
            while let node = stack.popLast() {
                members.append(node)
                for d in load.indices { load[d] += demand[node][d] }
                if timed != nil { time!.add(node, to: &timed!) }
                for other in 1...n where other != node {
                    let value = x[edgeIndex[node * size + other]]
                    guard value > 1e-9 else { continue }
                    if component[other] < 0 {
                        component[other] = root
                        stack.append(other)
                    }
                    if other > node { inside += value }
                }
            }
            let rhs = rightHandSide(count: members.count, load: load, timed: timed)
            record(members[...], rightHandSide: rhs, violation: inside - rhs)
        }

        // Sets grown greedily from each customer.
        let dimensions = multistar ? capacity.indices.filter { capacity[$0] > 0 } : []
        var connection = [Double](repeating: 0, count: size)
        var inSet = [Bool](repeating: false, count: size)
        for seed in 1...n {
            for i in 0..<size {
                connection[i] = 0
                inSet[i] = false
            }
            var members = [seed], load = demand[seed], inside = 0.0
            var timed = time?.emptySet()
            if timed != nil { time!.add(seed, to: &timed!) }
            inSet[seed] = true
            // Per dimension: the sum of d_j x_ij over i in the set and customers j outside it.
            var neighbours = [Double](repeating: 0, count: capacity.count)
            for other in 1...n where other != seed {
                connection[other] = x[edgeIndex[seed * size + other]]
                for d in dimensions { neighbours[d] += demand[other][d] * connection[other] }
            }
            var best = BestPrefix()
            var bestMultistar = [BestPrefix](repeating: BestPrefix(), count: capacity.count)
            while members.count < n {
                var next = -1, strongest = 1e-9
                for candidate in 1...n where !inSet[candidate] && connection[candidate] > strongest {
                    next = candidate
                    strongest = connection[candidate]
                }
                guard next > 0 else { break }
                inSet[next] = true
                members.append(next)
                inside += strongest
                for d in load.indices { load[d] += demand[next][d] }
                for d in dimensions { neighbours[d] -= demand[next][d] * connection[next] }
                if timed != nil { time!.add(next, to: &timed!) }
                for other in 1...n where !inSet[other] {
                    let value = x[edgeIndex[next * size + other]]
                    connection[other] += value
                    for d in dimensions { neighbours[d] += demand[other][d] * value }
                }
                best.offer(
                    length: members.count, rightHandSide: rightHandSide(count: members.count, load: load, timed: timed),
                    inside: inside)
                let crossing = 2 * (Double(members.count) - inside)
                for d in dimensions {
                    // Offered as "inside minus right-hand side": the violation itself.
                    bestMultistar[d].offer(
                        length: members.count, rightHandSide: 0,
                        inside: multistarViolation(
                            dimension: d, crossing: crossing, load: load[d], neighbours: neighbours[d]))
                }
            }
            record(members[..<best.length], rightHandSide: best.rightHandSide, violation: best.violation)
            for d in dimensions where bestMultistar[d].length > 0 {
                record(
                    members[..<bestMultistar[d].length], rightHandSide: 0, violation: bestMultistar[d].violation,
                    multistarDimension: d)
            }
        }
        // Sets of the customers whose windows close first, growing by closing time: a set of
        // early windows needs more vehicles than its demand says.
        if let time {
            let order = (1...n).sorted { (time.latestEnd[$0], $0) < (time.latestEnd[$1], $1) }
            var members: [Int] = [], load = [Double](repeating: 0, count: capacity.count), inside = 0.0
            var timed = time.emptySet()
            var best = BestPrefix()
            for node in order {
                for member in members { inside += x[edgeIndex[node * size + member]] }
                members.append(node)
                for d in load.indices { load[d] += demand[node][d] }
                time.add(node, to: &timed)
                best.offer(
                    length: members.count, rightHandSide: rightHandSide(count: members.count, load: load, timed: timed),
                    inside: inside)
            }
            record(members[..<best.length], rightHandSide: best.rightHandSide, violation: best.violation)
        }
        found.sort { ($0.violation, $1.members.count) > ($1.violation, $0.members.count) }
        return Found(
            sets: Array(found.prefix(limit)),
            depotTrips: Double(2 * mostNeeded) > depotDegree + tolerance ? mostNeeded : nil)
    }
}

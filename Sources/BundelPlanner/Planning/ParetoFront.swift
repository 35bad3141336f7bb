import BundelLP

/// The trade-off between cost and CO2e: a handful of consolidation plans, from the cheapest
/// plan to the cleanest, each routed, each shown once and none dominated by another.
///
/// The epsilon-constraint method: find the plan of least cost and the plan of least CO2e
/// (each with a tiny weight on the other figure, so that neither end is dominated), then the
/// cheapest plans with the CO2e capped at evenly spaced values between the two ends' *routed*
/// CO2e. Every point runs the consolidation rounds of `plan` (solve, route, re-estimate), from
/// the same pilot estimates: a single solve on average estimates misjudges what taking flows
/// out of the hub costs, so each point is priced by routes like the plan is.
///
/// The cap binds the model's linear estimates, not the routes, so a capped point's routes may
/// emit more than its cap. Such a point is solved again with the model's cap lowered by what
/// its routes overshot, a few times at most (``capTries``); a cap whose routes never meet it
/// is reported as unreachable rather than listed. Points whose plans are the same (the same
/// assignment or the same routed totals) are merged into one, which keeps every role it was
/// traced for ("the cheapest plan is also the cleanest"), and a point whose routes another
/// point's routes match or beat in both cost and CO2e is left off the front.
public enum ParetoFront {
    /// Tries per capped point: the first solve and up to two with the cap adjusted from routes.
    static let capTries = 3
    /// Routed CO2e within this many kg of the cap counts as meeting it (the totals are
    /// rounded to grams, and a gram's difference is no trade-off).
    static let capTolerance = 0.001

    /// What a point was traced for: one end of the front or a CO2e cap.
    public struct Role: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            case cheapest, cleanest
            /// The plan of least cost whose routes emit at most ``co2eCapKg``.
            case cap
        }
        public var kind: Kind
        /// The cap, kg CO2e WTW a week (only for ``Kind/cap``).
        public var co2eCapKg: Double?

        public static let cheapest = Role(kind: .cheapest)
        public static let cleanest = Role(kind: .cleanest)
        public static func cap(_ kg: Double) -> Role { Role(kind: .cap, co2eCapKg: kg) }
    }

    /// One plan on the front.
    public struct Point: Sendable, Encodable, Equatable {
        /// 1 = cheapest ... last = cleanest, in order of routed cost.
        public var number: Int
        /// What this plan was traced for, in tracing order; more than one when several traces
        /// gave the same plan (they were merged into this point).
        public var roles: [Role]
        /// The CO2e cap of this point, kg WTW a week (nil at the two ends): the first capped
        /// role's.
        public var co2eCapKg: Double? { roles.lazy.compactMap(\.co2eCapKg).first }
        /// The cap the model was given in the try whose plan is shown: below ``co2eCapKg``
        /// when the cap was adjusted from routed results (nil at the ends).
        public var modelCapKg: Double?
        /// Solves of the model for this plan's first role (1 unless its cap was adjusted).
        public var tries: Int
        public var status: String
        /// Consolidation rounds made for this point.
        public var rounds: Int
        /// Cost, km and CO2e of the chosen round by the model's estimates.
        public var estimate: Metrics
        public var flowsViaHub: Int
        /// The routed plan's totals.
        public var routed: PlanTotals
        /// Hub per bundled flow: the plan itself, to tell identical plans apart.
        var viaHub: [Int: String]

        enum CodingKeys: String, CodingKey {
            case number, roles, co2eCapKg, modelCapKg, tries, status, rounds, estimate, flowsViaHub, routed
        }

        /// The JSON of `bundel pareto --json`: the assignment itself is left out (the plan's
        /// own `--out` files show it), the cap is written out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(roles, forKey: .roles)
            try container.encodeIfPresent(co2eCapKg, forKey: .co2eCapKg)
            try container.encodeIfPresent(modelCapKg, forKey: .modelCapKg)
            try container.encode(tries, forKey: .tries)
            try container.encode(status, forKey: .status)
            try container.encode(rounds, forKey: .rounds)
            try container.encode(estimate, forKey: .estimate)
            try container.encode(flowsViaHub, forKey: .flowsViaHub)
            try container.encode(routed, forKey: .routed)
        }
    }

    /// A traced role that is not on the front, and why.
    public struct Omitted: Sendable, Codable, Equatable {
        public enum Reason: String, Sendable, Codable {
            /// No try's routes met the cap, or the model had no plan under it.
            case unreachable
            /// Another point's routes cost no more and emit no more, one of them less.
            case dominated
        }
        public var role: Role
        public var reason: Reason
        /// The front point that dominates it (with ``Reason/dominated``).
        public var dominatedBy: Int?
        /// The routes of the closest try (nil when the model had no plan).
        public var routed: PlanTotals?
        public var tries: Int
    }

    /// The front and the baseline it is measured against.
    public struct Result: Sendable {
        public var scenario: Scenario
        public var baseline: PlanTotals
        /// The front, in order of routed cost: no two points the same plan, none dominated.
        public var points: [Point]
        /// Traced roles left off the front.
        public var omitted: [Omitted]
        /// Points asked for, the two ends included: fewer are traced when the ends' routes
        /// leave no CO2e between them.
        public var pointsAsked: Int
        public var seconds: Double
    }

    /// Traces `count` points (at least 2) from the cheapest plan to the cleanest within
    /// `timeLimitSeconds` (by default the scenario's time limit for each point: each point is
    /// a plan).
    public static func trace(_ scenario: Scenario, points count: Int, timeLimitSeconds: Double? = nil) throws -> Result
    {
        precondition(count >= 2, "a front needs two ends")
        let start = ContinuousClock.now
        let total = TimeBudget(total: timeLimitSeconds ?? scenario.timeLimitSeconds * Double(count), start: start)
        var statistics = Planner.RunStatistics()
        let setup = try Planner.prepare(
            scenario, baselineUntil: total.deadline(atFraction: 0.15),
            pilotUntil: total.deadline(atFraction: 0.25), statistics: &statistics)

        // A tie-break weight far below any real difference in euros or kilograms.
        let tieBreak = 1e-6
        var cheap = scenario, clean = scenario
        cheap.objective = ObjectiveWeights(perEur: 1, perKgCO2e: tieBreak)
        clean.objective = ObjectiveWeights(perEur: tieBreak, perKgCO2e: 1)
        // Each point's first solve gets an equal share of the time left for the points still to
        // come; a solve again with an adjusted cap shares it with one more point, so that the
        // retries of one cap cannot take the time of the caps after it.
        var pointsLeft = count
        func solve(_ role: Role, _ scenario: Scenario, modelCap: Double?, tries: Int) throws -> Point? {
            let shares = tries == 1 ? pointsLeft : pointsLeft + 1
            if tries == 1 { pointsLeft -= 1 }
            let budget = TimeBudget(total: total.secondsUntil(fraction: 1) / Double(max(1, shares)), start: .now)
            let (outcome, plan, _) = try Planner.consolidate(
                scenario, estimates: setup.estimates, directDays: setup.directDays, context: setup.context,
                budget: budget, co2eCapKg: modelCap, explain: false, statistics: &statistics)
            guard outcome.status.hasSolution, let estimate = outcome.estimate else { return nil }
            try WeeklyPlanValidator.requireValid(plan, of: scenario, viaHub: outcome.viaHub)
            return Point(
                number: 0, roles: [role], modelCapKg: modelCap, tries: tries, status: outcome.status.description,
                rounds: outcome.rounds.count, estimate: estimate, flowsViaHub: outcome.flowsViaHub,
                routed: plan.totals.rounded(), viaHub: outcome.viaHub)
        }
        guard let cheapest = try solve(.cheapest, cheap, modelCap: nil, tries: 1) else {
            throw ParetoError(end: "cheapest")
        }
        guard let cleanest = try solve(.cleanest, clean, modelCap: nil, tries: 1) else {
            throw ParetoError(end: "cleanest")
        }

        // The caps lie between the ends' routes, which are what the caps must be met on; when
        // the cleanest plan's routes emit no less than the cheapest's there is nothing between.
        var traced = [cheapest]
        var omitted: [Omitted] = []
        let span = cheapest.routed.co2eWtwKg - cleanest.routed.co2eWtwKg
        if span > capTolerance {
            for step in 1..<(count - 1) {
                let cap = PlanTotals.rounded(cheapest.routed.co2eWtwKg - Double(step) * span / Double(count - 1))
                let (point, closest, tries) = try reach(cap) { modelCap, tries in
                    try solve(.cap(cap), cheap, modelCap: modelCap, tries: tries)
                }
                if let point {
                    traced.append(point)
                } else {
                    omitted.append(Omitted(role: .cap(cap), reason: .unreachable, routed: closest, tries: tries))
                }
            }
        }
        traced.append(cleanest)
        let (points, dominated) = front(merging: traced)
        return Result(
            scenario: scenario, baseline: setup.baseline.totals.rounded(), points: points, omitted: omitted + dominated,
            pointsAsked: count, seconds: (ContinuousClock.now - start).inSeconds)
    }

    /// The plan of least cost whose routes emit at most `cap`: solved with the cap, then again
    /// with the model's cap lowered by what the last routes overshot, up to ``capTries`` solves.
    /// Returns the point (nil when no try met the cap), the closest try's routes and the tries.
    static func reach(
        _ cap: Double, solve: (_ modelCap: Double, _ tries: Int) throws -> Point?
    ) rethrows -> (Point?, PlanTotals?, Int) {
        var modelCap = cap
        var closest: PlanTotals?
        for tries in 1...capTries {
            guard let point = try solve(modelCap, tries) else { return (nil, closest, tries) }
            let overshoot = point.routed.co2eWtwKg - cap
            if overshoot <= capTolerance { return (point, point.routed, tries) }
            if closest == nil || point.routed.co2eWtwKg < closest!.co2eWtwKg { closest = point.routed }
            // The routes emit more than the estimates by about the same amount next time.
            modelCap = min(modelCap - overshoot, point.estimate.co2eWtwKg - overshoot)
        }
        return (nil, closest, capTries)
    }

    /// The front of the traced points: identical plans merged into the first of them (keeping
    /// all their roles), then points dominated by another left out, the rest numbered by
    /// routed cost.
    static func front(merging traced: [Point]) -> (points: [Point], dominated: [Omitted]) {
        var merged: [Point] = []
        for point in traced {
            if let same = merged.firstIndex(where: { $0.viaHub == point.viaHub || $0.routed == point.routed }) {
                merged[same].roles += point.roles
            } else {
                merged.append(point)
            }
        }
        func dominates(_ a: PlanTotals, _ b: PlanTotals) -> Bool {
            a.costEur <= b.costEur && a.co2eWtwKg <= b.co2eWtwKg && (a.costEur < b.costEur || a.co2eWtwKg < b.co2eWtwKg)
        }
        var kept = merged.filter { point in !merged.contains { dominates($0.routed, point.routed) } }
        kept.sort { ($0.routed.costEur, -$0.routed.co2eWtwKg) < ($1.routed.costEur, -$1.routed.co2eWtwKg) }
        for index in kept.indices { kept[index].number = index + 1 }
        var dominated: [Omitted] = []
        for point in merged where !kept.contains(where: { $0.viaHub == point.viaHub && $0.routed == point.routed }) {
            // A dominated point is dominated by a point on the front too: domination is
            // transitive and the front holds every point nothing dominates.
            let by = kept.first { dominates($0.routed, point.routed) }
            dominated += point.roles.map {
                Omitted(role: $0, reason: .dominated, dominatedBy: by?.number, routed: point.routed, tries: point.tries)
            }
        }
        return (kept, dominated)
    }
}

/// An end of the front has no solution.
public struct ParetoError: Error, CustomStringConvertible {
    let end: String
    public var description: String { "the consolidation model has no solution for the \(end) end of the front" }
}

import BundelLP

/// The trade-off between cost and CO2e: a handful of consolidation plans, each the cheapest
/// whose estimated CO2e stays under a cap, from the cheapest plan to the cleanest, each routed.
///
/// The epsilon-constraint method: find the plan of least cost and the plan of least CO2e
/// (each with a tiny weight on the other figure, so that neither end is dominated), then the
/// cheapest plans with the CO2e capped at evenly spaced values between the two ends' estimated
/// CO2e. Every point runs the consolidation rounds of `plan` (solve, route, re-estimate), from
/// the same pilot estimates: a single solve on average estimates misjudges what taking flows
/// out of the hub costs, so each point is priced by routes like the plan is.
public enum ParetoFront {
    /// One plan on the front.
    public struct Point: Sendable, Codable, Equatable {
        /// 1 = cheapest ... last = cleanest.
        public var number: Int
        /// The CO2e cap of this point, kg WTW a week (nil at the two ends).
        public var co2eCapKg: Double?
        public var status: String
        /// Consolidation rounds made for this point.
        public var rounds: Int
        /// Cost, km and CO2e of the chosen round by the model's estimates.
        public var estimate: Metrics
        public var flowsViaHub: Int
        /// The routed plan's totals.
        public var routed: PlanTotals
        /// Another point's routes cost no more and emit no more, one of them less: this plan
        /// is not worth choosing.
        public var dominatedBy: Int?
    }

    /// The front and the baseline it is measured against.
    public struct Result: Sendable {
        public var scenario: Scenario
        public var baseline: PlanTotals
        public var points: [Point]
        public var seconds: Double
    }

    /// Traces `count` points (at least 2) from the cheapest plan to the cleanest within
    /// `timeLimitSeconds` (by default the scenario's time limit for each point: each point is
    /// a plan).
    public static func trace(_ scenario: Scenario, points count: Int, timeLimitSeconds: Double? = nil) throws -> Result {
        precondition(count >= 2, "a front needs two ends")
        let start = ContinuousClock.now
        let total = TimeBudget(total: timeLimitSeconds ?? scenario.timeLimitSeconds * Double(count), start: start)
        var statistics = Planner.RunStatistics()
        let setup = try Planner.prepare(scenario, baselineUntil: total.deadline(atFraction: 0.15),
                                        pilotUntil: total.deadline(atFraction: 0.25), statistics: &statistics)

        // A tie-break weight far below any real difference in euros or kilograms.
        let tieBreak = 1e-6
        var cheap = scenario, clean = scenario
        cheap.objective = ObjectiveWeights(perEur: 1, perKgCO2e: tieBreak)
        clean.objective = ObjectiveWeights(perEur: tieBreak, perKgCO2e: 1)
        // Each point gets an equal share of the time left when it starts.
        func point(_ number: Int, _ scenario: Scenario, cap: Double?) throws -> (Point, Metrics)? {
            let budget = TimeBudget(total: total.secondsUntil(fraction: 1) / Double(count - number + 1), start: .now)
            let (outcome, plan, _) = try Planner.consolidate(scenario, estimates: setup.estimates, directDays: setup.directDays, context: setup.context,
                                                             budget: budget, co2eCapKg: cap, explain: false, statistics: &statistics)
            guard outcome.status.hasSolution, let estimate = outcome.estimate else { return nil }
            return (Point(number: number, co2eCapKg: cap, status: outcome.status.description, rounds: outcome.rounds.count,
                          estimate: estimate, flowsViaHub: outcome.flowsViaHub, routed: plan.totals.rounded(), dominatedBy: nil), estimate)
        }
        guard let (first, cheapest) = try point(1, cheap, cap: nil) else { throw ParetoError(end: "cheapest") }
        guard let (last, cleanest) = try point(2, clean, cap: nil) else { throw ParetoError(end: "cleanest") }
        var points = [first]
        for step in 1..<(count - 1) {
            let cap = cheapest.co2eWtwKg - Double(step) * (cheapest.co2eWtwKg - cleanest.co2eWtwKg) / Double(count - 1)
            if let (middle, _) = try point(step + 1, cheap, cap: cap) { points.append(middle) }
        }
        var end = last
        end.number = count
        points.append(end)
        for index in points.indices {
            let mine = points[index].routed
            points[index].dominatedBy = points.first { other in
                other.routed.costEur <= mine.costEur && other.routed.co2eWtwKg <= mine.co2eWtwKg
                    && (other.routed.costEur < mine.costEur || other.routed.co2eWtwKg < mine.co2eWtwKg)
            }?.number
        }
        return Result(scenario: scenario, baseline: setup.baseline.totals.rounded(), points: points,
                      seconds: (ContinuousClock.now - start).inSeconds)
    }
}

/// An end of the front has no solution.
public struct ParetoError: Error, CustomStringConvertible {
    let end: String
    public var description: String { "the consolidation model has no solution for the \(end) end of the front" }
}

import BundelRouting
import Foundation

/// Proven lower bounds on the plan's routing, and the saving they certify.
///
/// Every routing problem the two plans solved (a supplier's day, a hub's day) gets a lower
/// bound on its vehicle-km and its cost (``RouteLowerBound``: exact by branch and cut for small
/// problems, the capacity-cut relaxation for larger ones). Then:
/// - the baseline's bound is the sum over its problems: on these delivery days, the suppliers'
///   own routes cannot be shorter or cheaper;
/// - the bundled plan's bound replaces each of its routed problems by its bound and keeps the
///   rest as planned (trunk legs, which are single out-and-back trips, and the hub's fees,
///   handling and storage), so the gap to it is what better routing could still gain;
/// - the certified minimum saving is the baseline's bound minus the bundled plan as reported:
///   a saving no better routing of the baseline can take away. Negative means not certified.
///
/// The bounds hold for the plan's delivery days (the baseline's days are chosen before
/// routing), not for every choice of days.
public struct PlanBounds: Sendable, Codable, Equatable {
    /// Vehicle-km and cost of a week.
    public struct Figures: Sendable, Codable, Equatable {
        public var vehicleKm: Double
        public var costEur: Double
    }

    public var baseline: Figures
    public var bundled: Figures
    /// Baseline bound minus the bundled plan; negative when the bound certifies no saving.
    public var certifiedSaving: Figures
    /// Routing problems bounded, how many of them exactly, and how many fell back to the
    /// simplest bound (the farthest job's round trip) because their relaxation did not finish.
    public var problems: Int
    public var exactProblems: Int
    public var fallbackProblems: Int
    public var seconds: Double

    /// Bounds for `baseline` and `bundled`, whose ``WeeklyPlan/dayProblems`` must be kept;
    /// each relaxation gets at most `secondsPerProblem`, and all of them `totalSeconds`
    /// (problems left when that runs out take the simplest bound).
    public static func compute(
        baseline: WeeklyPlan, bundled: WeeklyPlan, secondsPerProblem: Double = 5,
        totalSeconds: Double = .infinity
    ) -> PlanBounds {
        let start = Date()
        // A bundled plan that keeps deliveries direct (all of them, when all-direct is
        // reported) solves many of the baseline's problems again, and a supplier that brings
        // the same deliveries every day solves one problem five times: each is bounded once.
        // The day is not part of a problem (the operator's fleet, with its speeds, is).
        struct Identity: Hashable {
            var kind: RouteKind, operatedBy: String, locations: [String], jobs: [Job]
            var types: [BundelRouting.VehicleType], served: [Int]
        }
        func identity(_ day: DayProblem) -> Identity {
            Identity(
                kind: day.kind, operatedBy: day.operatedBy, locations: day.locationIds, jobs: day.problem.jobs,
                types: day.problem.vehicleTypes, served: served(day))
        }
        // Each problem of both plans (the baseline's first) points at its slot among the distinct ones.
        var distinct: [Identity: Int] = [:]
        var unique: [DayProblem] = []
        let slots = (baseline.dayProblems + bundled.dayProblems).map { day -> Int in
            let key = identity(day)
            if let slot = distinct[key] { return slot }
            distinct[key] = unique.count
            unique.append(day)
            return unique.count - 1
        }
        // Each problem on its own thread: GLPK keeps an environment per thread (without that,
        // ``LinearSolver`` serialises the solves and this is a plain loop).
        let bounded = unique.concurrentMap { day in
            prove(
                day, secondsPerProblem: secondsPerProblem,
                secondsLeft: { totalSeconds - Date().timeIntervalSince(start) })
        }
        var problems = 0, exact = 0, fallback = 0
        func bound(_ position: Int) -> Figures {
            let known = bounded[slots[position]]
            problems += 1
            if known.exact { exact += 1 }
            if known.fallback { fallback += 1 }
            return known.figures
        }

        var baselineBound = Figures(vehicleKm: 0, costEur: 0)
        for position in baseline.dayProblems.indices {
            let figures = bound(position)
            baselineBound.vehicleKm += figures.vehicleKm
            baselineBound.costEur += figures.costEur
        }
        let totals = bundled.totals
        var bundledBound = Figures(vehicleKm: totals.vehicleKm, costEur: totals.costEur)
        for (offset, day) in bundled.dayProblems.enumerated() {
            let figures = bound(baseline.dayProblems.count + offset)
            let routes = bundled.routes.filter {
                $0.kind == day.kind && $0.day == day.day && $0.operatedBy == day.operatedBy
            }
            bundledBound.vehicleKm -=
                Double(routes.map { $0.legMetres.reduce(0, +) }.reduce(0, +)) / 1000 - figures.vehicleKm
            bundledBound.costEur -= routes.map(\.costEur).reduce(0, +) - figures.costEur
        }
        let saving = Figures(
            vehicleKm: baselineBound.vehicleKm - totals.vehicleKm, costEur: baselineBound.costEur - totals.costEur)
        return PlanBounds(
            baseline: baselineBound, bundled: bundledBound, certifiedSaving: saving, problems: problems,
            exactProblems: exact, fallbackProblems: fallback, seconds: Date().timeIntervalSince(start))
    }

    /// The jobs a day problem's solution serves, in order.
    private static func served(_ day: DayProblem) -> [Int] {
        day.solution.routes.flatMap(\.servedJobs).sorted()
    }

    /// A problem's km and cost bound, whether the cost bound is exact and whether it fell back
    /// to the simplest one (no time left, or no relaxation).
    private static func prove(
        _ day: DayProblem, secondsPerProblem: Double,
        secondsLeft: () -> Double
    ) -> (figures: Figures, exact: Bool, fallback: Bool) {
        let served = served(day)
        var isExact = false, isFallback = false
        var figures = Figures(vehicleKm: 0, costEur: 0)
        for measure in RouteLowerBound.Measure.allCases {
            var value: Double?
            let left = secondsLeft()
            if left > 0,
                let proven = try? RouteLowerBound.compute(
                    for: day.problem, serving: served, measure: measure,
                    timeLimitSeconds: min(secondsPerProblem, left))
            {
                value = proven.value
                if proven.method == .exact, measure == .cost { isExact = true }
            }
            if value == nil, measure == .cost { isFallback = true }
            let proven = max(value ?? 0, farthestRoundTrip(day.problem, served: served, measure: measure))
            switch measure {
            case .distance: figures.vehicleKm = proven / 1000
            case .cost: figures.costEur = proven
            }
        }
        return (figures, isExact, isFallback)
    }

    /// The simplest valid bound: some vehicle must reach the farthest job and come back.
    static func farthestRoundTrip(_ problem: RoutingProblem, served: [Int], measure: RouteLowerBound.Measure) -> Double
    {
        served.map { job in
            problem.vehicleTypes.map { type -> Double in
                let travel = problem.profiles[type.profile]
                let there = problem.jobs[job].location
                let metres = Double(
                    travel.distance(type.startLocation, there) + travel.distance(there, type.endLocation))
                guard measure == .cost else { return metres }
                let seconds = Double(
                    travel.duration(type.startLocation, there) + travel.duration(there, type.endLocation)
                        + problem.jobs[job].serviceSeconds)
                return type.fixedCost + type.costPerKilometre * metres / 1000 + type.costPerHour * seconds / 3600
            }.min() ?? 0
        }.max() ?? 0
    }
}

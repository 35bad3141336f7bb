import BundelPlanner
import Synchronization

/// `bundel coalition`: the organisations of a scenario of several networks as a cooperative
/// game. Every coalition S of organisations is planned (its members' sites and flows, every
/// shared hub candidate), and its value is its saving against its members each delivering
/// directly alone:
///
///     v(S) = sum over i in S of baseline({i}) - bundled(S)
///
/// for cost, vehicle-km and CO2e (well-to-wheel) a week, each a game of its own. So v(S)
/// counts both what bundling through the shared hub saves and what a shared supplier saves by
/// combining the members' deliveries. The grand coalition's saving is divided by the Shapley
/// value (exact, or sampled from seeded joining orders), set beside simple rules, checked
/// against the core (cost game), and each member's marginal contribution is given. Facts only;
/// BundelReports words them.
public struct CoalitionAnalysis: Sendable {
    /// How the Shapley value was found.
    public enum Method: Sendable, Equatable {
        case exact
        case sampled(samples: Int, seed: UInt64)
    }

    public var scenario: String
    public var file: String
    public var method: Method
    public var members: [CoalitionMember]
    /// Every coalition planned, by increasing bit set.
    public var plans: [CoalitionPlan]
    /// The grand coalition's saving, v(N).
    public var grandSaving: CoalitionFigures
    /// The Shapley allocation of the cost game against the core.
    public var core: CoreCheck.Outcome
    /// Each plan's time limit and routing iterations, for the report's method line.
    public var timeLimitSeconds: Double
    public var routingIterations: Int
    /// For yearly figures, as the plans give them.
    public var weeksPerYear: Double

    /// A coalition's value v(S): its members' own direct deliveries alone less its bundled plan.
    public func saving(_ plan: CoalitionPlan) -> CoalitionFigures {
        CoalitionGame.members(plan.coalition).reduce(CoalitionFigures()) { $0 + members[$1].standAloneBaseline }
            - plan.bundled
    }

    /// The grand coalition's plan.
    public var grandPlan: CoalitionPlan? { plans.last { $0.coalition.nonzeroBitCount == members.count } }

    /// The members of a coalition by id, in the scenario's order.
    public func ids(_ coalition: UInt64) -> [String] { CoalitionGame.members(coalition).map { members[$0].id } }

    /// The coalition analysis of `scenario`, whose `networks:` name the organisations: every
    /// coalition needed planned side by side over the cores as a validated plan, in a fixed
    /// order, so that a seed gives the same figures whatever the scheduling. The first failing
    /// plan (in that order) is thrown after every plan ended.
    public static func run(
        _ scenario: Scenario, settings: CoalitionSettings = CoalitionSettings(), progress: PlanProgress = .silent
    ) throws -> CoalitionAnalysis {
        try checkPlayable(scenario, settings: settings)
        let count = scenario.organisations.count
        var base = scenario
        if let limit = settings.timeLimitSeconds { base.timeLimitSeconds = limit }
        let orders = settings.samples.map {
            ShapleySampling.orders(players: count, samples: $0, seed: settings.seed)
        }
        let needed = coalitionsToPlan(players: count, orders: orders)
        let done = Mutex(0)
        let scenarioForPlans = base
        let outcomes = needed.concurrentMap { coalition -> Result<CoalitionPlan, Error> in
            let outcome = Result {
                let plan = try Planner.validatedPlan(
                    scenarioForPlans.coalition(CoalitionGame.members(coalition)))
                return CoalitionPlan(coalition: coalition, plan: plan)
            }
            let finished = done.withLock { value -> Int in
                value += 1
                return value
            }
            progress("coalition: \(finished) of \(needed.count) plans done")
            return outcome
        }
        let plans = try outcomes.map { try $0.get() }
        let (volumes, unit) = volumes(of: scenario)
        var analysis = try analyse(
            organisations: scenario.organisations, volumes: volumes, volumeUnit: unit, plans: plans, orders: orders)
        analysis.describe(scenario: scenario, settings: settings, timeLimitSeconds: base.timeLimitSeconds)
        return analysis
    }

    /// Refuses a scenario of fewer than two organisations, and more than
    /// ``ShapleyValue/exactLimit`` without samples, before anything is planned.
    public static func checkPlayable(_ scenario: Scenario, settings: CoalitionSettings) throws(InputError) {
        let count = scenario.organisations.count
        guard count >= 2 else {
            throw InputError([
                InputProblem(
                    file: scenario.file, line: nil, field: "networks",
                    message:
                        "a coalition needs at least two organisations: list their networks as networks: [a/network.yaml, b/network.yaml]"
                )
            ])
        }
        if settings.samples == nil, count > ShapleyValue.exactLimit {
            throw InputError([
                InputProblem(
                    file: scenario.file, line: nil, field: "networks",
                    message:
                        "\(count) organisations: the exact Shapley value needs all \(count < 63 ? "\((UInt64(1) << UInt64(count)) - 1)" : "2^\(count) - 1") coalition plans and is computed up to \(ShapleyValue.exactLimit) organisations; give --samples K to estimate it from K sampled joining orders (with --seed)"
                )
            ])
        }
    }

    /// Names the scenario and the plans' settings, which the figures do not depend on.
    mutating func describe(scenario: Scenario, settings: CoalitionSettings, timeLimitSeconds: Double) {
        self.scenario = scenario.name
        file = scenario.file
        method = settings.samples.map { .sampled(samples: $0, seed: settings.seed) } ?? .exact
        self.timeLimitSeconds = timeLimitSeconds
        routingIterations = scenario.routingIterations
        weeksPerYear = scenario.weeksPerYear
    }

    /// Each organisation's weekly volume in the weight dimension (else the first), and its unit.
    public static func volumes(of scenario: Scenario) -> (volumes: [Double], unit: String) {
        let network = scenario.network
        let dimension = network.weightDimension ?? 0
        let volumes = scenario.organisations.map { organisation in
            let sites = Set(organisation.sites)
            return network.flows.filter { sites.contains($0.site) }.reduce(0.0) { $0 + $1.weeklyQuantity[dimension] }
        }
        return (volumes, network.dimensions.indices.contains(dimension) ? network.dimensions[dimension].unit : "")
    }

    /// The coalitions to plan, by increasing bit set: all of them for the exact value;
    /// else those the sampled orders pass through, each organisation alone (the reference of
    /// its saving) and the grand coalition without each one (its marginal contribution).
    public static func coalitionsToPlan(players: Int, orders: [[Int]]?) -> [UInt64] {
        guard let orders else { return CoalitionGame.allCoalitions(players: players) }
        var needed = ShapleySampling.coalitions(along: orders)
        let all = CoalitionGame(players: players).grandCoalition
        needed.insert(all)
        for player in 0..<players {
            needed.insert(UInt64(1) << UInt64(player))
            needed.insert(all & ~(UInt64(1) << UInt64(player)))
        }
        needed.remove(0)
        return needed.sorted()
    }

    /// The games of the planned coalitions, their Shapley values (exact, or from `orders`),
    /// the rules, the core check and the marginal contributions. Throws a
    /// ``CoalitionError`` when the shares do not add up to the grand coalition's saving.
    public static func analyse(
        organisations: [Organisation], volumes: [Double], volumeUnit: String, plans: [CoalitionPlan],
        orders: [[Int]]?
    ) throws -> CoalitionAnalysis {
        let count = organisations.count
        let byCoalition = Dictionary(plans.map { ($0.coalition, $0) }, uniquingKeysWith: { first, _ in first })
        let alone = (0..<count).map { byCoalition[UInt64(1) << UInt64($0)] }
        guard alone.allSatisfy({ $0 != nil }) else { throw CoalitionError("an organisation alone was not planned") }
        let standAlone = alone.map { $0!.baseline }
        // One game per figure: v(S) = sum of the members' own baselines - S's bundled plan.
        var games: [CoalitionGame] = []
        for metric in CoalitionFigures.metrics {
            var game = CoalitionGame(players: count)
            for plan in plans {
                let reference = CoalitionGame.members(plan.coalition).reduce(0.0) {
                    $0 + standAlone[$1][keyPath: metric]
                }
                game.set(plan.coalition, reference - plan.bundled[keyPath: metric])
            }
            games.append(game)
        }
        var shares: [[Double]] = [], errors: [[Double]]? = nil
        if let orders {
            var sampledErrors: [[Double]] = []
            for game in games {
                guard let estimates = ShapleySampling.estimate(game, orders: orders) else {
                    throw CoalitionError("a coalition along the sampled orders was not planned")
                }
                shares.append(estimates.map(\.mean))
                sampledErrors.append(estimates.map(\.standardError))
            }
            errors = sampledErrors
        } else {
            for game in games {
                guard let exact = ShapleyValue.exact(game) else { throw CoalitionError("a coalition was not planned") }
                shares.append(exact)
            }
        }
        let metrics = CoalitionFigures.metrics
        let all = games[0].grandCoalition
        let grand = CoalitionFigures.build { metric in games[metrics.firstIndex(of: metric)!].value(all) ?? 0 }
        // Efficiency: the shares add up to the grand coalition's saving, on every run.
        for (index, metric) in metrics.enumerated() {
            let sum = shares[index].reduce(0, +)
            let whole = grand[keyPath: metric]
            guard abs(sum - whole) <= 1e-6 * max(1, abs(whole)) else {
                throw CoalitionError(
                    "the Shapley shares add up to \(sum), not to the grand coalition's saving \(whole): a bug")
            }
        }
        let marginal = games.map(MarginalContribution.toGrandCoalition)
        let stops = alone.map { Double($0!.baselineStops) }
        let members = (0..<count).map { player in
            let rule = { (weights: [Double]?) in
                CoalitionFigures.build { metric in
                    let whole = grand[keyPath: metric]
                    guard let weights else { return AllocationRule.equal(whole, count: count)[player] }
                    return AllocationRule.proportional(whole, weights: weights)[player]
                }
            }
            return CoalitionMember(
                id: organisations[player].id, file: organisations[player].file, weeklyVolume: volumes[player],
                volumeUnit: volumeUnit, baselineStops: alone[player]!.baselineStops,
                standAloneBaseline: standAlone[player], standAloneBundled: alone[player]!.bundled,
                alone: CoalitionFigures.build { metric in
                    games[metrics.firstIndex(of: metric)!].value(UInt64(1) << UInt64(player)) ?? 0
                },
                shapley: CoalitionFigures.build { shares[metrics.firstIndex(of: $0)!][player] },
                shapleyStandardError: errors.map { errors in
                    CoalitionFigures.build { errors[metrics.firstIndex(of: $0)!][player] }
                },
                marginalContribution: CoalitionFigures.build { marginal[metrics.firstIndex(of: $0)!][player] ?? 0 },
                byVolume: rule(volumes), byStops: rule(stops), equalShare: rule(nil))
        }
        return CoalitionAnalysis(
            scenario: "", file: "", method: orders.map { .sampled(samples: $0.count, seed: 0) } ?? .exact,
            members: members, plans: plans.sorted { $0.coalition < $1.coalition }, grandSaving: grand,
            core: CoreCheck.check(games[0], allocation: shares[0]), timeLimitSeconds: 0, routingIterations: 0,
            weeksPerYear: 52)
    }
}

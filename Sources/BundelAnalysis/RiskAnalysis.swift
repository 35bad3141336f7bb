import BundelPlanner
import Synchronization

/// How sure a scenario's savings are (`bundel risk`): the point estimate, a tornado of each
/// uncertain input at its ends, and a seeded Monte Carlo over all of them, every one a
/// validated plan of the scenario with those inputs. Facts only; BundelReports words them.
public struct RiskAnalysis: Sendable {
    /// The scenario's name and file, as messages show it.
    public var scenario: String
    public var file: String
    public var ranges: UncertaintyRanges
    /// The factor set choices by name, the scenario's own first.
    public var factorSets: [String]
    public var settings: RiskSettings
    /// Each plan's time limit and routing iterations.
    public var timeLimitSeconds: Double
    public var routingIterations: Int
    /// For yearly figures, as the plan's summary gives them.
    public var weeksPerYear: Double
    /// The unit of the scenario's objective (`EUR` for cost), which the hub margin is counted in.
    public var objectiveUnit: String
    /// The unit of the candidate hubs' energy carrier (`kWh`), which the hub energy range is
    /// counted in per tonne.
    public var hubEnergyUnit: String
    /// The scenario's own plan.
    public var point: RiskOutcome
    public var tornado: Tornado
    public var monteCarlo: MonteCarlo
    /// Plans made, and how many of them a time limit cut short.
    public var plans: Int
    public var plansHitTimeLimit: Int

    /// Plans `scenario` at its point values, at each end of each range and for each factor
    /// set, and `settings.samples` times with inputs drawn from `settings.seed`: all plans
    /// spread over the cores, their outcomes kept in the order they were asked for, so that a
    /// seed gives the same figures whatever the scheduling. The first failing plan (in that
    /// order) is thrown after every plan ended.
    public static func run(
        _ scenario: Scenario, settings: RiskSettings = RiskSettings(), progress: PlanProgress = .silent
    ) throws -> RiskAnalysis {
        guard let ranges = scenario.uncertainty else {
            throw InputError([
                InputProblem(
                    file: scenario.file, line: nil, field: "uncertainty",
                    message:
                        "the scenario has no uncertainty: block; give the ranges of the inputs that are unsure (docs/format.md, section Uncertainty)"
                )
            ])
        }
        guard !scenario.hubs.isEmpty else {
            throw InputError([
                InputProblem(
                    file: scenario.file, line: nil, field: "hubs",
                    message: "the scenario lists no candidate hubs: its plan is the baseline and saves nothing")
            ])
        }
        var limited = scenario
        if let limit = settings.timeLimitSeconds { limited.timeLimitSeconds = limit }
        let base = limited
        let own = scenario.emissionFactors.name
        let point = UncertainDraw(values: [:], factorSet: own)
        let ends = Tornado.draws(ranges, factorSet: own)
        let alternatives = ranges.factorSets.map { UncertainDraw(values: [:], factorSet: $0.name) }
        let samples = MonteCarlo.draws(ranges, count: settings.samples, seed: settings.seed, ownFactorSet: own)
        let draws = [point] + ends + alternatives + samples

        let done = Mutex(0)
        let outcomes = draws.concurrentMap { draw -> Result<RiskOutcome, Error> in
            let outcome = Result {
                RiskOutcome(
                    try Planner.validatedPlan(draw.scenario(from: base, alternatives: ranges.factorSets)).result)
            }
            let count = done.withLock { finished -> Int in
                finished += 1
                return finished
            }
            progress("risk: \(count) of \(draws.count) plans done")
            return outcome
        }
        let planned = try outcomes.map { try $0.get() }
        let endOutcomes = Array(planned[1..<(1 + ends.count)])
        let setOutcomes = Array(planned[(1 + ends.count)..<(1 + ends.count + alternatives.count)])
        let sampleOutcomes = planned.suffix(samples.count)
        let factorSets = [own] + ranges.factorSets.map(\.name)
        return RiskAnalysis(
            scenario: scenario.name, file: scenario.file, ranges: ranges, factorSets: factorSets,
            settings: settings, timeLimitSeconds: base.timeLimitSeconds, routingIterations: base.routingIterations,
            weeksPerYear: scenario.weeksPerYear, objectiveUnit: scenario.objective.unit,
            hubEnergyUnit: scenario.hubs.first.flatMap(scenario.network.hub)
                .flatMap { scenario.emissionFactors.carrier($0.handlingEnergyCarrier)?.unit } ?? "",
            point: planned[0],
            tornado: Tornado(
                ranges: ranges, endOutcomes: endOutcomes,
                factorSets: Array(zip(factorSets, [planned[0]] + setOutcomes)).map { (name: $0, outcome: $1) }),
            monteCarlo: MonteCarlo(
                seed: settings.seed, distribution: ranges.distribution,
                samples: zip(samples, sampleOutcomes).enumerated().map { index, pair in
                    MonteCarlo.Sample(index: index, draw: pair.0, outcome: pair.1)
                }),
            plans: planned.count, plansHitTimeLimit: planned.count(where: \.hitTimeLimit))
    }
}

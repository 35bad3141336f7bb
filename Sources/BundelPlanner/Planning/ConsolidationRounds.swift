import BundelLP
import BundelRouting
import Foundation

/// The consolidation rounds of a plan (solve the MIP, route its choice, re-estimate) and what
/// each candidate hub's choice is worth.
extension Planner {
    /// The consolidation rounds: solve the model, route its choice, update the estimates from
    /// those routes, and solve again until the choice repeats, the round limit or the time
    /// budget is reached. The round whose routed plan is best by the objective (fewest
    /// unserved deliveries first) is kept, with its model, explanations and hub choices (with
    /// `explain`); the estimates returned are that round's.
    ///
    /// - Parameter co2eCapKg: a limit on the estimated weekly CO2e for every round's model (a
    ///   point of ``ParetoFront``).
    static func consolidate(_ scenario: Scenario, estimates initial: ConsolidationEstimates, directDays: [Int: [Int]],
                            context: TravelContext, budget: TimeBudget, co2eCapKg: Double? = nil, explain: Bool = true,
                            progress: PlanProgress = .silent, statistics: inout RunStatistics) throws -> (ConsolidationOutcome, WeeklyPlan, ConsolidationEstimates) {
        let network = scenario.network
        var estimates = initial
        var rounds: [ConsolidationRound] = []
        var chosen: [Int: String] = [:]
        var earlier: [[Int: String]] = []
        var best: (round: Int, model: ConsolidationModel, decision: ConsolidationModel.Decision, plan: WeeklyPlan, key: (Int, Double, Double))?
        var stop = ConsolidationStop.iterationLimit
        var lastModel: ConsolidationModel?
        var lastStatus = SolveStatus.error("not solved")
        let limit = max(1, scenario.consolidationIterations)
        for number in 1...limit {
            // Each round gets an equal share of the time left, the MIP up to three quarters of
            // it: routing ends by its iteration limit well before its deadline, and a MIP cut
            // short by the clock would make the plan depend on the machine's speed.
            let share = budget.secondsUntil(fraction: 1) / Double(limit - number + 1)
            progress("round \(number): consolidation MIP (GLPK)")
            var model = try ConsolidationModel(scenario: scenario, estimates: estimates)
            if let co2eCapKg { model = try model.limitingCO2e(toAtMost: co2eCapKg) }
            // A CO2e cap makes the model a knapsack that GLPK closes slowly to the last euro.
            let decision = try model.solve(timeLimitSeconds: max(1, share * 0.75), relativeGap: co2eCapKg == nil ? 1e-6 : 1e-4)
            lastModel = model
            lastStatus = decision.status
            statistics.hitTimeLimit = statistics.hitTimeLimit || decision.status == .feasible || decision.status == .timeLimit
            var round = ConsolidationRound(number: number, status: decision.status.description, modelObjective: decision.objective,
                                           routedObjective: nil, flowsViaHub: decision.viaHub.count,
                                           flowsChanged: network.flows.filter { decision.viaHub[$0.index] != chosen[$0.index] }.count,
                                           unservedDeliveries: 0)
            guard decision.status.hasSolution else { rounds.append(round); stop = .noSolution; break }
            if number > 1, decision.viaHub == chosen { rounds.append(round); stop = .converged; break }
            progress("round \(number): routing the chosen plan (\(decision.viaHub.count) of \(network.flows.count) flows via hub)")
            let plan = bundledPlan(decision.viaHub, directDays: directDays, scenario: scenario, context: context,
                                   deadline: ContinuousClock.now.advanced(by: .milliseconds(Int64(share * 1000))), statistics: &statistics)
            let routed = scenario.objective.value(of: plan.totals)
            round.routedObjective = routed
            round.unservedDeliveries = plan.unserved.count
            rounds.append(round)
            // Fewest unserved deliveries first; under a CO2e cap, plans whose routes keep it
            // come first, then those whose routes exceed it least (the cap binds estimates).
            let excess = co2eCapKg.map { max(0, PlanTotals.rounded(plan.totals.co2eWtwKg - $0)) } ?? 0
            let key = (plan.unserved.count, excess, routed)
            if best == nil || key < best!.key { best = (number, model, decision, plan, key) }
            if earlier.contains(decision.viaHub) { stop = .cycle; break }
            earlier.append(decision.viaHub)
            chosen = decision.viaHub
            if number < limit, budget.secondsUntil(fraction: 1) <= 0 { stop = .timeLimit; break }
            if number < limit, statistics.stop?.isRequested == true { stop = .interrupted; break }
            estimates = estimates.updated(from: plan, viaHub: decision.viaHub, scenario: scenario, matrix: context.matrix)
        }

        guard let best else {
            // No round had a solution: report the model's status with an all-direct plan, which
            // stands as the plan when only the clock stopped the model (see CheckedPlan).
            let lastModel = try lastModel ?? ConsolidationModel(scenario: scenario, estimates: estimates)
            let plan = bundledPlan([:], directDays: directDays, scenario: scenario, context: context,
                                   deadline: budget.deadline(atFraction: 1), statistics: &statistics)
            var outcome = ConsolidationOutcome(status: lastStatus, objective: nil, estimate: nil, objectiveKind: scenario.objective,
                                               directEstimate: lastModel.model.objectiveConstant, viaHub: [:], flowsDirect: network.flows.count,
                                               forcedButImpossible: [], rounds: rounds, chosenRound: 0, stopReason: stop,
                                               flows: [], suppliers: [], productGroups: [], hubs: [], model: lastModel.model)
            outcome.keptDirectAtTimeLimit = lastStatus == .timeLimit
                && !network.flows.contains { scenario.participation(of: $0.supplier) == .in }
            return (outcome, plan, lastModel.estimates)
        }
        let viaHub = best.decision.viaHub
        let explainer = ConsolidationExplainer(scenario: scenario, estimates: best.model.estimates, viaHub: viaHub)
        if explain { progress("explaining: each flow's saving, each hub's choice") }
        let hubs = explain ? try hubChoices(best.model, viaHub: viaHub, objective: best.decision.objective, budget: budget) : []
        let forcedButImpossible = network.flows.filter { scenario.participation(of: $0.supplier) == .in && viaHub[$0.index] == nil }.map(\.index)
        let outcome = ConsolidationOutcome(
            status: best.decision.status, objective: best.decision.objective, estimate: best.decision.metrics,
            objectiveKind: scenario.objective, directEstimate: best.model.model.objectiveConstant, viaHub: viaHub,
            flowsDirect: network.flows.count - viaHub.count, forcedButImpossible: forcedButImpossible, rounds: rounds,
            chosenRound: best.round, stopReason: stop, flows: explain ? explainer.flows() : [],
            suppliers: explain ? explainer.suppliers() : [], productGroups: explain ? explainer.productGroups() : [],
            hubs: hubs, model: best.model.model)
        return (outcome, best.plan, best.model.estimates)
    }

    /// Each candidate hub with what its choice is worth: the model solved again with the hub's
    /// choice reversed (closed when the model opened it, open when it did not), and where the
    /// flows would go then.
    static func hubChoices(_ model: ConsolidationModel, viaHub: [Int: String], objective: Double?,
                           budget: TimeBudget) throws -> [HubChoice] {
        let scenario = model.scenario
        let unit = scenario.objective.unit
        return try scenario.hubs.map { hub in
            let flows = viaHub.values.filter { $0 == hub }.count
            let isOpen = flows > 0
            let reversed = try model.fixing(hub: hub, open: !isOpen).solve(timeLimitSeconds: max(1, budget.secondsUntil(fraction: 1) / 4))
            var reason: String
            if let alternative = reversed.objective, let objective {
                let difference = "\(NumberFormat.grouped(abs(alternative - objective), decimals: 0)) \(unit)/week"
                let worse = alternative >= objective - 1e-6
                if isOpen {
                    let moved = viaHub.filter { $0.value == hub }.keys
                    let elsewhere = moved.filter { reversed.viaHub[$0] != nil }.count
                    let without = "closed, its flows would go \(elsewhere) to other hubs and \(moved.count - elsewhere) direct"
                    reason = worse ? "opened for \(flows) flows: \(without), costing \(difference) more"
                        : "opened for \(flows) flows, although \(without) and save \(difference) (the solver stopped early)"
                } else {
                    let taken = reversed.viaHub.values.filter { $0 == hub }.count
                    let use = taken == 0 ? "no flow is cheaper through it, even before its fixed cost"
                        : "its best use would take \(taken) flows"
                    reason = worse ? "not opened: \(use); opening it would cost \(difference) more"
                        : "not opened, although \(use) and save \(difference) (the solver stopped early)"
                }
            } else {
                reason = isOpen ? "opened for \(flows) flows: without it the model has no solution (forced flows or capacity)"
                    : "not opened: the model has no solution with it open"
            }
            return HubChoice(hub: hub, open: isOpen, flows: flows, objectiveIfReversed: reversed.objective, reason: reason)
        }
    }
}

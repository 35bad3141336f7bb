import BundelLP
import BundelRouting
import Foundation

/// The consolidation rounds of a plan (solve the MIP, route its choice, re-estimate) and what
/// each candidate hub's choice is worth.
extension Planner {
    /// The consolidation rounds: solve the model, route its choice, update the estimates from
    /// those routes, and solve again until the choice repeats, the routes get worse twice in a
    /// row (``RoundTrend``), or the round limit or the time budget is reached. The round whose
    /// routed plan is best by the objective (fewest unserved deliveries first) is kept, with its
    /// model, explanations and hub choices (with `explain`); the estimates returned are that
    /// round's.
    ///
    /// - Parameter co2eCapKg: a limit on the estimated weekly CO2e for every round's model (a
    ///   point of ``ParetoFront``).
    /// - Parameter allDirect: the routed plan that delivers every flow direct (the baseline): it
    ///   is reported instead of the best round when it is better still and no supplier is forced
    ///   in. The model cannot find it itself: its direct estimates rise as a supplier's other
    ///   flows leave for a hub, so all-direct delivery looks dearer to it than it is.
    static func consolidate(
        _ scenario: Scenario, estimates initial: ConsolidationEstimates, directDays: [Int: [Int]],
        context: TravelContext, budget: TimeBudget, co2eCapKg: Double? = nil, explain: Bool = true,
        allDirect: WeeklyPlan? = nil,
        progress: PlanProgress = .silent, statistics: inout RunStatistics
    ) throws -> (ConsolidationOutcome, WeeklyPlan, ConsolidationEstimates) {
        let network = scenario.network
        var estimates = initial
        var rounds: [ConsolidationRound] = []
        var chosen: [Int: String] = [:]
        var earlier: [[Int: String]] = []
        // The routed value of every assignment routed so far, for the routed explanations.
        var routedValues: [[Int: String]: Double] = [:]
        // Every routed plan that sends flows through a hub, in the order routed, with its key:
        // the improvement step starts from the best of them as well as from all direct.
        var hubPlans: [(viaHub: [Int: String], key: (Int, Double, Double))] = []
        var best:
            (
                round: Int, model: ConsolidationModel, decision: ConsolidationModel.Decision, plan: WeeklyPlan,
                key: (Int, Double, Double),
                estimates: ConsolidationEstimates
            )?
        var stop = ConsolidationStop.iterationLimit
        var lastModel: ConsolidationModel?
        var lastStatus = SolveStatus.error("not solved")
        // The latest round's relaxation basis, for the solves that only add rows to its model (a
        // hub fixed, flows forced in). The next round does not start from it: its estimates
        // changed the costs, so the basis is no longer dual feasible and would be dropped.
        var basis: SimplexBasis?
        // The routes' key of all direct where that plan may be reported (no supplier forced in,
        // no CO2e cap): the rounds start from it, so a first round routed worse than it counts
        // as a rise; the improvement step starts from it when it is best, and it is reported then.
        let forcedAny = network.flows.contains { scenario.participation(of: $0) == .in }
        let allDirectKey =
            co2eCapKg == nil && !forcedAny
            ? allDirect.map { ($0.unserved.count, 0.0, scenario.objective.value(of: $0.totals)) } : nil
        var trend = RoundTrend(limit: Self.risingRoundsLimit, startingFrom: allDirectKey)
        let limit = max(1, scenario.consolidationIterations)
        for number in 1...limit {
            // Each round gets an equal share of the time left, the MIP up to three quarters of
            // it: routing ends by its iteration limit well before its deadline, and a MIP cut
            // short by the clock would make the plan depend on the machine's speed.
            let share = budget.secondsUntil(fraction: 1) / Double(limit - number + 1)
            progress("round \(number): consolidation MIP (GLPK)")
            let roundBegan = ContinuousClock.now
            var clock = roundBegan
            var model = try ConsolidationModel(scenario: scenario, estimates: estimates)
            if let co2eCapKg { model = try model.limitingCO2e(toAtMost: co2eCapKg) }
            // Branch and cut starts from the best of the assignments routed so far (by this
            // round's estimates), so that it has an answer however short its time.
            var decision = try model.solve(
                timeLimitSeconds: max(1, share * 0.75), startingFrom: earlier)
            basis = decision.relaxationBasis ?? basis
            statistics.record(\.modelSeconds, since: &clock)
            lastModel = model
            lastStatus = decision.status
            statistics.modelHitTimeLimit =
                statistics.modelHitTimeLimit || decision.stoppedByTimeLimit || decision.status == .timeLimit
            var round = ConsolidationRound(
                number: number, status: decision.status.description, modelObjective: decision.objective,
                routedObjective: nil, flowsViaHub: decision.viaHub.count,
                flowsChanged: network.flows.filter { decision.viaHub[$0.index] != chosen[$0.index] }.count,
                unservedDeliveries: 0)
            guard decision.status.hasSolution else {
                rounds.append(round)
                stop = .noSolution
                break
            }
            // The same choice from a model the clock cut short is its start (the choice before)
            // coming back, not a converged model: the rounds ended for lack of time.
            if number > 1, decision.viaHub == chosen {
                rounds.append(round)
                stop = decision.stoppedByTimeLimit ? .timeLimit : .converged
                break
            }
            progress(
                "round \(number): routing the chosen plan (\(decision.viaHub.count) of \(network.flows.count) flows via hub)"
            )
            // Its share, but never past the plan's own time limit (the model may have used most
            // of the share already).
            let deadline = min(
                ContinuousClock.now.advanced(by: .milliseconds(Int64(share * 1000))), budget.deadline(atFraction: 1))
            var plan = bundledPlan(
                decision.viaHub, directDays: directDays, scenario: scenario, context: context,
                deadline: deadline, statistics: &statistics)
            // A counted hub fleet is respected: flows it had no vehicle for go direct, and stay
            // out of that hub in later rounds.
            var excluded: [String: [Int: Ineligibility]] = [:]
            for _ in 0..<Self.fleetRepairPasses {
                let short = fleetShortage(plan, viaHub: decision.viaHub, scenario: scenario, round: number)
                guard !short.isEmpty else { break }
                progress(
                    "round \(number): the hub fleet has no vehicle left for \(short.count) flows; routing again with them direct"
                )
                for (flow, hub, reason) in short {
                    decision.viaHub[flow] = nil
                    excluded[hub, default: [:]][flow] = reason
                }
                plan = bundledPlan(
                    decision.viaHub, directDays: directDays, scenario: scenario, context: context,
                    deadline: deadline, statistics: &statistics)
            }
            statistics.record(\.roundRoutingSeconds, since: &clock)
            round.flowsMovedDirect = excluded.values.map(\.count).reduce(0, +)
            round.flowsViaHub = decision.viaHub.count
            round.flowsChanged = network.flows.filter { decision.viaHub[$0.index] != chosen[$0.index] }.count
            var explained = estimates
            for (hub, flows) in excluded { explained.fleetExcluded[hub, default: [:]].merge(flows) { old, _ in old } }
            let routed = scenario.objective.value(of: plan.totals)
            round.routedObjective = routed
            routedValues[decision.viaHub] = routed
            round.unservedDeliveries = plan.unserved.count
            rounds.append(round)
            // Fewest unserved deliveries first; under a CO2e cap, plans whose routes keep it
            // come first, then those whose routes exceed it least (the cap binds estimates).
            let excess = co2eCapKg.map { max(0, PlanTotals.rounded(plan.totals.co2eWtwKg - $0)) } ?? 0
            let key = (plan.unserved.count, excess, routed)
            let drifting = trend.record(key)
            if best == nil || key < best!.key { best = (number, model, decision, plan, key, explained) }
            if !decision.viaHub.isEmpty { hubPlans.append((decision.viaHub, key)) }
            if earlier.contains(decision.viaHub) {
                stop = .cycle
                break
            }
            earlier.append(decision.viaHub)
            chosen = decision.viaHub
            // Rounds whose routes get worse round after round are estimates drifting away, not a
            // choice converging: on the generated 1,400-site network the first round routed
            // worse than all direct (325,423 against 307,468 EUR a week) and every round worse
            // than the one before (to 344,489), and rounds 3-5 took about 35 s of its 73. Among the
            // bundled scenarios only the two-hub ones of the campuses and Cordaan rose twice
            // from all direct; they stop after two rounds with the same verdict (docs/model.md).
            if number < limit, drifting {
                stop = .rising
                break
            }
            // Another round needs about as long as this one: routing a plan takes its time past
            // any deadline (at 4,000 sites 25 s for a hub plan whose deadline had passed), so a
            // round started with less time left would run past the plan's limit.
            if number < limit, budget.secondsUntil(fraction: 1) < (ContinuousClock.now - roundBegan).inSeconds {
                stop = .timeLimit
                break
            }
            if number < limit, statistics.stop?.isRequested == true {
                stop = .interrupted
                break
            }
            estimates = explained.updated(
                from: plan, viaHub: decision.viaHub, scenario: scenario, matrix: context.matrix)
            statistics.record(\.estimatesSeconds, since: &clock)
        }

        guard var best else {
            // No round had a solution: report the model's status with an all-direct plan, which
            // stands as the plan when only the clock stopped the model (see Planner.validatedPlan).
            let lastModel = try lastModel ?? ConsolidationModel(scenario: scenario, estimates: estimates)
            var clock = ContinuousClock.now
            let plan = bundledPlan(
                [:], directDays: directDays, scenario: scenario, context: context,
                deadline: budget.deadline(atFraction: 1), statistics: &statistics)
            statistics.record(\.roundRoutingSeconds, since: &clock)
            var outcome = ConsolidationOutcome(
                status: lastStatus, objective: nil, estimate: nil, objectiveKind: scenario.objective,
                directEstimate: lastModel.model.objectiveConstant, viaHub: [:], flowsDirect: network.flows.count,
                forcedButImpossible: [], rounds: rounds, chosenRound: 0, stopReason: stop,
                flows: [], suppliers: [], productGroups: [], hubs: [], model: lastModel.model)
            outcome.keptDirectAtTimeLimit =
                lastStatus == .timeLimit
                && !network.flows.contains { scenario.participation(of: $0) == .in }
            return (outcome, plan, lastModel.estimates)
        }
        // Assignments routed beside the rounds (a candidate or a switch) are listed as rows, and
        // one becomes the reported plan when its routes beat the best so far. It is then
        // reported with the model of the best round's estimates as the scenario states it (the
        // LP export, the hub choices) and its value under that model, which that model's
        // optimum can only undercut.
        var routedAssignments = earlier
        // Wall-clock seconds per plan of the latest routing beside the rounds: a switch or an
        // explanation is routed only while at least that much time is left, since routing a
        // plan takes its time past any deadline (about 1.5 s a switch at 4,000 sites).
        var lastRoutingSeconds = 0.0
        func timeForAnotherRouting() -> Bool { budget.secondsUntil(fraction: 1) > lastRoutingSeconds }
        // How many plans the time left allows to route side by side at the pace of the latest
        // routing (two before any was timed). With time to spare that is all of them, so that
        // which plans are routed does not depend on the machine's speed.
        func affordableRoutings() -> Int {
            guard lastRoutingSeconds > 0 else { return 2 }
            return max(1, Int(min(1e6, budget.secondsUntil(fraction: 1) / lastRoutingSeconds)))
        }
        // Routes `assignments` side by side, counting the time to `stage`.
        func routeSideBySide(
            _ assignments: [[Int: String]], stage: WritableKeyPath<PlanStageTimes, Double>
        ) -> [WeeklyPlan] {
            var clock = ContinuousClock.now
            let began = clock
            let plans = bundledPlans(
                assignments, directDays: directDays, scenario: scenario, context: context,
                deadline: budget.deadline(atFraction: 1), statistics: &statistics)
            statistics.record(stage, since: &clock)
            lastRoutingSeconds = (ContinuousClock.now - began).inSeconds / Double(max(1, assignments.count))
            return plans
        }
        // Lists the routed `plan` of `viaHub` as a row; returns its routes' key.
        func listBeside(
            _ plan: WeeklyPlan, of viaHub: [Int: String], label: String, status: SolveStatus, rowStatus: String,
            modelObjective: Double?, flowsChanged: Int
        ) throws -> (Int, Double, Double) {
            routedAssignments.append(viaHub)
            let routed = scenario.objective.value(of: plan.totals)
            routedValues[viaHub] = routed
            var round = ConsolidationRound(
                number: rounds.count + 1, status: rowStatus, modelObjective: modelObjective,
                routedObjective: routed, flowsViaHub: viaHub.count, flowsChanged: flowsChanged,
                unservedDeliveries: plan.unserved.count)
            round.candidate = label
            rounds.append(round)
            let key = (plan.unserved.count, 0.0, routed)
            if !viaHub.isEmpty { hubPlans.append((viaHub, key)) }
            if key < best.key {
                let value = AssignmentValue(viaHub, scenario: scenario, estimates: best.estimates).total
                // Valued under the best round's estimates, so that round's bound bounds it too.
                let decision = ConsolidationModel.Decision(
                    status: status, objective: value.value(scenario.objective), metrics: value, viaHub: viaHub,
                    bound: best.decision.bound, boundFromCutRelaxation: best.decision.boundFromCutRelaxation)
                best = (
                    round.number, try ConsolidationModel(scenario: scenario, estimates: best.estimates), decision, plan,
                    key, best.estimates
                )
            }
            return key
        }

        // The obvious alternatives the rounds may miss (their estimates are averages): every
        // flow that may go through a hub sent to its best hub and, with several candidate hubs,
        // to each hub alone. Each is routed, unless a round or an earlier candidate already
        // routed that assignment.
        let candidateHubs: [(label: String, hubs: [String]?)] =
            [("all-in", nil)]
            + (scenario.hubs.count > 1 ? scenario.hubs.map { ("all-in via \($0)", [$0]) } : [])
        for (label, hubs) in candidateHubs where co2eCapKg == nil && statistics.stop?.isRequested != true {
            // Its own line: without it the candidate's solve reads as part of the last round's.
            progress("\(label) candidate: consolidation MIP (GLPK)")
            var clock = ContinuousClock.now
            let found = try allInCandidate(
                scenario, onlyThrough: hubs, estimates: best.estimates,
                timeLimitSeconds: max(1, budget.secondsUntil(fraction: 1) / 4), warmStart: basis)
            statistics.record(\.modelSeconds, since: &clock)
            guard let candidate = found, !candidate.viaHub.isEmpty, !routedAssignments.contains(candidate.viaHub) else {
                continue
            }
            progress(
                "\(label) candidate: routing \(candidate.viaHub.count) flows through \(hubs?.joined() ?? "their best hubs")"
            )
            let plan = routeSideBySide([candidate.viaHub], stage: \.alternativesSeconds)[0]
            _ = try listBeside(
                plan, of: candidate.viaHub, label: label, status: candidate.status,
                rowStatus: candidate.status.description, modelObjective: candidate.objective,
                flowsChanged: network.flows.filter { candidate.viaHub[$0.index] != best.decision.viaHub[$0.index] }
                    .count)
        }
        // The routed improvement step: from the best routed plan so far (all direct when that
        // is best, and then from the best routed plan through a hub too when that is close),
        // switch one supplier at a time, those whose estimated saving is nearest
        // zero first (the decisions the estimates are least sure of), then the top of the
        // ranking, then single flows; route, and keep each switch whose routes are better.
        // Only with time left: every switch needs it to be routed, and ranking the suppliers
        // first values the whole plan once per supplier (at 10,000 sites and 60,000 flows that
        // ran after the limit with nothing left to route).
        if co2eCapKg == nil, explain, budget.secondsUntil(fraction: 1) > 0 {
            var starts = [(viaHub: best.decision.viaHub, key: best.key)]
            if let allDirectKey, allDirectKey < best.key { starts = [(viaHub: [:], key: allDirectKey)] }
            // From all direct, from the best routed plan through a hub as well when it is within
            // ``hubStartMargin``: from all direct a single supplier switched in pays a hub's
            // weekly cost alone and is rarely kept, while switching out of a hub plan the
            // suppliers that gain least from it can beat all direct (the campus zero-emission
            // scenario: the best plan through the hub came from 55,100 to 46 EUR/year of all
            // direct this way). Further away, the few switches tried cannot close the gap
            // (Cordaan's hub scenario: all in 26 % behind) and would only take time.
            if starts[0].viaHub.isEmpty, !forcedAny, let hubStart = hubPlans.min(by: { $0.key < $1.key }),
                hubStart.key.0 <= starts[0].key.0,
                hubStart.key.2 - starts[0].key.2 <= Self.hubStartMargin * abs(starts[0].key.2)
            {
                starts.append(hubStart)
            }
            var current: [Int: String] = [:]
            var currentKey = starts[0].key
            // Tries the switches `make` builds from the plan reached so far, subject by subject,
            // and keeps each whose routes are better; at most `limit` are routed. Several are
            // routed side by side, each built from the same plan: when one of them is kept, those
            // after it were built from a plan that no longer stands, and are built again from
            // the new one (the order of the subjects decides, as when routed one by one). The
            // batches start at ``switchesSideBySide`` and double while no switch is kept: all
            // at once would route many for nothing where switches are often kept.
            func trySwitches<Subject>(
                _ subjects: [Subject], limit: Int = .max, make: (Subject, [Int: String]) -> PlanSwitch
            ) throws {
                var next = 0
                var tried = 0
                var batchSize = Self.switchesSideBySide
                while next < subjects.count, tried < limit, statistics.stop?.isRequested != true,
                    timeForAnotherRouting()
                {
                    var batch: [(position: Int, change: PlanSwitch)] = []
                    let room = min(limit - tried, affordableRoutings(), batchSize)
                    batchSize *= 2
                    while next < subjects.count, batch.count < room {
                        let change = make(subjects[next], current)
                        if change.viaHub != current, !routedAssignments.contains(change.viaHub),
                            !batch.contains(where: { $0.change.viaHub == change.viaHub })
                        {
                            batch.append((next, change))
                        }
                        next += 1
                    }
                    guard !batch.isEmpty else { break }
                    for item in batch { progress("improvement: routing the plan with \(item.change.label)") }
                    let plans = routeSideBySide(batch.map(\.change.viaHub), stage: \.alternativesSeconds)
                    for (item, plan) in zip(batch, plans) {
                        tried += 1
                        let value = AssignmentValue(item.change.viaHub, scenario: scenario, estimates: best.estimates)
                            .total
                        let key = try listBeside(
                            plan, of: item.change.viaHub, label: item.change.label, status: best.decision.status,
                            rowStatus: "switched", modelObjective: value.value(scenario.objective),
                            flowsChanged: item.change.flowsChanged)
                        if key < currentKey {
                            current = item.change.viaHub
                            currentKey = key
                            next = item.position + 1
                            batchSize = Self.switchesSideBySide
                            break
                        }
                    }
                }
            }
            for start in starts {
                current = start.viaHub
                currentKey = start.key
                let explainer = ConsolidationExplainer(scenario: scenario, estimates: best.estimates, viaHub: current)
                let bestHub = Dictionary(
                    uniqueKeysWithValues: explainer.flows().map { ($0.flow, $0.viaHub ?? $0.bestHub) })
                let ranking = explainer.suppliers()
                let uncertain = ranking.filter { scenario.participation(ofSupplier: $0.id) == .free }
                    .sorted { (abs($0.saving), $0.id) < (abs($1.saving), $1.id) }
                    .prefix(Self.improvementSwitches).map(\.id)
                // Then the suppliers the routed explanations will ask about (the top of the ranking
                // and the close decisions): a switch routed for an explanation that beats the plan
                // is an improvement, and is kept here rather than only reported.
                let explained = RoutedExplanations(scenario: scenario, reported: current, reportedValue: currentKey.2)
                    .suppliersToRoute(ranking)
                var seen = Set<String>()
                try trySwitches((uncertain + explained).filter { seen.insert($0).inserted }) { supplier, current in
                    let own = network.flows.filter { $0.supplier == supplier }
                    var trial = current
                    let bundled = own.contains { current[$0.index] != nil }
                    for flow in own { trial[flow.index] = bundled ? nil : (bestHub[flow.index] ?? nil) }
                    return PlanSwitch(viaHub: trial, subject: supplier, toDirect: bundled, flowsChanged: own.count)
                }
                // Then single flows, those of the plan reached so far whose estimated saving is
                // nearest zero: a supplier may pay to bundle some of its flows and not others (not
                // with `whole_suppliers`, where a supplier's flows go together).
                if !scenario.wholeSuppliers {
                    let flows = ConsolidationExplainer(scenario: scenario, estimates: best.estimates, viaHub: current)
                        .flows()
                        .filter { scenario.participation(of: network.flows[$0.flow]) == .free && $0.saving != nil }
                        .sorted { (abs($0.saving!), $0.flow) < (abs($1.saving!), $1.flow) }
                    try trySwitches(flows, limit: Self.improvementFlowSwitches) { flow, current in
                        var trial = current
                        let bundled = current[flow.flow] != nil
                        trial[flow.flow] = bundled ? nil : (flow.viaHub ?? flow.bestHub)
                        return PlanSwitch(
                            viaHub: trial, subject: "flow \(flow.supplier)->\(flow.site)", toDirect: bundled,
                            flowsChanged: 1)
                    }
                }
            }
        }
        // Explanations the routes confirm: the reported plan routed again with each of the
        // suppliers a board asks about switched, and with each hub's choice reversed.
        func confirmByRoutes(_ outcome: inout ConsolidationOutcome, reported: [Int: String], value: Double) {
            guard explain, co2eCapKg == nil else { return }
            routedValues[reported] = value
            let routes = RoutedExplanations(scenario: scenario, reported: reported, reportedValue: value)
            var bestHub: [Int: String] = [:]
            for flow in outcome.flows { bestHub[flow.flow] = flow.viaHub ?? flow.bestHub }
            func route(_ assignment: [Int: String]) -> Double? {
                if let known = routedValues[assignment] { return known }
                guard statistics.stop?.isRequested != true, timeForAnotherRouting() else { return nil }
                let plan = routeSideBySide([assignment], stage: \.explanationSeconds)[0]
                let routed = scenario.objective.value(of: plan.totals)
                routedValues[assignment] = routed
                return routed
            }
            // The suppliers' switched plans not routed yet, side by side, as many at a time as
            // the time left allows.
            let switched = routes.suppliersToRoute(outcome.suppliers).compactMap { supplier in
                routes.switched(supplier, bestHub: bestHub).map { (supplier: supplier, viaHub: $0) }
            }
            var seen = Set<[Int: String]>()
            var waiting = switched.filter { routedValues[$0.viaHub] == nil && seen.insert($0.viaHub).inserted }
            while !waiting.isEmpty, statistics.stop?.isRequested != true, timeForAnotherRouting() {
                let batch = waiting.prefix(affordableRoutings())
                waiting.removeFirst(batch.count)
                for item in batch { progress("explaining by routes: supplier \(item.supplier) switched") }
                let plans = routeSideBySide(batch.map(\.viaHub), stage: \.explanationSeconds)
                for (item, plan) in zip(batch, plans) {
                    routedValues[item.viaHub] = scenario.objective.value(of: plan.totals)
                }
            }
            for (supplier, trial) in switched {
                guard let switchedValue = routedValues[trial],
                    let index = outcome.suppliers.firstIndex(where: { $0.id == supplier })
                else { continue }
                outcome.suppliers[index].routedSaving = routes.routedSaving(of: supplier, switchedValue: switchedValue)
            }
            for index in outcome.hubs.indices {
                guard let difference = routes.hubDifference(outcome.hubs[index].hub, routed: routedValues, route: route)
                else { continue }
                outcome.hubs[index].routedIfReversed = difference.value
                outcome.hubs[index].routedIfReversedFlows = difference.flowsViaHub
            }
        }

        if let allDirect, let allDirectKey, !best.decision.viaHub.isEmpty, allDirectKey < best.key {
            var direct = try reportAllDirect(
                allDirect, routed: allDirectKey.2,
                best: (best.round, best.model, best.decision, best.key.2, best.estimates),
                rounds: rounds, stop: stop, explain: explain)
            confirmByRoutes(&direct.0, reported: [:], value: allDirectKey.2)
            return direct
        }
        let viaHub = best.decision.viaHub
        // The flows' trunk parts count on the reported plan's own legs: a flow whose supplier's
        // legs drive anyway with room for it is told so, whatever the estimates the round that
        // chose it had before those legs were routed (the first round's had none).
        let explainer = ConsolidationExplainer(
            scenario: scenario, estimates: best.estimates.learningTrunkLegs(from: best.plan), viaHub: viaHub)
        if explain { progress("explaining: each flow's saving, each hub's choice") }
        let chosenByModel = rounds.first { $0.number == best.round }?.candidate == nil
        var clock = ContinuousClock.now
        let hubs =
            explain
            ? try hubChoices(
                best.model, viaHub: viaHub, objective: best.decision.objective, chosenByModel: chosenByModel,
                budget: budget, warmStart: basis) : []
        statistics.record(\.modelSeconds, since: &clock)
        let forcedButImpossible = network.flows.filter {
            scenario.participation(of: $0) == .in && viaHub[$0.index] == nil
        }.map(\.index)
        var outcome = ConsolidationOutcome(
            status: best.decision.status, objective: best.decision.objective, bound: best.decision.bound,
            estimate: best.decision.metrics, objectiveKind: scenario.objective,
            directEstimate: best.model.model.objectiveConstant, viaHub: viaHub,
            flowsDirect: network.flows.count - viaHub.count, forcedButImpossible: forcedButImpossible, rounds: rounds,
            chosenRound: best.round, stopReason: stop, flows: explain ? explainer.flows() : [],
            suppliers: explain ? explainer.suppliers() : [], productGroups: explain ? explainer.productGroups() : [],
            hubs: hubs, model: best.model.model)
        outcome.boundFromCutRelaxation = best.decision.boundFromCutRelaxation
        statistics.record(\.explanationSeconds, since: &clock)
        confirmByRoutes(&outcome, reported: viaHub, value: best.key.2)
        return (outcome, best.plan, best.model.estimates)
    }

    /// The outcome when delivering every flow direct beats every routed round: the baseline's
    /// routes are the plan, no hub opens, and every flow and hub says why.
    private static func reportAllDirect(
        _ plan: WeeklyPlan, routed: Double,
        best: (
            round: Int, model: ConsolidationModel, decision: ConsolidationModel.Decision,
            routed: Double, estimates: ConsolidationEstimates
        ),
        rounds: [ConsolidationRound], stop: ConsolidationStop, explain: Bool
    ) throws -> (ConsolidationOutcome, WeeklyPlan, ConsolidationEstimates) {
        let scenario = best.model.scenario
        let network = scenario.network
        let why = AllDirectComparison(bestRound: best.round, bestRouted: best.routed, allDirectRouted: routed)
        let explainer = ConsolidationExplainer(scenario: scenario, estimates: best.estimates, viaHub: [:])
        var flows = explain ? explainer.flows() : []
        for index in flows.indices { flows[index].allDirect = why }
        // The all-direct plan is no model's choice: it is reported for its routes.
        let hubs =
            explain
            ? scenario.hubs.map {
                HubChoice(
                    hub: $0, open: false, flows: 0, objectiveIfReversed: nil, verdict: .allDirectBetter(why),
                    chosenByModel: false, objectiveKind: scenario.objective)
            } : []
        var outcome = ConsolidationOutcome(
            status: best.decision.status, objective: nil, estimate: nil, objectiveKind: scenario.objective,
            directEstimate: best.model.model.objectiveConstant, viaHub: [:], flowsDirect: network.flows.count,
            forcedButImpossible: [],
            rounds: rounds, chosenRound: 0, stopReason: stop, flows: flows,
            suppliers: explain ? explainer.suppliers() : [], productGroups: explain ? explainer.productGroups() : [],
            hubs: hubs, model: best.model.model)
        outcome.allDirectReported = true
        // The best round's bound holds for every assignment under its estimates, all direct
        // among them: how far the model's best could lie below it.
        outcome.bound = best.decision.bound
        outcome.boundFromCutRelaxation = best.decision.boundFromCutRelaxation
        return (outcome, plan, best.model.estimates)
    }

    /// The all-in alternative: the model solved with every supplier that is free to join
    /// forced in, so that it picks each flow's best hub (and which hubs open) on `estimates`
    /// while keeping whole suppliers, capacities and flows no hub can take (those stay direct);
    /// with `onlyThrough`, among those hubs only. Nil when no supplier is free or the forced
    /// model has no solution (hub capacity). `warmStart` is a relaxation basis of the
    /// scenario's own model, which the forced one shares its variables with.
    static func allInCandidate(
        _ scenario: Scenario, onlyThrough hubs: [String]? = nil, estimates: ConsolidationEstimates,
        timeLimitSeconds: Double, warmStart: SimplexBasis? = nil
    ) throws -> ConsolidationModel.Decision? {
        guard scenario.network.flows.contains(where: { scenario.participation(of: $0) == .free }) else {
            return nil
        }
        var forced = scenario
        if let hubs { forced.hubs = hubs }
        if forced.defaultParticipation == .free { forced.defaultParticipation = .in }
        forced.supplierParticipation = forced.supplierParticipation.mapValues { $0 == .free ? .in : $0 }
        forced.productGroupParticipation = forced.productGroupParticipation.mapValues { $0 == .free ? .in : $0 }
        let model = try ConsolidationModel(scenario: forced, estimates: estimates)
        // Through a single hub every forced flow has one option: nothing to solve. Restricted
        // to some hubs, the model has other variables: its own start then.
        let decision =
            try model.forcedDecision()
            ?? model.solve(timeLimitSeconds: timeLimitSeconds, warmStart: hubs == nil ? warmStart : nil)
        return decision.status.hasSolution ? decision : nil
    }

    /// Suppliers the routed improvement step tries to switch, nearest-zero estimated saving
    /// first: each costs one routed plan (about 2 s on the campus network).
    static let improvementSwitches = 4

    /// Switches the routed improvement step routes side by side at first, and again after each
    /// switch it keeps (the batches double while none is kept): one per core of the 2-core
    /// machine it was measured on. All at once, the step took 0.67-0.70 s on the campus default
    /// (no switch kept; 1.23 s one by one) but 17.9 s on Cordaan's zone scenario (many kept;
    /// 8.0 s one by one), routing switches built from plans that no longer stood; in pairs,
    /// 0.66-0.71 s and 7.9-8.6 s.
    static let switchesSideBySide = 2

    /// Rounds in a row routed worse than the round before each, after which the rounds stop
    /// (``ConsolidationStop/rising``).
    static let risingRoundsLimit = 2

    /// How far behind all direct (a share of its routed objective) the best routed plan through
    /// a hub may be for the routed improvement step to start from it as well.
    static let hubStartMargin = 0.05

    /// Single flows the routed improvement step tries to switch after the suppliers.
    static let improvementFlowSwitches = 4

    /// Most times a round routes its plan again after moving flows direct for lack of hub
    /// vehicles; each pass moves at least one flow, and what is still short after the last
    /// stays unserved (and reported).
    static let fleetRepairPasses = 5

    /// The bundled flows of `plan` that a counted hub fleet had no vehicle for (an unserved hub
    /// delivery with the routing engine's reason "no vehicle left in the fleet"), each with its
    /// hub and the reason it goes direct. Flows of suppliers forced in stay (unserved): they
    /// may not go direct. With `whole_suppliers` the supplier's other flows at the hub go too.
    static func fleetShortage(
        _ plan: WeeklyPlan, viaHub: [Int: String], scenario: Scenario,
        round: Int
    ) -> [(flow: Int, hub: String, reason: Ineligibility)] {
        let network = scenario.network
        let fleet = scenario.hubFleetTypes.compactMap { type in
            scenario.hubFleetCounts[type.id].map { Ineligibility.CountedVehicles(count: $0, vehicleType: type.id) }
        }
        var moved: [Int: (hub: String, reason: Ineligibility)] = [:]
        for unserved in plan.unserved
        where scenario.hubs.contains(unserved.operatedBy)
            && unserved.reason == UnservedReason.fleetExhausted.rawValue
        {
            let reason = Ineligibility.hubFleetExhausted(
                hub: unserved.operatedBy, fleet: fleet, day: unserved.day, round: round)
            for delivery in unserved.deliveries
            where viaHub[delivery.flow] == unserved.operatedBy && moved[delivery.flow] == nil {
                let flow = network.flows[delivery.flow]
                guard scenario.participation(of: flow) != .in else { continue }
                let together =
                    scenario.wholeSuppliers
                    ? network.flows.filter { $0.supplier == flow.supplier && viaHub[$0.index] == unserved.operatedBy }
                    : [flow]
                for other in together where moved[other.index] == nil {
                    moved[other.index] = (unserved.operatedBy, reason)
                }
            }
        }
        return moved.sorted { $0.key < $1.key }.map { ($0.key, $0.value.hub, $0.value.reason) }
    }

    /// Each candidate hub with what its choice is worth: the model solved again with the hub's
    /// choice reversed (closed when the model opened it, open when it did not), and where the
    /// flows would go then. `chosenByModel` says whether the plan is the model's own optimum;
    /// a candidate or a switch reported for its routes may be beaten by the model's estimates.
    /// Each solve starts from `warmStart`, a relaxation basis of the model (the fixing row is
    /// added at its end).
    static func hubChoices(
        _ model: ConsolidationModel, viaHub: [Int: String], objective: Double?, chosenByModel: Bool = true,
        budget: TimeBudget, warmStart: SimplexBasis? = nil
    ) throws -> [HubChoice] {
        let scenario = model.scenario
        return try scenario.hubs.map { hub in
            let flows = viaHub.values.filter { $0 == hub }.count
            let isOpen = flows > 0
            let reversed = try model.fixing(hub: hub, open: !isOpen).solve(
                timeLimitSeconds: max(1, budget.secondsUntil(fraction: 1) / 4),
                warmStart: warmStart)
            var verdict = HubChoice.Verdict.reversalHasNoSolution
            if let alternative = reversed.objective, let objective {
                let reversal: HubChoice.Reversal
                if isOpen {
                    let moved = viaHub.filter { $0.value == hub }.keys
                    let elsewhere = moved.filter { reversed.viaHub[$0] != nil }.count
                    reversal = .closed(toOtherHubs: elsewhere, direct: moved.count - elsewhere)
                } else {
                    reversal = .opened(taking: reversed.viaHub.values.filter { $0 == hub }.count)
                }
                // The estimates can prefer the reversal when the solve stopped early, or when the
                // plan is not the model's choice but one whose routes beat it (`chosenByModel`).
                verdict =
                    alternative >= objective - 1e-6
                    ? .reversalCostsMore(by: alternative - objective, reversal)
                    : .reversalSaves(by: objective - alternative, reversal)
            }
            return HubChoice(
                hub: hub, open: isOpen, flows: flows, objectiveIfReversed: reversed.objective, verdict: verdict,
                chosenByModel: chosenByModel, objectiveKind: scenario.objective)
        }
    }
}

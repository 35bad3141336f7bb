import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// The rounds of solve, route and re-estimate on the small network.
@Suite("Consolidation rounds")
struct ConsolidationRoundsTests {
    /// Runs the baseline and the pilot estimates, lets `distort` spoil the estimates, and runs
    /// the rounds from there.
    ///
    /// With `fromAllDirect`, the rounds are given the routed baseline as the all-direct plan,
    /// as a plan's rounds are (the tests without it look at the rounds alone).
    static func rounds(
        scenarioPath: String = Fixture.smallScenario, fromAllDirect: Bool = false,
        distort: (inout ConsolidationEstimates) -> Void
    ) throws -> (Scenario, ConsolidationOutcome, WeeklyPlan, allDirect: WeeklyPlan) {
        var scenario = try ScenarioLoader.load(path: scenarioPath)
        scenario.consolidationIterations = 6
        let budget = TimeBudget(total: 600, start: .now)
        var statistics = Planner.RunStatistics()
        let setup = try Planner.prepare(
            scenario, baselineUntil: budget.deadline(atFraction: 0.35),
            pilotUntil: budget.deadline(atFraction: 0.55), statistics: &statistics)
        var estimates = setup.estimates
        distort(&estimates)
        let (outcome, plan, _) = try Planner.consolidate(
            scenario, estimates: estimates, directDays: setup.directDays, context: setup.context,
            budget: budget, allDirect: fromAllDirect ? setup.baseline : nil, statistics: &statistics)
        return (scenario, outcome, plan, setup.baseline)
    }

    /// Hub stops priced at a hundredth of the pilot's estimate make the first round bundle
    /// everything (model 391 EUR against 1,010 routed); its routes show what hub stops really
    /// cost, and the rounds move flows back until the choice repeats (five rounds, the last
    /// model value equal to its routes). The plan kept is the best routed one, here the first:
    /// estimates per stop are averages, so the converged choice need not be the best plan,
    /// which is why every round's plan is measured.
    @Test func roundsConvergeWhenTheFirstEstimateIsWrong() throws {
        let (scenario, outcome, plan, _) = try Self.rounds { estimates in
            for hub in estimates.hubStop.keys {
                estimates.hubStop[hub] = estimates.hubStop[hub]!.mapValues { $0 * 0.01 }
            }
        }
        // The model's rounds; candidates and switches routed beside them come after.
        let rounds = outcome.rounds.filter { $0.candidate == nil }
        #expect(rounds.first?.flowsViaHub == scenario.network.flows.count, "the distorted estimates bundle every flow")
        // The choice repeats: the previous round's (converged) or an earlier one's (a cycle);
        // which one depends on the routes of each round.
        #expect(outcome.stopReason == .converged || outcome.stopReason == .cycle)
        #expect(rounds.count >= 3)
        #expect(rounds.dropFirst().contains { $0.flowsChanged > 0 }, "a later round must change the choice")
        let first = try #require(rounds.first?.routedObjective)
        let chosen = try #require(outcome.rounds.first { $0.number == outcome.chosenRound }?.routedObjective)
        #expect(chosen <= first)
        // The rounds corrected the distorted estimate: the last round's model value is close to
        // routed values (trunk trips are continuous in the model and whole in the plan).
        let last = try #require(rounds.last), repeated = try #require(rounds.dropLast().last?.routedObjective)
        #expect(abs(try #require(last.modelObjective) - repeated) < 0.1 * repeated)
        #expect(abs(scenario.objective.value(of: plan.totals) - chosen) < 1e-6)
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(of: plan, scenario: scenario, matrix: matrix, viaHub: outcome.viaHub) == [])
    }

    /// Rounds that route worse than all direct and then worse again stop (``ConsolidationStop/rising``):
    /// the hub stops priced at a hundredth of the pilot's estimate (as above) with the hub's
    /// weekly cost raised from 100 to 300 EUR make the first round bundle everything and route
    /// above all direct, and the second, nearer the routes, route worse again. Given no
    /// all-direct plan, the same rounds go on until the choice repeats.
    @Test func roundsRoutedWorseThanAllDirectAndAgainStop() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "fixed_cost_per_week: 100", with: "fixed_cost_per_week: 300")
        let path = folder.appendingPathComponent("scenario.yaml").path
        let cheapStops = { (estimates: inout ConsolidationEstimates) in
            for hub in estimates.hubStop.keys {
                estimates.hubStop[hub] = estimates.hubStop[hub]!.mapValues { $0 * 0.01 }
            }
        }
        let (scenario, outcome, plan, allDirect) = try Self.rounds(
            scenarioPath: path, fromAllDirect: true, distort: cheapStops)
        #expect(outcome.stopReason == .rising)
        let rounds = outcome.rounds.filter { $0.candidate == nil }.compactMap(\.routedObjective)
        let direct = scenario.objective.value(of: allDirect.totals)
        #expect(rounds.count == Planner.risingRoundsLimit, "\(outcome.rounds)")
        #expect(zip([direct] + rounds, rounds).allSatisfy { $0 < $1 }, "\(rounds) from \(direct)")
        // All direct is reported: every routed plan through the hub costs more.
        #expect(outcome.viaHub.isEmpty)
        #expect(abs(scenario.objective.value(of: plan.totals) - direct) < 1e-6)

        let (_, alone, _, _) = try Self.rounds(scenarioPath: path, distort: cheapStops)
        #expect(alone.stopReason != .rising)
        #expect(alone.rounds.filter { $0.candidate == nil }.count > Planner.risingRoundsLimit, "\(alone.rounds)")
    }

    /// The reported row is the best routed one, and the model's rounds stop at the limit at the
    /// latest.
    @Test func theBestRoutedRoundIsReported() throws {
        let (scenario, outcome, _, _) = try Self.rounds { estimates in
            for flow in estimates.direct.indices { estimates.direct[flow] = estimates.direct[flow] * 0.2 }
        }
        let routed = outcome.rounds.compactMap(\.routedObjective)
        let chosen = try #require(outcome.rounds.first { $0.number == outcome.chosenRound }?.routedObjective)
        #expect(chosen == routed.min())
        #expect(outcome.rounds.filter { $0.candidate == nil }.count <= scenario.consolidationIterations)
        #expect(outcome.rounds.map(\.number) == Array(1...outcome.rounds.count))
    }

    /// A weighted objective (cost plus 0.5 EUR per kg CO2e) is the weighted sum of the plan's
    /// figures, and it bundles at least as much as cost alone (bundling saves CO2e here).
    @Test func weightedObjectiveWeighsCostAndCO2e() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: [
            ("objective: cost", "objective: {cost: 1, co2e: 0.5}")
        ])
        #expect(scenario.objective == ObjectiveWeights(perEur: 1, perKgCO2e: 0.5))
        #expect(scenario.objective.name == "weighted")
        let round = try #require(result.consolidation.rounds.first { $0.number == result.consolidation.chosenRound })
        let totals = result.bundled.totals
        #expect(abs(try #require(round.routedObjective) - (totals.costEur + 0.5 * totals.co2eWtwKg)) < 1e-6)
        let (_, costOnly) = try PlannerEndToEndTests.planSmall()
        #expect(result.consolidation.flowsViaHub >= costOnly.consolidation.flowsViaHub)
    }
}

/// Two candidate hubs on the small network.
@Suite("Hub choice")
struct HubChoiceTests {
    /// A copy of the small network with a second candidate hub `west` near the parcel
    /// carrier's depot, both in its scenario; the caller removes the folder.
    static func twoHubFolder() throws -> URL {
        let folder = try Fixture.copyOfSmall()
        try Fixture.edit(
            folder, "network.yaml", replacing: "vehicle_types:",
            with: """
                  - id: west
                    name: Second candidate hub
                    lat: 52.3960
                    lon: 4.8290
                    fixed_cost_per_week: 100
                    handling_cost: {cages: 2}
                    capacity_per_week: {kg: 50000, cages: 500}
                    unload_minutes: 20
                vehicle_types:
                """)
        try Fixture.edit(folder, "scenario.yaml", replacing: "hubs: [hub]", with: "hubs: [hub, west]")
        return folder
    }

    static func twoHubs() throws -> Scenario {
        let folder = try twoHubFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
    }

    /// Every candidate gets a reason, and reversing any hub's choice is no better for the
    /// model (solved again with that hub closed, or forced open) when the plan is the model's
    /// own choice; when a candidate or switch was reported for its routes, a reversal the
    /// estimates prefer says that the routes overrule them.
    @Test func eachCandidateHubHasAChoiceAndAReason() throws {
        let scenario = try Self.twoHubs()
        let result = try Planner.plan(scenario)
        let outcome = result.consolidation
        #expect(outcome.hubs.map(\.hub) == ["hub", "west"])
        let objective = try #require(outcome.objective)
        let chosenByModel = outcome.rounds.first { $0.number == outcome.chosenRound }?.candidate == nil
        for choice in outcome.hubs {
            #expect(choice.open == outcome.viaHub.values.contains(choice.hub))
            #expect(choice.flows == outcome.viaHub.values.filter { $0 == choice.hub }.count)
            let reversed = try #require(choice.objectiveIfReversed)
            if chosenByModel || reversed >= objective - 1e-6 {
                #expect(reversed >= objective - 1e-6, "\(choice.reason)")
            } else {
                #expect(choice.reason.contains("which the reported plan's routes overrule"), "\(choice.reason)")
            }
            #expect(choice.reason.hasPrefix(choice.open ? "opened for" : "not opened"))
        }
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix, viaHub: outcome.viaHub) == [])
    }
}

/// The plan is never beaten by the obvious alternative of sending every flow that may go
/// through a hub (issue 14): that assignment is routed beside the rounds and reported when its
/// routes are better.
@Suite("All-in candidate")
struct AllInCandidateTests {
    /// On the small network the rounds' best routed plan takes 11 of the 12 flows (1,019.99
    /// EUR); all 12 through the hub route to 1,012 EUR, and that plan is the one reported.
    @Test func theAllInPlanIsReportedWhenItsRoutesAreBetter() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let outcome = result.consolidation
        let candidate = try #require(outcome.rounds.first { $0.candidate == "all-in" })
        #expect(candidate.flowsViaHub == 12)
        #expect(outcome.chosenRound == candidate.number)
        #expect(outcome.viaHub.count == 12)
        let routed = try #require(candidate.routedObjective)
        for round in outcome.rounds where round.candidate == nil {
            if let other = round.routedObjective { #expect(routed < other) }
        }
        #expect(abs(scenario.objective.value(of: result.bundled.totals) - routed) < 1e-6)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(SummaryTable.render(result).contains("plan of the all-in candidate reported"))
    }

    /// Explanations the routes confirm: every supplier of the small network free to switch
    /// (fewer than ten) gets a routed saving, the plan routed again with it switched, with the
    /// sign of a saving (the reported plan is the best routed one, so bundling each of its
    /// suppliers saves or costs nothing on the routes, never the reverse); where the improvement
    /// step routed the same switch its row says the same; the hub's routed value is stated.
    @Test func rankedSuppliersCarryTheirRoutedSaving() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let outcome = result.consolidation
        let reported = scenario.objective.value(of: result.bundled.totals)
        let free = outcome.suppliers.filter { scenario.participation(ofSupplier: $0.id) == .free }
        #expect(!free.isEmpty && free.count <= RoutedExplanations.rankedSuppliers)
        for supplier in free {
            let routed = try #require(supplier.routedSaving, "\(supplier.id) has no routed saving")
            // All 12 flows go through the hub: switching a supplier sends its flows direct,
            // and a routed plan without it is never cheaper than the best routed plan.
            #expect(supplier.flowsViaHub > 0 && routed >= -1e-6, "\(supplier.id): \(routed)")
            if let row = outcome.rounds.first(where: { $0.candidate == "switch \(supplier.id) direct" }),
                let value = row.routedObjective
            {
                #expect(abs(routed - (value - reported)) < 1e-6)
            }
        }
        let hub = try #require(outcome.hubs.first)
        #expect(hub.routedIfReversed != nil && hub.reason.contains("by the routes, closing it costs"))
        #expect(SummaryTable.render(result).contains("routed: the plan routed again with the supplier switched"))
    }

    /// With two candidate hubs each hub alone is a candidate too (unless it repeats an
    /// assignment already routed), and the reported plan is never worse than any routed row.
    /// The second hub sits in Westpoort, far from the sites.
    @Test func eachHubAloneIsACandidateWithSeveralHubs() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "vehicle_types:\n",
            with: """
                  - {id: hub2, name: Second hub, lat: 52.3960, lon: 4.8290, fixed_cost_per_week: 100, handling_cost: {cages: 2}, unload_minutes: 20}
                vehicle_types:

                """)
        try Fixture.edit(folder, "scenario.yaml", replacing: "hubs: [hub]", with: "hubs: [hub, hub2]")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let outcome = result.consolidation
        let labels = outcome.rounds.compactMap(\.candidate).filter { $0.hasPrefix("all-in") }
        #expect(Set(labels).isSubset(of: ["all-in", "all-in via hub", "all-in via hub2"]))
        // All 12 flows through `hub` and all 12 through `hub2` are both routed, each as a round
        // or as a candidate (a repeat is not routed twice).
        #expect(
            outcome.rounds.filter { $0.flowsViaHub == 12 && $0.routedObjective != nil }.count >= 2, "\(outcome.rounds)")
        for round in outcome.rounds where round.candidate?.hasPrefix("all-in via ") == true {
            let hub = String(round.candidate!.dropFirst("all-in via ".count))
            #expect(round.flowsViaHub > 0 && scenario.hubs.contains(hub))
        }
        let reported = scenario.objective.value(of: result.bundled.totals)
        for round in outcome.rounds where round.unservedDeliveries <= result.bundled.unserved.count {
            if let routed = round.routedObjective { #expect(reported <= routed + 1e-6) }
        }
    }

    /// The routed improvement step switches the suppliers whose estimated saving is nearest
    /// zero, each routed once, and keeps a switch only when its routes are better: the plan
    /// reported is never worse than any routed row. On the small network no switch beats the
    /// all-in plan (parcels direct 1,031, near direct 1,120, far direct 1,365 EUR).
    @Test func switchesAreRoutedAndKeptOnlyWhenBetter() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let outcome = result.consolidation
        let switches = outcome.rounds.filter {
            $0.candidate?.hasPrefix("switch ") == true && $0.candidate?.hasPrefix("switch flow ") == false
        }
        #expect((1...Planner.improvementSwitches).contains(switches.count), "\(outcome.rounds)")
        let free = Set(scenario.network.suppliers.map(\.id))
        for row in switches {
            let words = try #require(row.candidate?.split(separator: " ").map(String.init))
            #expect(words.count == 3 && free.contains(words[1]) && ["in", "direct"].contains(words[2]))
            #expect(row.routedObjective != nil)
        }
        // Then single flows, each one flow away from the plan reached by the supplier switches.
        let flowSwitches = outcome.rounds.filter { $0.candidate?.hasPrefix("switch flow ") == true }
        #expect((1...Planner.improvementFlowSwitches).contains(flowSwitches.count), "\(outcome.rounds)")
        let pairs = Set(scenario.network.flows.map { "\($0.supplier)->\($0.site)" })
        for row in flowSwitches {
            let words = try #require(row.candidate?.split(separator: " ").map(String.init))
            #expect(words.count == 4 && pairs.contains(words[2]) && ["in", "direct"].contains(words[3]))
            #expect(row.flowsChanged == 1 && row.routedObjective != nil)
        }
        let reported = scenario.objective.value(of: result.bundled.totals)
        for row in outcome.rounds where row.unservedDeliveries <= result.bundled.unserved.count {
            if let routed = row.routedObjective { #expect(reported <= routed + 1e-6) }
        }
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
    }

    /// A copy of the small network with a local bakery beside site 6 that delivers twice a week
    /// to site 4 (south), 300 kg in 2 roll cages; the caller removes the folder.
    static func bakeryNetwork() throws -> URL {
        let folder = try Fixture.copyOfSmall()
        try Fixture.edit(
            folder, "suppliers.csv", replacing: "parcels,Parcel carrier,parcels,westpoort,52.3990,4.8180,van,2",
            with:
                "parcels,Parcel carrier,parcels,westpoort,52.3990,4.8180,van,2\nlocal,Local bakery,food,west,52.3650,4.8040,van,1"
        )
        try Fixture.edit(
            folder, "flows.csv", replacing: "parcels,s6,5,40,0.5", with: "parcels,s6,5,40,0.5\nlocal,s4,2,300,2")
        return folder
    }

    /// A case where one supplier switched beats every round and the all-in plan: a local
    /// bakery beside site 6 delivers twice a week to site 4 (south), 300 kg in 2 roll cages. The
    /// rounds keep two flows direct (best routed 1,076 EUR), the all-in candidate routes all 13
    /// through the hub (1,070), and the improvement step, starting from the all-in plan, routes
    /// the bakery direct: 1,068 EUR. That plan is reported, with the bakery's flow direct.
    @Test func aSupplierSwitchIsReportedWhenItsRoutesAreBetter() throws {
        let folder = try Self.bakeryNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let outcome = result.consolidation
        let chosen = try #require(outcome.rounds.first { $0.number == outcome.chosenRound })
        #expect(chosen.candidate == "switch local direct", "\(outcome.rounds)")
        let bakery = try #require(scenario.network.flows.first { $0.supplier == "local" })
        #expect(outcome.viaHub[bakery.index] == nil && outcome.viaHub.count == 12)
        // Better than every round and the all-in candidate, by its own routes.
        let routed = try #require(chosen.routedObjective)
        #expect(abs(scenario.objective.value(of: result.bundled.totals) - routed) < 1e-6)
        let allIn = try #require(outcome.rounds.first { $0.candidate == "all-in" }?.routedObjective)
        #expect(routed < allIn)
        for round in outcome.rounds where round.candidate == nil {
            if let other = round.routedObjective { #expect(routed < other) }
        }
        #expect(SummaryTable.render(result).contains("plan of the switch local direct reported"))
    }

    /// The improvement step starts from the best routed plan through a hub as well when all
    /// direct is best but that plan is close: the bakery network of the test above with the
    /// hub's weekly cost raised from 100 to 268.5 EUR. Every round and the all-in candidate
    /// (1,238.38 EUR) now lose to all direct (1,237.15), and from all direct no supplier
    /// switched in pays for the hub alone; from the all-in plan, the bakery switched direct
    /// gives 1,236.19, which beats all direct and is reported (before, the plan said deliver
    /// direct, the best plan through the hub 64 EUR a year behind).
    @Test func switchesStartFromACloseHubPlanWhenAllDirectIsBest() throws {
        let folder = try Self.bakeryNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "fixed_cost_per_week: 100", with: "fixed_cost_per_week: 268.5")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let outcome = result.consolidation
        let direct = scenario.objective.value(of: result.baseline.totals)
        // All direct beats every round and the all-in candidate, and every switch from it.
        for row in outcome.rounds where row.candidate?.hasSuffix(" direct") != true {
            if let routed = row.routedObjective { #expect(routed > direct, "\(row)") }
        }
        #expect(outcome.rounds.contains { $0.candidate?.hasSuffix(" in") == true })
        let allIn = try #require(outcome.rounds.first { $0.candidate == "all-in" }?.routedObjective)
        #expect(allIn - direct <= Planner.hubStartMargin * direct)
        let chosen = try #require(outcome.rounds.first { $0.number == outcome.chosenRound })
        #expect(chosen.candidate == "switch local direct", "\(outcome.rounds)")
        let reported = scenario.objective.value(of: result.bundled.totals)
        #expect(reported < direct && abs(reported - (chosen.routedObjective ?? .nan)) < 1e-6)
        let bakery = try #require(scenario.network.flows.first { $0.supplier == "local" })
        #expect(outcome.viaHub[bakery.index] == nil && outcome.viaHub.count == 12)
    }

    /// The model's all-direct estimate is set beside the routed baseline (issue 14): on the
    /// small network the rounds' estimates of direct delivery have moved from the baseline's
    /// routes, and the summary says by how much, in the objective's unit and in percent.
    @Test func theAllDirectEstimateIsComparedWithTheRoutedBaseline() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let outcome = result.consolidation
        let baseline = scenario.objective.value(of: result.baseline.totals)
        let difference = outcome.directEstimate - baseline
        // 1,271 against 1,181 EUR a week: the estimates are 7.7 % above the routes.
        #expect(difference > 0.5)
        let percent = NumberFormat.grouped(difference / baseline * 100, decimals: 1)
        let expected =
            "; the routed baseline \(NumberFormat.grouped(baseline, decimals: 0)), the estimates \(percent) % above it)"
        #expect(SummaryTable.render(result).contains(expected), "\(expected) not in the summary")
    }

    /// Issue 14's promise on the three networks' default scenarios: the reported plan is never
    /// worse by the objective than delivering all direct (the baseline's routes) or sending
    /// every flow that may go through its best hub (the all-in candidate), both routed by bundel
    /// itself, and it passes the validator; its emissions allocate to its flows without loss
    /// either way. With 300 iterations per day problem instead of
    /// 3,000, so that the three plans fit a test run; the comparison holds at any count.
    @Test(arguments: ["amsterdam-campuses/hub-duivendrecht", "cordaan/hub", "zuidas/hub-westpoort"])
    func defaultScenariosAreNeverBeatenByAllInOrAllDirect(scenario name: String) throws {
        let path = Fixture.folder.appendingPathComponent("../../../scenarios/\(name).yaml").standardized.path
        var scenario = try ScenarioLoader.load(path: path)
        scenario.routingIterations = 300
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let reported = scenario.objective.value(of: result.bundled.totals)
        #expect(reported <= scenario.objective.value(of: result.baseline.totals) + 1e-6)
        // (A round that chose the all-in assignment itself would stand in for the candidate; on
        // these networks none does.)
        let allIn = try #require(
            result.consolidation.rounds.first { $0.candidate == "all-in" }?.routedObjective,
            "no all-in candidate was routed: \(result.consolidation.rounds)")
        #expect(reported <= allIn + 1e-6)
        // Allocating by the shortest or the ridden distance moves emissions between flows but
        // leaves both plans' totals as they are (issue 17's check on the shipped networks).
        #expect(EmissionAllocationTests.expectAllocationKeepsTotals(result))
    }

    /// Nobody free to join: no candidate to route.
    @Test func noCandidateWhenEverySupplierIsForced() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall(editing: [("  default: free", "  default: in")])
        #expect(!result.consolidation.rounds.contains { $0.candidate != nil })
    }
}

import BundelLP
import BundelReports
import Testing

@testable import BundelPlanner

/// The consolidation MIP against answers found without it: hand-computed optima and brute
/// force over every assignment of a small instance with seeded random estimates.
@Suite("Consolidation model")
struct ConsolidationModelTests {
    /// A deterministic generator for the synthetic estimates (a 64-bit linear congruential one).
    struct Numbers {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Double>) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Double(state >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
    }

    /// The small fixture cut to its first `flowCount` flows, with a second hub `west` and
    /// random estimates: every flow may use every hub.
    static func instance(seed: UInt64, flowCount: Int = 8) throws -> (Scenario, ConsolidationEstimates) {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        scenario.network.flows = Array(scenario.network.flows.prefix(flowCount))
        var west = scenario.network.hubs[0]
        west.id = "west"
        west.fixedCostPerWeek = 60
        scenario.network.hubs.append(west)
        scenario.hubs = ["hub", "west"]
        var numbers = Numbers(state: seed)
        let network = scenario.network
        var estimates = ConsolidationEstimates(
            direct: network.flows.map { _ in Metrics(costEur: numbers.next(20...120)) },
            hubStop: [:], trunkTrip: [:], trunkCapacity: [:])
        for hub in scenario.hubs {
            estimates.hubStop[hub] = Dictionary(
                uniqueKeysWithValues: network.sites.map { ($0.id, Metrics(costEur: numbers.next(5...30))) })
            estimates.trunkTrip[hub] = Dictionary(
                uniqueKeysWithValues: network.suppliers.map { ($0.id, Metrics(costEur: numbers.next(10...60))) })
        }
        for supplier in network.suppliers { estimates.trunkCapacity[supplier.id] = [1000, 6] }
        return (scenario, estimates)
    }

    /// Whether an assignment keeps the rules, checked flow by flow without the model.
    static func allowed(_ viaHub: [Int: String], scenario: Scenario) -> Bool {
        let network = scenario.network
        for flow in network.flows {
            switch scenario.participation(of: flow) {
            case .out where viaHub[flow.index] != nil: return false
            case .in where viaHub[flow.index] == nil: return false
            default: break
            }
        }
        for hub in network.hubs where scenario.hubs.contains(hub.id) {
            let flows = network.flows.filter { viaHub[$0.index] == hub.id }
            for dimension in network.dimensions.indices
            where flows.map({ $0.weeklyQuantity[dimension] }).reduce(0, +) > hub.capacityPerWeek[dimension] + 1e-9 {
                return false
            }
        }
        // Whole suppliers join with every flow that may go through a hub: a product group kept
        // out stays direct without holding the rest back.
        if scenario.wholeSuppliers {
            for supplier in network.suppliers
            where Set(
                network.flows.filter { $0.supplier == supplier.id && scenario.participation(of: $0) != .out }
                    .map { viaHub[$0.index] ?? "direct" }
            ).count > 1 {
                return false
            }
        }
        return true
    }

    /// Calls `body` with every assignment of the scenario's flows to a hub or direct.
    static func forEveryAssignment(_ scenario: Scenario, _ body: ([Int: String]) throws -> Void) rethrows {
        let options: [String?] = [nil] + scenario.hubs.map { $0 }
        let flowCount = scenario.network.flows.count
        var code = [Int](repeating: 0, count: flowCount)
        while true {
            var viaHub: [Int: String] = [:]
            for (flow, option) in code.enumerated() { if let hub = options[option] { viaHub[flow] = hub } }
            try body(viaHub)
            var position = 0
            while position < flowCount, code[position] == options.count - 1 {
                code[position] = 0
                position += 1
            }
            if position == flowCount { return }
            code[position] += 1
        }
    }

    /// The best allowed assignment by ``AssignmentValue``, trying all of them.
    static func bruteForce(
        _ scenario: Scenario, _ estimates: ConsolidationEstimates
    ) -> (value: Double, viaHub: [Int: String])? {
        var best: (value: Double, viaHub: [Int: String])?
        forEveryAssignment(scenario) { viaHub in
            guard allowed(viaHub, scenario: scenario) else { return }
            let value = AssignmentValue(viaHub, scenario: scenario, estimates: estimates).total.value(
                scenario.objective)
            if best == nil || value < best!.value - 1e-9 { best = (value, viaHub) }
        }
        return best
    }

    /// The all-in candidate through one hub has nothing to choose: its decision without a solve
    /// equals branch and cut's (same flows, same value), with whole suppliers or not, with whole
    /// vehicle-days; a hub capacity it breaks makes it infeasible, as the solve finds; with two
    /// hubs to choose from it must be solved.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func theAllInCandidateThroughOneHubNeedsNoSolve(seed: UInt64) throws {
        let (two, random) = try Self.instance(seed: seed)
        var single = two
        single.hubs = ["west"]
        single.defaultParticipation = .in
        var whole = single
        whole.wholeSuppliers = true
        var capped = single
        capped.network.hubs[1].capacityPerWeek = [300, .infinity]
        var outcomes: Set<Bool> = []
        for scenario in [single, whole, capped] {
            for estimates in [random, Self.withVehicleDays(scenario, random, seed: seed)] {
                let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
                let forced = try #require(model.forcedDecision())
                outcomes.insert(forced.status.hasSolution)
                let solved = try model.solve(timeLimitSeconds: 30, relativeGap: 1e-9)
                #expect(forced.status.hasSolution == solved.status.hasSolution)
                guard solved.status.hasSolution else {
                    #expect(forced.status == .infeasible)
                    continue
                }
                #expect(forced.status == .optimal && forced.viaHub == solved.viaHub)
                let value = try #require(solved.objective)
                #expect(abs(try #require(forced.objective) - value) < 1e-6 * max(1, abs(value)))
            }
        }
        #expect(outcomes == [true, false], "both a feasible and a capacity-breaking all-in should be met")
        var choice = two
        choice.defaultParticipation = .in
        #expect(try ConsolidationModel(scenario: choice, estimates: random).forcedDecision() == nil)
        #expect(try ConsolidationModel(scenario: two, estimates: random).forcedDecision() == nil)
    }

    /// Branch and cut's starting solutions: every assignment the rules allow gives a solution
    /// of the model worth exactly its ``AssignmentValue``, and every other assignment none,
    /// over every assignment of six flows to two hubs or direct, with whole suppliers or not,
    /// a binding hub capacity and whole vehicle-days.
    @Test(arguments: [1, 2] as [UInt64])
    func startingSolutionsAreTheAssignmentsTheRulesAllow(seed: UInt64) throws {
        let (plain, random) = try Self.instance(seed: seed, flowCount: 6)
        var whole = plain
        whole.wholeSuppliers = true
        var capped = plain
        capped.network.hubs[1].capacityPerWeek = [300, .infinity]
        var forced = plain
        forced.supplierParticipation[plain.network.flows[0].supplier] = .in
        for scenario in [plain, whole, capped, forced] {
            for estimates in [random, Self.withVehicleDays(scenario, random, seed: seed)] {
                let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
                var allowedCount = 0
                Self.forEveryAssignment(scenario) { viaHub in
                    let values = model.startingValues(for: viaHub)
                    let allowed = Self.allowed(viaHub, scenario: scenario)
                    #expect((values != nil) == allowed, "\(viaHub)")
                    guard let values else { return }
                    allowedCount += 1
                    let value = AssignmentValue(viaHub, scenario: scenario, estimates: estimates).total.value(
                        scenario.objective)
                    #expect(abs(model.objective(at: values) - value) < 1e-6 * max(1, abs(value)))
                }
                #expect(allowedCount > 1)
                // Started from one of them (the cheapest of all direct and all in), branch and
                // cut still ends at the optimum.
                let decision = try model.solve(timeLimitSeconds: 30, relativeGap: 1e-9)
                #expect(decision.status == .optimal)
                #expect(
                    abs(try #require(decision.objective) - Self.bruteForce(scenario, estimates)!.value) < 1e-6
                        * max(1, abs(decision.objective!)))
            }
        }
    }

    static func solve(_ scenario: Scenario, _ estimates: ConsolidationEstimates) throws -> ConsolidationModel.Decision {
        // To the last cent, to compare with brute force.
        try ConsolidationModel(scenario: scenario, estimates: estimates).solve(timeLimitSeconds: 30, relativeGap: 1e-9)
    }

    /// The optimum equals brute force, and the solver's value equals the direct evaluation of
    /// its own assignment.
    static func expectOptimal(
        _ scenario: Scenario, _ estimates: ConsolidationEstimates,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ConsolidationModel.Decision {
        let decision = try solve(scenario, estimates)
        #expect(decision.status == .optimal, sourceLocation: sourceLocation)
        let objective = try #require(decision.objective, sourceLocation: sourceLocation)
        let best = try #require(bruteForce(scenario, estimates), sourceLocation: sourceLocation)
        #expect(
            abs(objective - best.value) < 1e-6 * max(1, abs(best.value)), "MIP \(objective), brute force \(best.value)",
            sourceLocation: sourceLocation)
        let evaluated = AssignmentValue(decision.viaHub, scenario: scenario, estimates: estimates).total.value(
            scenario.objective)
        #expect(abs(evaluated - objective) < 1e-6 * max(1, abs(objective)), sourceLocation: sourceLocation)
        #expect(allowed(decision.viaHub, scenario: scenario), sourceLocation: sourceLocation)
        return decision
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func freeSuppliersAndTwoHubsMatchBruteForce(seed: UInt64) throws {
        let (scenario, estimates) = try Self.instance(seed: seed)
        _ = try Self.expectOptimal(scenario, estimates)
    }

    /// A solve that starts from another solve's relaxation basis (as each round starts from
    /// the one before, with other estimates, and a hub's reversal from the round's model with a
    /// row added) still reaches the brute-force optimum.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func warmStartedSolvesMatchBruteForce(seed: UInt64) throws {
        let (scenario, earlier) = try Self.instance(seed: seed)
        let basis = try #require(try Self.solve(scenario, earlier).relaxationBasis)
        let (_, estimates) = try Self.instance(seed: seed + 100)
        let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
        let warm = try model.solve(timeLimitSeconds: 30, relativeGap: 1e-9, warmStart: basis)
        let best = try #require(Self.bruteForce(scenario, estimates))
        #expect(warm.status == .optimal)
        #expect(abs(try #require(warm.objective) - best.value) < 1e-6 * max(1, abs(best.value)))
        let westOpen = best.viaHub.values.contains("west")
        let fixed = try model.fixing(hub: "west", open: !westOpen)
            .solve(timeLimitSeconds: 30, relativeGap: 1e-9, warmStart: try #require(warm.relaxationBasis))
        #expect(fixed.status == .optimal)
        let fixedValue = try #require(fixed.objective)
        // By brute force over the assignments that keep west's reversal.
        var reversedBest = Double.infinity
        Self.forEveryAssignment(scenario) { viaHub in
            guard Self.allowed(viaHub, scenario: scenario), viaHub.values.contains("west") == !westOpen else { return }
            reversedBest = min(
                reversedBest,
                AssignmentValue(viaHub, scenario: scenario, estimates: estimates).total.value(scenario.objective))
        }
        // Fixed open with no flow through it pays the fixed cost all the same.
        if !westOpen { reversedBest = min(reversedBest, best.value + scenario.network.hubs[1].fixedCostPerWeek) }
        #expect(
            abs(fixedValue - reversedBest) < 1e-6 * max(1, abs(reversedBest)),
            "warm \(fixedValue), brute force \(reversedBest)")
    }

    /// Hub capacity for a third of the weight: the unconstrained optimum breaks it, so the
    /// capacity rows decide.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func bindingHubCapacityMatchesBruteForce(seed: UInt64) throws {
        var (scenario, estimates) = try Self.instance(seed: seed)
        // Free hubs make bundling everything the unconstrained optimum.
        for hub in scenario.network.hubs.indices { scenario.network.hubs[hub].fixedCostPerWeek = 0 }
        let free = try #require(Self.bruteForce(scenario, estimates))
        let total = scenario.network.flows.map { $0.weeklyQuantity[0] }.reduce(0, +)
        for hub in scenario.network.hubs.indices {
            scenario.network.hubs[hub].capacityPerWeek = [total / 3, .infinity]
        }
        #expect(!Self.allowed(free.viaHub, scenario: scenario), "the capacity must bind for this test to mean anything")
        let decision = try Self.expectOptimal(scenario, estimates)
        for hub in scenario.hubs {
            let load = scenario.network.flows.filter { decision.viaHub[$0.index] == hub }.map { $0.weeklyQuantity[0] }
                .reduce(0, +)
            #expect(load <= total / 3 + 1e-6)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func supplierForcedOutStaysDirect(seed: UInt64) throws {
        var (scenario, estimates) = try Self.instance(seed: seed)
        // Make bundling `far` attractive, so that only the rule keeps it out.
        for flow in scenario.network.flows where flow.supplier == "far" {
            estimates.direct[flow.index] = Metrics(costEur: 500)
        }
        scenario.supplierParticipation["far"] = .out
        let decision = try Self.expectOptimal(scenario, estimates)
        #expect(scenario.network.flows.filter { $0.supplier == "far" }.allSatisfy { decision.viaHub[$0.index] == nil })
        #expect(!decision.viaHub.isEmpty)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func supplierForcedInIsBundled(seed: UInt64) throws {
        var (scenario, estimates) = try Self.instance(seed: seed)
        // Make bundling `near` unattractive, so that only the rule brings it in.
        for flow in scenario.network.flows where flow.supplier == "near" {
            estimates.direct[flow.index] = Metrics(costEur: 1)
        }
        scenario.supplierParticipation["near"] = .in
        let decision = try Self.expectOptimal(scenario, estimates)
        #expect(scenario.network.flows.filter { $0.supplier == "near" }.allSatisfy { decision.viaHub[$0.index] != nil })
    }

    /// Tender clauses by product group act flow by flow: with whole suppliers, a group kept out
    /// stays direct while its suppliers' other flows join all or none; a group forced in
    /// brings its flows (and with whole suppliers their suppliers' other flows) in.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func productGroupParticipationMatchesBruteForce(seed: UInt64) throws {
        var (scenario, estimates) = try Self.instance(seed: seed)
        scenario.wholeSuppliers = true
        for index in scenario.network.flows.indices where index % 2 == 0 {
            scenario.network.flows[index].productGroup = "special"
        }
        let special = scenario.network.flows.filter { $0.productGroup == "special" }
        scenario.productGroupParticipation = ["special": .out]
        let kept = try Self.expectOptimal(scenario, estimates)
        #expect(special.allSatisfy { kept.viaHub[$0.index] == nil })
        scenario.productGroupParticipation = ["special": .in]
        let forced = try Self.expectOptimal(scenario, estimates)
        #expect(special.allSatisfy { forced.viaHub[$0.index] != nil })
        // A supplier's own setting overrides its group's.
        let supplier = special[0].supplier
        scenario.supplierParticipation[supplier] = .out
        let overridden = try Self.expectOptimal(scenario, estimates)
        #expect(
            scenario.network.flows.filter { $0.supplier == supplier }.allSatisfy { overridden.viaHub[$0.index] == nil })
    }

    /// All or nothing per supplier: the brute force only accepts assignments where each
    /// supplier's flows share one choice; one flow that does not pay on its own is carried
    /// along with its supplier.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func wholeSuppliersMatchBruteForce(seed: UInt64) throws {
        var (scenario, estimates) = try Self.instance(seed: seed)
        scenario.wholeSuppliers = true
        let decision = try Self.expectOptimal(scenario, estimates)
        for supplier in scenario.network.suppliers {
            #expect(
                Set(
                    scenario.network.flows.filter { $0.supplier == supplier.id }.map {
                        decision.viaHub[$0.index] ?? "direct"
                    }
                ).count == 1)
        }
    }

    /// A site with three bundled flows, each twice a week, gets two hub deliveries a week, not
    /// six: the objective is 2 stops x 10 + trunk trips (1 + 1 + 2, the minimum per supplier) x 5
    /// + handling 3 cages x 2 EUR + the hub's fixed 100 EUR = 146.
    @Test func threeFlowsAtOneSiteTwiceAWeekMakeTwoHubStops() throws {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        scenario.network.flows = ["far", "near", "parcels"].enumerated().map { index, supplier in
            Flow(index: index, supplier: supplier, site: "s1", deliveriesPerWeek: 2, weeklyQuantity: [100, 1])
        }
        scenario.defaultParticipation = .in
        let estimates = ConsolidationEstimates(
            direct: [Metrics(costEur: 40), Metrics(costEur: 50), Metrics(costEur: 60)],
            hubStop: ["hub": ["s1": Metrics(costEur: 10)]],
            trunkTrip: [
                "hub": ["far": Metrics(costEur: 5), "near": Metrics(costEur: 5), "parcels": Metrics(costEur: 5)]
            ],
            trunkCapacity: ["far": [1000, 6], "near": [1000, 6], "parcels": [1000, 6]])
        let decision = try Self.solve(scenario, estimates)
        #expect(decision.status == .optimal)
        #expect(decision.viaHub.count == 3)
        #expect(abs(try #require(decision.objective) - 146) < 1e-6)
        #expect(abs(try #require(decision.metrics).costEur - 146) < 1e-6)
    }

    /// A flow the hub fleet cannot serve stays out of the model, however attractive.
    @Test func aSiteWithoutHubEstimateCannotBeBundled() throws {
        var (scenario, estimates) = try Self.instance(seed: 5)
        let site = scenario.network.flows[0].site
        estimates.hubStop["hub"]![site] = nil
        estimates.hubStop["west"]![site] = nil
        estimates.direct[0] = Metrics(costEur: 1000)
        let decision = try Self.solve(scenario, estimates)
        #expect(decision.viaHub[0] == nil)
        #expect(
            estimates.ineligibility(of: scenario.network.flows[0], at: "hub", scenario: scenario)
                == .hubFleetCannotServe(hub: "hub", site: site))
    }

    /// Each flow's saving is the change in the model's value when it alone switches, and the
    /// supplier ranking is sorted by saving.
    /// Every flow's saving is the change in the model's value when that flow alone switches
    /// (bundled to direct, direct to its best hub), and at an optimum without other rules no
    /// single switch pays. Returns the explainer for further checks.
    @discardableResult
    static func expectEachSavingIsOneSwitch(
        _ scenario: Scenario, _ estimates: ConsolidationEstimates,
        _ decision: ConsolidationModel.Decision
    ) throws -> ConsolidationExplainer {
        let explainer = ConsolidationExplainer(scenario: scenario, estimates: estimates, viaHub: decision.viaHub)
        let base = AssignmentValue(decision.viaHub, scenario: scenario, estimates: estimates).total.costEur
        for explanation in explainer.flows() {
            var switched = decision.viaHub
            switched[explanation.flow] = explanation.viaHub == nil ? explanation.bestHub : nil
            let other = AssignmentValue(switched, scenario: scenario, estimates: estimates).total.costEur
            let expected = explanation.viaHub == nil ? base - other : other - base
            #expect(
                abs(try #require(explanation.saving) - expected) < 1e-6,
                "flow \(explanation.flow): \(explanation.reason)")
            #expect(explanation.viaHub == nil ? expected <= 1e-6 : expected >= -1e-6)
        }
        return explainer
    }

    @Test(arguments: [1, 2] as [UInt64])
    func explanationsAreTheValueOfSwitchingOneFlow(seed: UInt64) throws {
        let (scenario, estimates) = try Self.instance(seed: seed)
        let decision = try Self.solve(scenario, estimates)
        let explainer = try Self.expectEachSavingIsOneSwitch(scenario, estimates, decision)
        let savings = explainer.suppliers().map(\.saving)
        #expect(savings == savings.sorted(by: >))
        // A product group with a single supplier saves what that supplier saves.
        let groups = explainer.productGroups()
        #expect(groups.map(\.saving) == groups.map(\.saving).sorted(by: >))
        for group in groups where group.suppliers == 1 {
            let supplier = try #require(explainer.suppliers().first { $0.productGroup == group.id })
            #expect(abs(supplier.saving - group.saving) < 1e-9)
        }
        let flowsByRank = explainer.flows().filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        #expect(flowsByRank.map(\.rank!) == Array(1...flowsByRank.count))
        #expect(flowsByRank.map(\.saving!) == flowsByRank.map(\.saving!).sorted(by: >))
    }

    /// `instance` with hub fleets paid by whole vehicle-days: a random cost of a vehicle-day per
    /// hub and random vehicle-days per delivery at each site.
    static func withVehicleDays(
        _ scenario: Scenario, _ estimates: ConsolidationEstimates, seed: UInt64
    ) -> ConsolidationEstimates {
        var numbers = Numbers(state: seed &+ 1_000)
        var estimates = estimates
        for hub in scenario.hubs {
            estimates.vehicleDayCost[hub] = numbers.next(5...25)
            estimates.vehicleDaysPerStop[hub] = Dictionary(
                uniqueKeysWithValues: scenario.network.sites.map { ($0.id, numbers.next(0.05...0.5)) })
        }
        return estimates
    }

    /// Whole vehicle-days: each open hub pays the larger of the vehicle-days its deliveries take
    /// and the most deliveries a week at one of its sites (a vehicle on each day it delivers).
    /// Brute force over every assignment, valued by AssignmentValue, finds the model's optimum.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func wholeVehicleDaysMatchBruteForce(seed: UInt64) throws {
        let (scenario, plain) = try Self.instance(seed: seed)
        let estimates = Self.withVehicleDays(scenario, plain, seed: seed)
        let decision = try Self.expectOptimal(scenario, estimates)
        let value = AssignmentValue(decision.viaHub, scenario: scenario, estimates: estimates)
        #expect(decision.viaHub.isEmpty || value.hubVehicleDays.costEur > 0)
    }

    /// By hand: one hub, vehicle-days at EUR 10, 0.3 vehicle-days per delivery at every site.
    /// Bundling the parcel flows (5 a week at each of six sites) takes 6 x 5 x 0.3 = 9
    /// vehicle-days, more than the 5 days a site is delivered: EUR 90 a week.
    @Test func vehicleDaysOfAnAssignmentByHand() throws {
        var (scenario, estimates) = try Self.instance(seed: 1, flowCount: 12)
        scenario.hubs = ["hub"]
        estimates.vehicleDayCost["hub"] = 10
        estimates.vehicleDaysPerStop["hub"] = Dictionary(
            uniqueKeysWithValues: scenario.network.sites.map { ($0.id, 0.3) })
        let parcels = scenario.network.flows.filter { $0.supplier == "parcels" }
        #expect(parcels.count == 6 && parcels.allSatisfy { $0.deliveriesPerWeek == 5 })
        let all = Dictionary(uniqueKeysWithValues: parcels.map { ($0.index, "hub") })
        #expect(abs(AssignmentValue(all, scenario: scenario, estimates: estimates).hubVehicleDays.costEur - 90) < 1e-9)
        // One parcel flow alone: 5 x 0.3 = 1.5 vehicle-days, but a van on each of its 5 days.
        let one = [parcels[0].index: "hub"]
        #expect(abs(AssignmentValue(one, scenario: scenario, estimates: estimates).hubVehicleDays.costEur - 50) < 1e-9)
    }

    /// With vehicle-days each flow's saving is still the change in the model's value when it
    /// alone switches (the hub's vehicle-days count with its stops).
    @Test(arguments: [1, 2] as [UInt64])
    func explanationsCountVehicleDays(seed: UInt64) throws {
        let (scenario, plain) = try Self.instance(seed: seed)
        let estimates = Self.withVehicleDays(scenario, plain, seed: seed)
        let decision = try Self.solve(scenario, estimates)
        try Self.expectEachSavingIsOneSwitch(scenario, estimates, decision)
    }

    /// The epsilon constraint caps the estimated CO2e: halfway between the cost optimum's CO2e
    /// and the least CO2e possible, the cost goes up and the CO2e stays under the cap.
    @Test func co2eLimitIsRespected() throws {
        var (scenario, estimates) = try Self.instance(seed: 3)
        for flow in scenario.network.flows.indices { estimates.direct[flow].co2eWtwKg = 10 }
        for hub in scenario.hubs {
            estimates.trunkTrip[hub] = estimates.trunkTrip[hub]!.mapValues {
                Metrics(costEur: $0.costEur, co2eWtwKg: 2)
            }
            estimates.hubStop[hub] = estimates.hubStop[hub]!.mapValues {
                Metrics(costEur: $0.costEur * 3, co2eWtwKg: 1)
            }
        }
        scenario.objective = .cost
        let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
        let cheapest = try model.solve(timeLimitSeconds: 30)
        let cleanest = try ConsolidationModel(scenario: scenario, estimates: estimates, objective: .co2e).solve(
            timeLimitSeconds: 30)
        let most = try #require(cheapest.metrics).co2eWtwKg, least = try #require(cleanest.metrics).co2eWtwKg
        #expect(least < most - 1, "the case needs a trade-off")
        let limit = (least + most) / 2
        let limited = try model.limitingCO2e(toAtMost: limit).solve(timeLimitSeconds: 30)
        #expect(try #require(limited.metrics).co2eWtwKg <= limit + 1e-6)
        let limitedObjective = try #require(limited.objective), freeObjective = try #require(cheapest.objective)
        #expect(limitedObjective > freeObjective + 1e-6)
    }
}

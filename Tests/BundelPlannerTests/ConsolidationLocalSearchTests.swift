import Testing

@testable import BundelPlanner

/// The local search over the consolidation model's assignments against the model itself and
/// brute force: it keeps the model's rules, values moves as the model does, never ends worse
/// than its start and never below the optimum.
@Suite("Consolidation local search")
struct ConsolidationLocalSearchTests {
    /// The random instance of ``ConsolidationModelTests`` in one of five variants: as drawn,
    /// with whole vehicle-days, with whole suppliers, with a hub capacity that binds, with its
    /// first supplier forced in.
    static func variant(_ number: Int, seed: UInt64) throws -> (Scenario, ConsolidationEstimates) {
        var (scenario, estimates) = try ConsolidationModelTests.instance(seed: seed)
        switch number {
        case 1: estimates = ConsolidationModelTests.withVehicleDays(scenario, estimates, seed: seed)
        case 2: scenario.wholeSuppliers = true
        case 3:
            let total = scenario.network.flows.map { $0.weeklyQuantity[0] }.reduce(0, +)
            for hub in scenario.network.hubs.indices { scenario.network.hubs[hub].capacityPerWeek[0] = total / 3 }
        case 4: scenario.supplierParticipation[scenario.network.flows[0].supplier] = .in
        default: break
        }
        return (scenario, estimates)
    }

    /// From every flow direct and from every flow through a hub, on five variants of four
    /// random instances: the assignment reached keeps the rules (the model admits it, and so
    /// does the check without the model), the model values it as ``AssignmentValue`` does, it
    /// is worth no more than either start (made to keep the rules) and no less than the brute
    /// force optimum. Over the 20 cases it must also reach that optimum in most: a search that
    /// only kept its start would pass the rest.
    @Test func keepsTheRulesAndNeverEndsWorseThanItsStart() throws {
        var optimal = 0
        var cases = 0
        for seed in [1, 2, 3, 4] as [UInt64] {
            for number in 0..<5 {
                let (scenario, estimates) = try Self.variant(number, seed: seed)
                let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
                let search = ConsolidationLocalSearch(model)
                let optimum = try #require(ConsolidationModelTests.bruteForce(scenario, estimates)).value
                func value(_ assignment: [Int: String]) -> Double {
                    AssignmentValue(assignment, scenario: scenario, estimates: estimates).total.value(
                        scenario.objective)
                }
                let allIn = Dictionary(uniqueKeysWithValues: scenario.network.flows.map { ($0.index, "hub") })
                var best = Double.infinity
                for start in [[:], allIn] {
                    let reached = search.improved(from: start)
                    #expect(
                        ConsolidationModelTests.allowed(reached, scenario: scenario), "seed \(seed) variant \(number)")
                    // Not `#require`: its message would print the whole model.
                    let admitted = model.startingValues(for: reached)
                    #expect(admitted != nil, "seed \(seed) variant \(number)")
                    guard let values = admitted else { continue }
                    #expect(abs(model.objective(at: values) - value(reached)) < 1e-6 * max(1, abs(value(reached))))
                    #expect(value(reached) >= optimum - 1e-6 * max(1, abs(optimum)))
                    // The start as the search repairs it: a flow it may not send somewhere goes
                    // direct (a forced one to its first hub), a whole supplier's flows together.
                    if ConsolidationModelTests.allowed(start, scenario: scenario),
                        model.startingValues(for: start) != nil
                    {
                        #expect(value(reached) <= value(start) + 1e-6 * max(1, abs(value(start))))
                    }
                    best = min(best, value(reached))
                }
                cases += 1
                if best <= optimum + 1e-6 * max(1, abs(optimum)) { optimal += 1 }
            }
        }
        #expect(optimal * 4 >= cases * 3, "the search reached the optimum in \(optimal) of \(cases) cases")
    }

    /// A hub the model keeps closed takes no flow, and a solve however short (1 ms of
    /// relaxation, cut or not depending on the machine) is worth no more than the search from
    /// every flow direct and from every flow in.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aShortSolveIsNoWorseThanTheSearch(seed: UInt64) throws {
        let (scenario, estimates) = try ConsolidationModelTests.instance(seed: seed)
        let model = try ConsolidationModel(scenario: scenario, estimates: estimates)
        let allIn = Dictionary(uniqueKeysWithValues: scenario.network.flows.map { ($0.index, "west") })
        let closed = ConsolidationLocalSearch(try model.fixing(hub: "west", open: false)).improved(from: allIn)
        #expect(!closed.values.contains("west"))
        let search = ConsolidationLocalSearch(model)
        let searched = [search.improved(from: [:]), search.improved(from: allIn)].map {
            AssignmentValue($0, scenario: scenario, estimates: estimates).total.value(scenario.objective)
        }
        let hurried = try #require(try model.solve(timeLimitSeconds: 0.001).objective)
        #expect(hurried <= searched.min()! + 1e-6 * max(1, abs(hurried)))
    }
}

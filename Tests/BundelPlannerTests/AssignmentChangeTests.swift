import Testing

@testable import BundelPlanner

/// The explanations' incremental price of moving a group of flows agrees with valuing the
/// whole changed assignment (``AssignmentValue``): the supplier and product-group rankings
/// rest on it.
@Suite("Value of moving flows, priced incrementally")
struct AssignmentChangeTests {
    /// Random decisions over two hubs (whole vehicle-days at one of them), random groups of
    /// flows (each supplier's, and random subsets) sent direct, to one hub and to the other:
    /// the change the explainer prices is the difference of the two whole valuations, in cost,
    /// kilometres and CO2e.
    @Test(arguments: Array(1...12) as [UInt64])
    func movingFlowsChangesTheValueByTheDifferenceOfTheWholeValuations(seed: UInt64) throws {
        var (scenario, estimates) = try ConsolidationModelTests.instance(seed: seed, flowCount: 12)
        var numbers = ConsolidationModelTests.Numbers(state: seed &* 7919)
        let network = scenario.network
        estimates.vehicleDayCost["hub"] = numbers.next(100...250)
        estimates.vehicleDaysPerStop["hub"] = Dictionary(
            uniqueKeysWithValues: network.sites.map { ($0.id, numbers.next(0...0.4)) })
        scenario.network = network
        let options: [String?] = [nil, "hub", "west"]
        func pick() -> String? { options[min(2, Int(numbers.next(0...2.999)))] }

        for _ in 0..<20 {
            var viaHub: [Int: String] = [:]
            for flow in network.flows { if let hub = pick() { viaHub[flow.index] = hub } }
            let explainer = ConsolidationExplainer(scenario: scenario, estimates: estimates, viaHub: viaHub)
            let before = AssignmentValue(viaHub, scenario: scenario, estimates: estimates).total
            var groups = network.suppliers.map { supplier in network.flows.filter { $0.supplier == supplier.id } }
            groups += (0..<6).map { _ in network.flows.filter { _ in numbers.next(0...1) < 0.4 } }
            for group in groups {
                for destination in options {
                    var moved = viaHub
                    for flow in group { moved[flow.index] = destination }
                    let after = AssignmentValue(moved, scenario: scenario, estimates: estimates).total
                    let priced = explainer.valueChange(moving: group, to: destination)
                    let expected = after - before
                    for (field, got, want) in [
                        ("cost", priced.costEur, expected.costEur), ("km", priced.km, expected.km),
                        ("CO2e", priced.co2eWtwKg, expected.co2eWtwKg),
                    ] {
                        #expect(
                            abs(got - want) <= 1e-9 * max(1, abs(before.costEur)),
                            "\(field): \(group.map(\.index)) to \(destination ?? "direct") from \(viaHub)")
                    }
                }
            }
        }
    }
}

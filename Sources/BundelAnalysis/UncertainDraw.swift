import BundelPlanner

/// The inputs of one plan of a risk analysis: a value for each uncertain input named (the
/// others keep the scenario's values) and the emission factor set.
public struct UncertainDraw: Sendable, Equatable, Codable {
    /// Values by input key (`demand_percent: 4.2`, `detour_factor: 1.31`).
    public var values: [String: Double]
    /// The name of the factor set used.
    public var factorSet: String

    public init(values: [String: Double], factorSet: String) {
        self.values = values
        self.factorSet = factorSet
    }

    /// `base` with these inputs: each value set in the order of ``UncertainInput/allCases``,
    /// and the factor set of that name from the scenario's own and `alternatives`.
    func scenario(from base: Scenario, alternatives: [EmissionFactorSet]) -> Scenario {
        var scenario = base
        for input in UncertainInput.allCases {
            if let value = values[input.rawValue] { scenario = scenario.setting(input, to: value) }
        }
        if let set = alternatives.first(where: { $0.name == factorSet }) { scenario.emissionFactors = set }
        return scenario
    }
}

/// What a run asks of the `bundel` executable.
public enum RunKind: String, Codable, Sendable, CaseIterable {
    /// `bundel plan` of one scenario.
    case plan
    /// `bundel compare` of two or more scenarios.
    case compare
    /// `bundel sweep` of one scenario over the values of one parameter.
    case sweep
    /// `bundel pareto` of one scenario: the cost-CO2e front.
    case pareto
}

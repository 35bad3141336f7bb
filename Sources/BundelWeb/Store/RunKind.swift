/// What a run asks of the `bundel` executable.
public enum RunKind: String, Codable, Sendable, CaseIterable {
    /// `bundel plan` of one scenario.
    case plan
    /// `bundel compare` of two or more scenarios.
    case compare
}

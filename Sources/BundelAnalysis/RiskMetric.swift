/// A figure of a plan that the risk analysis reports a range of: the three savings, and the
/// margin by which the decision about the hubs is made.
public enum RiskMetric: String, Sendable, Codable, CaseIterable {
    case vehicleKm
    case costEur
    /// Well-to-wheel, the footprint.
    case co2eWtwKg
    /// ``RiskOutcome/hubMargin``: where it crosses zero, the decision changes.
    case hubMargin

    /// The figure of one plan, per week; nil for a hub margin where no plan through a hub was
    /// routed.
    public func value(_ outcome: RiskOutcome) -> Double? {
        switch self {
        case .vehicleKm: return outcome.savedKm
        case .costEur: return outcome.savedCostEur
        case .co2eWtwKg: return outcome.savedCo2eWtwKg
        case .hubMargin: return outcome.hubMargin
        }
    }
}

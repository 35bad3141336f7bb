/// A saving that the risk analysis reports a range of.
public enum RiskMetric: String, Sendable, Codable, CaseIterable {
    case vehicleKm
    case costEur
    /// Well-to-wheel, the footprint.
    case co2eWtwKg

    /// The saving of one plan in this metric, per week.
    public func saving(_ outcome: RiskOutcome) -> Double {
        switch self {
        case .vehicleKm: return outcome.savedKm
        case .costEur: return outcome.savedCostEur
        case .co2eWtwKg: return outcome.savedCo2eWtwKg
        }
    }
}

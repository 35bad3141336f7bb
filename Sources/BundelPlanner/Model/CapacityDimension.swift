/// A measure in which loads and capacities are counted, such as kilograms or roll cages.
///
/// Quantities throughout the planner are arrays indexed like the network's dimensions.
public struct CapacityDimension: Sendable, Hashable, Codable {
    /// Identifier used as a key in YAML and as a column name in CSV (`kg`, `cages`).
    public var id: String
    public var name: String
    public var unit: String
}

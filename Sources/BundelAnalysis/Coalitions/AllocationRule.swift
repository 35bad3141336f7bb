/// Simple ways to divide a coalition's value, to hold beside the Shapley value: in proportion
/// to a measure of each member (its volume, its stops), or in equal shares.
public enum AllocationRule: String, Sendable, CaseIterable, Codable {
    case volume
    case stops
    case equal

    /// `total` divided in proportion to `weights` (equal shares when they add up to 0).
    public static func proportional(_ total: Double, weights: [Double]) -> [Double] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return equal(total, count: weights.count) }
        return weights.map { total * $0 / sum }
    }

    /// `total` divided in `count` equal shares.
    public static func equal(_ total: Double, count: Int) -> [Double] {
        Array(repeating: count == 0 ? 0 : total / Double(count), count: count)
    }
}

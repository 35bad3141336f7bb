/// Quantiles of a sample by nearest rank: always one of the values themselves, never an
/// interpolation between two, so that a reported P50 is a figure some run actually gave.
public enum Quantile {
    /// The value below which a share `q` (0 to 1) of the `sorted` values lie; NaN when empty.
    public static func nearestRank(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

/// Whether an allocation of the grand coalition's value is in the core: no coalition S
/// achieves more on its own than the allocation gives its members together, that is,
/// sum over i in S of x_i >= v(S) for every S. A coalition with v(S) above its members' shares
/// objects; its excess v(S) - sum x_i says by how much it would gain by leaving.
public enum CoreCheck {
    /// The outcome of the check.
    public struct Outcome: Sendable, Equatable {
        /// True when no coalition checked objects (within the tolerance).
        public var inCore: Bool
        /// The coalition with the largest excess, and that excess, when one objects.
        public var objecting: UInt64?
        public var excess: Double?
        /// How many coalitions were checked: all proper ones for an exact game, those
        /// evaluated for a sampled one.
        public var coalitionsChecked: Int
    }

    /// Checks `allocation` against every evaluated proper, non-empty coalition of `game`; an
    /// excess of at most `tolerance` (rounding in the plans' figures) does not object. Ties in
    /// the excess go to the smaller bit set, so the answer does not depend on dictionary order.
    public static func check(_ game: CoalitionGame, allocation: [Double], tolerance: Double = 0.01) -> Outcome {
        var worst: (coalition: UInt64, excess: Double)?
        var checked = 0
        for (coalition, value) in game.values.sorted(by: { $0.key < $1.key })
        where coalition != 0 && coalition != game.grandCoalition {
            checked += 1
            let share = CoalitionGame.members(coalition).reduce(0.0) { $0 + allocation[$1] }
            let excess = value - share
            if excess > tolerance, excess > (worst?.excess ?? -Double.infinity) { worst = (coalition, excess) }
        }
        return Outcome(
            inCore: worst == nil, objecting: worst?.coalition, excess: worst?.excess, coalitionsChecked: checked)
    }
}

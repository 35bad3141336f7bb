/// What each player adds by joining the others last: v(N) - v(N - i), the value the grand
/// coalition loses without it. A player whose contribution is below its Shapley share is
/// subsidised by the others; one with a negative contribution makes the others worse off.
public enum MarginalContribution {
    /// Each player's contribution to the grand coalition; `nil` for a player whose
    /// coalition-without-it has no value.
    public static func toGrandCoalition(_ game: CoalitionGame) -> [Double?] {
        let all = game.grandCoalition
        guard let whole = game.value(all) else { return Array(repeating: nil, count: game.players) }
        return (0..<game.players).map { player in
            game.value(all & ~(UInt64(1) << UInt64(player))).map { whole - $0 }
        }
    }
}

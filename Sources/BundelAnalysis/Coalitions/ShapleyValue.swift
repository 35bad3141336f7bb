/// The Shapley value of a game: each player's marginal contribution v(S + i) - v(S),
/// averaged over all orders in which the players could join. Exact, from every coalition's
/// value: phi_i = sum over S not holding i of |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S)).
/// It is efficient (the shares add up to the grand coalition's value), symmetric, and gives
/// a player who adds nothing nothing.
public enum ShapleyValue {
    /// The most players for which the exact value is computed: 2^8 - 1 = 255 coalitions, each
    /// a plan; above that, ``ShapleySampling`` estimates it.
    public static let exactLimit = 8

    /// Each player's Shapley value; `nil` when a coalition's value is missing.
    public static func exact(_ game: CoalitionGame) -> [Double]? {
        let n = game.players
        guard n < 63 else { return nil }
        // weight[s] = s! (n - s - 1)! / n!, the chance that exactly the s players of a given
        // coalition join before player i.
        var factorial = [1.0]
        for k in 1...max(1, n) { factorial.append(factorial[k - 1] * Double(k)) }
        let weight = (0..<n).map { s in factorial[s] * factorial[n - s - 1] / factorial[n] }
        var shares = Array(repeating: 0.0, count: n)
        for coalition in UInt64(0)..<(UInt64(1) << UInt64(n)) {
            guard let without = game.value(coalition) else { return nil }
            let size = coalition.nonzeroBitCount
            for player in 0..<n where coalition & (UInt64(1) << UInt64(player)) == 0 {
                guard let with = game.value(coalition | (UInt64(1) << UInt64(player))) else { return nil }
                shares[player] += weight[size] * (with - without)
            }
        }
        return shares
    }
}

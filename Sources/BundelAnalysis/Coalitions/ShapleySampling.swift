import BundelRouting

/// The Shapley value estimated from random joining orders (permutation sampling, Castro,
/// Gomez and Tejada 2009): each order gives every player one marginal contribution, and the
/// mean over the orders is an unbiased estimate of its Shapley value, with the standard error
/// of that mean. Each order's contributions add up to the grand coalition's value, so the
/// estimates do too. The orders come from a seed: the same seed, the same orders.
public enum ShapleySampling {
    /// A player's estimated share and the standard error of the estimate (0 from one order).
    public struct Estimate: Sendable, Equatable, Codable {
        public var mean: Double
        public var standardError: Double
    }

    /// `samples` joining orders of `players`, each a uniform random permutation
    /// (Fisher-Yates) drawn from `seed`.
    public static func orders(players: Int, samples: Int, seed: UInt64) -> [[Int]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<samples).map { _ in
            var order = Array(0..<players)
            for index in stride(from: players - 1, to: 0, by: -1) {
                order.swapAt(index, Int.random(in: 0...index, using: &generator))
            }
            return order
        }
    }

    /// The coalitions the orders pass through (each order's prefixes): the ones to evaluate.
    public static func coalitions(along orders: [[Int]]) -> Set<UInt64> {
        var needed = Set<UInt64>()
        for order in orders {
            var coalition: UInt64 = 0
            for player in order {
                coalition |= UInt64(1) << UInt64(player)
                needed.insert(coalition)
            }
        }
        return needed
    }

    /// Each player's estimate from `orders`; `nil` when a coalition along them has no value.
    public static func estimate(_ game: CoalitionGame, orders: [[Int]]) -> [Estimate]? {
        guard !orders.isEmpty else { return nil }
        var contributions = Array(repeating: [Double](), count: game.players)
        for order in orders {
            var coalition: UInt64 = 0
            var before = 0.0
            for player in order {
                coalition |= UInt64(1) << UInt64(player)
                guard let after = game.value(coalition) else { return nil }
                contributions[player].append(after - before)
                before = after
            }
        }
        return contributions.map { values in
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            guard values.count > 1 else { return Estimate(mean: mean, standardError: 0) }
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
            return Estimate(mean: mean, standardError: (variance / count).squareRoot())
        }
    }
}

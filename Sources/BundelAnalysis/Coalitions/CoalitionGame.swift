/// A cooperative game in characteristic-function form: for each coalition of `players`
/// (a bit set, player `i` in it when bit `i` is set), the value it achieves on its own. The
/// empty coalition is worth 0. Only the coalitions that were evaluated need a value: the
/// exact Shapley value needs all of them, sampling only those its orders pass through.
public struct CoalitionGame: Sendable, Equatable {
    /// The most players a game may have: a coalition is a 64-bit set.
    public static let maximumPlayers = 64

    public let players: Int
    /// The value of each evaluated coalition, keyed by its bit set.
    public private(set) var values: [UInt64: Double]

    /// A game of `players` with the values known so far.
    public init(players: Int, values: [UInt64: Double] = [:]) {
        precondition((1...Self.maximumPlayers).contains(players), "a game has 1 to 64 players")
        self.players = players
        self.values = values
        self.values[0] = 0
    }

    /// Every player at once.
    public var grandCoalition: UInt64 { players == 64 ? UInt64.max : (UInt64(1) << UInt64(players)) - 1 }

    /// The value of `coalition`, `nil` when it was not evaluated.
    public func value(_ coalition: UInt64) -> Double? { values[coalition] }

    /// Sets the value of `coalition`.
    public mutating func set(_ coalition: UInt64, _ value: Double) {
        precondition(coalition != 0 || value == 0, "the empty coalition is worth 0")
        values[coalition] = value
    }

    /// The players in `coalition`, in increasing order.
    public static func members(_ coalition: UInt64) -> [Int] {
        (0..<64).filter { coalition & (UInt64(1) << UInt64($0)) != 0 }
    }

    /// The bit set of `members`.
    public static func coalition(_ members: [Int]) -> UInt64 {
        members.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1)) }
    }

    /// Every non-empty coalition of `players`, in increasing order of its bit set.
    public static func allCoalitions(players: Int) -> [UInt64] {
        precondition(players < 63, "all coalitions of more than 62 players cannot be listed")
        return Array(1..<(UInt64(1) << UInt64(players)))
    }
}

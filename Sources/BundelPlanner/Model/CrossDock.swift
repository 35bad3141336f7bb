/// How a hub passes goods from the trunk legs that bring them to the tours that deliver them.
public enum CrossDock: String, Sendable, Hashable, Codable, CaseIterable {
    /// Goods unloaded by the hub's cut-off on one planning day go out on the next one, as urban
    /// consolidation centres work: the hub sorts overnight and its tours leave at shift start.
    /// The week is cyclic: the last planning day's arrivals serve the first day.
    case nextDay = "next_day"
    /// Goods go out on the day they arrive: a day's tours leave only once that day's trunk
    /// legs are unloaded.
    case sameDay = "same_day"

    /// Planning days between a trunk leg's arrival and the tours that deliver its goods.
    public var lagDays: Int { self == .nextDay ? 1 : 0 }
}

/// Storage a hub offers for goods that arrive earlier than its cross-dock needs them, so that a
/// supplier may bring several days' goods in one trunk leg. Storage is costed per unit-day and
/// limited in what it holds at once.
public struct HubStorage: Sendable, Hashable, Codable {
    /// Most planning days goods may wait beyond the cross-dock's own lag.
    public var days: Int
    /// Most goods held in storage at once, per dimension (infinity: no limit given).
    public var capacity: [Double]
    /// EUR per unit per day held, per dimension.
    public var costPerUnitDay: [Double]
}

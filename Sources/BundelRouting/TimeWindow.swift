/// An interval of time in seconds (for example seconds after midnight of the planning day).
public struct TimeWindow: Sendable, Hashable, Codable {
    /// Earliest moment; arriving before it means waiting.
    public var earliest: Int
    /// Latest moment at which service may start (for a depot: the latest return).
    public var latest: Int

    public init(earliest: Int, latest: Int) {
        self.earliest = earliest
        self.latest = latest
    }

    /// A window that never binds.
    public static let always = TimeWindow(earliest: 0, latest: Int.max / 4)

    /// Whether `time` lies in the window.
    public func contains(_ time: Int) -> Bool { earliest <= time && time <= latest }
}

/// How long a stop takes: a fixed part per stop (the site's own `service_minutes`: parking,
/// walking in, finding the goods reception), a part per supplier delivery handed over (delivery
/// note, checking, signature) and a part per unit unloaded in each capacity dimension (roll
/// cages wheeled in, kilograms carried).
///
/// A combined hub stop carries the units and deliveries of all its flows, so it takes longer
/// than one supplier's stop; a fixed time per stop whatever is delivered would make hub stops
/// look cheaper than they are.
public struct ServiceTime: Sendable, Hashable, Codable {
    /// Minutes per supplier delivery handed over at a stop.
    public var perDeliveryMinutes: Double
    /// Minutes per unit delivered, per capacity dimension.
    public var perUnitMinutes: [Double]

    public init(perDeliveryMinutes: Double, perUnitMinutes: [Double]) {
        self.perDeliveryMinutes = perDeliveryMinutes
        self.perUnitMinutes = perUnitMinutes
    }

    /// No time beyond the sites' fixed minutes: what a network without `service_time` gets.
    public static func none(dimensions: Int) -> ServiceTime {
        ServiceTime(perDeliveryMinutes: 0, perUnitMinutes: [Double](repeating: 0, count: dimensions))
    }

    /// The longest stop the planner accepts, in seconds (a week). Longer stops cannot fit any
    /// shift; the cap keeps absurd inputs within the routing engine's time range.
    static let maximumSeconds = 7 * 24 * 3600

    /// Seconds of a stop at a site with `fixedMinutes` handing over `deliveries` supplier
    /// deliveries of `quantity` in total, rounded up to a whole second (never shorter).
    public func seconds(fixedMinutes: Int, deliveries: Int, quantity: [Double]) -> Int {
        var minutes = Double(fixedMinutes) + perDeliveryMinutes * Double(deliveries)
        for (perUnit, amount) in zip(perUnitMinutes, quantity) { minutes += perUnit * amount }
        let seconds = (minutes * 60 - 1e-6).rounded(.up)
        guard seconds.isFinite else { return Self.maximumSeconds }
        return Int(min(max(seconds, 0), Double(Self.maximumSeconds)))
    }
}

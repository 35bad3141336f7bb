import Foundation

/// The detour factor and average speed that make straight-line distances stand in best for a
/// real road matrix, so that scenarios without a matrix use numbers measured for their city.
///
/// The factor is the least-squares fit of road metres on great-circle metres through the
/// origin (road ≈ factor × straight), which weighs long pairs most, as their kilometres weigh
/// most in a plan; the speed is the least-squares fit of time on road distance through the
/// origin (time ≈ distance / speed), the model the planner applies to vehicle types without
/// matrix durations.
public struct DetourCalibration: Sendable {
    /// One ordered pair of points.
    public struct Sample: Sendable {
        public let straightMetres: Double
        public let roadMetres: Double
        /// `nil` when the matrix has no durations.
        public let seconds: Double?

        public init(straightMetres: Double, roadMetres: Double, seconds: Double?) {
            self.straightMetres = straightMetres
            self.roadMetres = roadMetres
            self.seconds = seconds
        }
    }

    /// Pairs used, and pairs left out for lying closer than ``minimumStraightMetres``.
    public let pairs: Int
    public let leftOut: Int
    public let minimumStraightMetres: Double
    public let detourFactor: Double
    /// Road over straight distance per pair: median and the 10th and 90th percentiles.
    public let ratioMedian: Double
    public let ratio10: Double
    public let ratio90: Double
    /// |factor × straight − road| / road per pair with the fitted factor: median and 90th
    /// percentile, what a scenario without a matrix gets wrong per leg.
    public let errorMedian: Double
    public let error90: Double
    /// Average speed in km/h, when the samples have times.
    public let speedKmh: Double?

    /// Fits the samples; pairs closer than `minimumStraightMetres` are left out, because their
    /// ratio says more about where a point meets the road than about the city's streets.
    public static func fit(_ samples: [Sample], minimumStraightMetres: Double = 100) -> DetourCalibration? {
        let used = samples.filter { $0.straightMetres >= minimumStraightMetres && $0.roadMetres > 0 }
        guard !used.isEmpty else { return nil }
        let factor =
            used.reduce(0) { $0 + $1.roadMetres * $1.straightMetres }
            / used.reduce(0) { $0 + $1.straightMetres * $1.straightMetres }
        let ratios = used.map { $0.roadMetres / $0.straightMetres }.sorted()
        let errors = used.map { abs(factor * $0.straightMetres - $0.roadMetres) / $0.roadMetres }.sorted()
        let timed = used.compactMap { sample in sample.seconds.map { (metres: sample.roadMetres, seconds: $0) } }
        var speed: Double?
        if timed.count == used.count {
            // time = distance × w minimises Σ (t − d w)² at w = Σ d t / Σ d²; speed = 1 / w.
            let w = timed.reduce(0) { $0 + $1.metres * $1.seconds } / timed.reduce(0) { $0 + $1.metres * $1.metres }
            if w > 0 { speed = 3.6 / w }
        }
        return DetourCalibration(
            pairs: used.count, leftOut: samples.count - used.count, minimumStraightMetres: minimumStraightMetres,
            detourFactor: factor, ratioMedian: quantile(ratios, 0.5), ratio10: quantile(ratios, 0.1),
            ratio90: quantile(ratios, 0.9), errorMedian: quantile(errors, 0.5), error90: quantile(errors, 0.9),
            speedKmh: speed)
    }

    /// The samples of every ordered pair of distinct locations of a network's matrix.
    public static func samples(matrix: TravelMatrix, network: Network) -> [Sample] {
        let points = Dictionary(uniqueKeysWithValues: TravelMatrix.locations(of: network).map { ($0.id, $0.point) })
        var samples: [Sample] = []
        for (i, from) in matrix.ids.enumerated() {
            for (j, to) in matrix.ids.enumerated() where i != j {
                samples.append(
                    Sample(
                        straightMetres: GreatCircle.metres(points[from]!, points[to]!),
                        roadMetres: Double(matrix.metres[i * matrix.count + j]),
                        seconds: matrix.seconds.map { Double($0[i * matrix.count + j]) }))
            }
        }
        return samples
    }

    /// The value below which a share `q` of the sorted values lie (nearest rank).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double { Quantile.nearestRank(sorted, q) }
}

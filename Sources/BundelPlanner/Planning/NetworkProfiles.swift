import BundelRouting
import Synchronization

/// Travel profiles over the whole network, one per vehicle speed, built on first use and shared
/// by the day problems that visit most of the network (a hub's day in a large network). Such a
/// problem would otherwise copy nearly the whole matrix, once per problem solved at the same
/// time; the small problems take their own small matrix instead (``DayRouter``).
final class NetworkProfiles: Sendable {
    private let matrix: TravelMatrix
    private let built = Mutex<[Double: TravelProfile]>([:])

    init(matrix: TravelMatrix) { self.matrix = matrix }

    /// The whole network's profile for a vehicle speed.
    func profile(speedKmh: Double) -> TravelProfile {
        // Built under the lock: two problems asking at once must not both build it.
        built.withLock { profiles in
            if let profile = profiles[speedKmh] { return profile }
            let profile = matrix.profile(speedKmh: speedKmh)
            profiles[speedKmh] = profile
            return profile
        }
    }
}

import BundelRouting

/// The scenario's travel matrix with one routing profile per vehicle type, built once per plan.
struct TravelContext: Sendable {
    let matrix: TravelMatrix
    let profiles: [String: TravelProfile]
    let factors: EmissionFactorSet
    /// The network's weight dimension, for load-dependent consumption.
    let weightDimension: Int?

    init(matrix: TravelMatrix, network: Network, factors: EmissionFactorSet) {
        self.weightDimension = network.weightDimension
        self.matrix = matrix
        var bySpeed: [Double: TravelProfile] = [:]
        var profiles: [String: TravelProfile] = [:]
        for type in network.vehicleTypes {
            let profile = bySpeed[type.speedKmh] ?? matrix.profile(speedKmh: type.speedKmh)
            bySpeed[type.speedKmh] = profile
            profiles[type.id] = profile
        }
        self.profiles = profiles
        self.factors = factors
    }

    /// Energy and emissions of a planned trip of `vehicle`.
    func emissions(legMetres: [Int], legLoadsKg: [Double], vehicle: VehicleType) -> RouteEmissions {
        RouteEmissions(legMetres: legMetres, legLoadsKg: legLoadsKg, vehicle: vehicle,
                       weightCapacityKg: weightDimension.map { vehicle.capacity[$0] }, factors: factors)
    }
}

import BundelRouting

/// The scenario's travel matrix with one routing profile per vehicle type, built once per plan.
struct TravelContext: Sendable {
    let matrix: TravelMatrix
    let profiles: [String: TravelProfile]
    let factors: EmissionFactorSet

    init(matrix: TravelMatrix, network: Network, factors: EmissionFactorSet) {
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
}

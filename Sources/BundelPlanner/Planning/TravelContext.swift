import BundelRouting

/// The scenario's travel matrix and what a plan needs besides it, built once per plan. A routing
/// problem takes its own small profile from the matrix (``TravelMatrix/profile(speedKmh:over:)``),
/// or shares the whole network's when it visits most of it.
struct TravelContext: Sendable {
    let matrix: TravelMatrix
    let networkProfiles: NetworkProfiles
    let factors: EmissionFactorSet
    /// The network's weight dimension, for load-dependent consumption.
    let weightDimension: Int?
    /// The network's stop times.
    let serviceTime: ServiceTime

    init(matrix: TravelMatrix, network: Network, factors: EmissionFactorSet) {
        self.weightDimension = network.weightDimension
        self.serviceTime = network.serviceTime
        self.matrix = matrix
        self.networkProfiles = NetworkProfiles(matrix: matrix)
        self.factors = factors
    }

    /// Energy and emissions of a planned trip of `vehicle` lasting `durationSeconds` from
    /// departure to return.
    func emissions(
        legMetres: [Int], legLoadsKg: [Double], vehicle: VehicleType, durationSeconds: Int
    )
        -> RouteEmissions
    {
        RouteEmissions(
            legMetres: legMetres, legLoadsKg: legLoadsKg, vehicle: vehicle,
            weightCapacityKg: weightDimension.map { vehicle.capacity[$0] }, durationSeconds: durationSeconds,
            factors: factors)
    }
}

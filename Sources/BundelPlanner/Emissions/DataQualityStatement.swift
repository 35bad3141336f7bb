/// The data-quality statement ISO 14083 asks of a result: the kind of data (primary, modelled,
/// default) of every input figure the plans' emissions rest on, and how much of each plan's
/// CO2e rests on each kind.
///
/// An element's emissions are energy × emission factor, its energy distance × consumption for
/// a trip and tonnes × handling energy for a hub operation; the element is classed by the
/// weakest of those energy figures (distances are always modelled, so no trip is better than
/// modelled). The emission factors come from a published list, default data for every element
/// alike, and are stated once rather than classing everything as default.
public struct DataQualityStatement: Sendable {
    /// One input figure and its kind of data.
    public struct Input: Sendable, Hashable, Codable {
        /// What the figure is, e.g. `consumption of vehicle type e-van`.
        public var figure: String
        public var quality: DataQuality
        /// Why it is of that kind: declared in the network file, or where it comes from.
        public var basis: String
    }

    /// A plan's CO2e (well-to-wheel, kg a week) by the kind of data its energy rests on.
    public struct Shares: Sendable, Hashable, Codable {
        public var defaultKg = 0.0
        public var modelledKg = 0.0
        public var primaryKg = 0.0

        public var totalKg: Double { defaultKg + modelledKg + primaryKg }
        /// The share of the plan's CO2e resting on default data (0 for a plan without emissions).
        public var defaultShare: Double { totalKg > 0 ? defaultKg / totalKg : 0 }

        mutating func add(_ kg: Double, _ quality: DataQuality) {
            switch quality {
            case .default: defaultKg += kg
            case .modelled: modelledKg += kg
            case .primary: primaryKg += kg
            }
        }
    }

    /// Every figure the plans' emissions rest on, distances and flows first, then each vehicle
    /// type used (by id) and each hub that handled goods (by id), then the emission factors.
    public var inputs: [Input]
    public var baseline: Shares
    public var bundled: Shares

    public init(_ result: PlanResult, accounts: PlanEmissionAccounts) {
        let scenario = result.scenario
        let network = scenario.network
        let declared = network.dataQuality
        let distances = Input(
            figure: "distances", quality: .modelled,
            basis: scenario.matrixFile.map { "the matrix file \($0)" }
                ?? "great-circle distance × detour factor \(scenario.detourFactor)")
        let flows = Input(
            figure: "flow quantities and frequencies", quality: declared.flows ?? .modelled,
            basis: declared.flows == nil ? "the network's weekly flows, estimates" : "declared in the network file")
        let catalogueSources = Set(VehicleCatalogue.entries().values.compactMap { $0["source"]?.string })
        var consumption: [String: Input] = [:]
        let used = Set((result.baseline.routes + result.bundled.routes).map(\.vehicleType))
        for type in network.vehicleTypes where used.contains(type.id) {
            let quality: DataQuality, basis: String
            if let given = declared.vehicleTypes[type.id] {
                (quality, basis) = (given, "declared in the network file")
            } else if let source = type.source, catalogueSources.contains(source) {
                (quality, basis) = (.default, "bundel's vehicle catalogue: \(source)")
            } else {
                (quality, basis) = (.modelled, "the network's own figure\(type.source.map { ": \($0)" } ?? "")")
            }
            consumption[type.id] = Input(
                figure: "consumption of vehicle type \(type.id)", quality: quality, basis: basis)
        }
        var handling: [String: Input] = [:]
        for hub in network.hubs where result.bundled.hubOperations.contains(where: { $0.hub == hub.id }) {
            let quality: DataQuality, basis: String
            if let given = declared.hubs[hub.id] {
                (quality, basis) = (given, "declared in the network file")
            } else if hub.handlesAtDefaultEnergy(weightDimension: network.weightDimension) {
                (quality, basis) = (
                    .default, "bundel's default of \(Hub.defaultHandlingKilowattHoursPerTonne) kWh per tonne handled"
                )
            } else {
                (quality, basis) = (.modelled, "the network file's handling_energy")
            }
            handling[hub.id] = Input(figure: "handling energy of hub \(hub.id)", quality: quality, basis: basis)
        }
        let factors = Input(
            figure: "emission factors", quality: .default,
            basis: "published list: factor set \(scenario.emissionFactors.name) (the same for every element)")
        inputs =
            [distances, flows] + consumption.sorted { $0.key < $1.key }.map(\.value)
            + handling.sorted { $0.key < $1.key }.map(\.value) + [factors]

        func shares(_ account: EmissionAccount) -> Shares {
            var shares = Shares()
            for element in account.elements {
                let quality =
                    element.kind == .hubOperation
                    ? handling[element.operatedBy]?.quality ?? .default
                    : min(distances.quality, consumption[element.vehicleType]?.quality ?? .default)
                shares.add(element.co2eWtwKg, quality)
            }
            return shares
        }
        baseline = shares(accounts.baseline)
        bundled = shares(accounts.bundled)
    }
}

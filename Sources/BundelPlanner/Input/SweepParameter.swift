/// The parameter `bundel sweep` varies: any field of the scenario file by its dotted key path,
/// any network value a scenario's `overrides:` can set, or one of two shares that no single
/// field holds.
public enum SweepParameter: Sendable, Equatable {
    /// A scenario field, `distances.detour_factor`, `hubs`, `fleets.hub`, ...; each value is YAML.
    /// `overrides.PATH` is the override of the network value at PATH.
    case field(String)
    /// A network value by its override path, `hubs.duivendrecht.fixed_cost_per_week`: the same
    /// as `overrides.hubs.duivendrecht.fixed_cost_per_week`, named as given.
    case networkField(String)
    /// The share (0 to 1) of suppliers free to join a hub, the largest by weekly weight first;
    /// the others stay direct.
    case participationShare
    /// The share (0 to 1) of suppliers that drive the electric counterpart of their vehicles
    /// (the network's electric type closest in capacity), the largest by weekly weight first.
    case electricShare

    public init(_ text: String) {
        switch text {
        case "participation_share": self = .participationShare
        case "electric_share": self = .electricShare
        default:
            // `hubs` alone is the scenario's list of candidate hubs; a path below it (or below
            // another part of the network) can only mean a network value.
            let keys = text.split(separator: ".", maxSplits: 1)
            let isNetworkPath = keys.count == 2 && NetworkOverride.Target(rawValue: String(keys[0])) != nil
            self = isNetworkPath ? .networkField(text) : .field(text)
        }
    }

    /// The name as given on the command line.
    public var name: String {
        switch self {
        case .field(let path), .networkField(let path): return path
        case .participationShare: return "participation_share"
        case .electricShare: return "electric_share"
        }
    }

    /// The scenario at `path` with this parameter set to `value`.
    public func scenario(path: String, value: String) throws(InputError) -> Scenario {
        switch self {
        case .field(let field):
            return try ScenarioLoader.load(path: path, edits: [ScenarioEdit(path: field, value: value)])
        case .networkField(let field):
            return try ScenarioLoader.load(path: path, edits: [ScenarioEdit(path: "overrides.\(field)", value: value)])
        case .participationShare:
            var scenario = try ScenarioLoader.load(path: path)
            let share = try Self.share(value, parameter: name, file: scenario.file)
            let ranked = Self.largestFirst(scenario.network)
            let joining = Int((share * Double(ranked.count)).rounded())
            for (position, supplier) in ranked.enumerated() {
                scenario.supplierParticipation[supplier] = position < joining ? .free : .out
            }
            return scenario
        case .electricShare:
            var scenario = try ScenarioLoader.load(path: path)
            let share = try Self.share(value, parameter: name, file: scenario.file)
            let ranked = Self.largestFirst(scenario.network)
            let electric = scenario.network.vehicleTypes.filter(\.isElectric)
            let switching = Int((share * Double(ranked.count)).rounded())
            for supplierId in ranked.prefix(switching) {
                let supplier = scenario.network.supplier(supplierId)!
                var fleet: [String] = []
                for type in scenario.fleet(of: supplier) {
                    if type.isElectric {
                        fleet.append(type.id)
                        continue
                    }
                    // The electric type closest in capacity (first dimension), then by id.
                    guard
                        let counterpart = electric.min(by: {
                            (abs($0.capacity[0] - type.capacity[0]), $0.id) < (
                                abs($1.capacity[0] - type.capacity[0]), $1.id
                            )
                        })
                    else {
                        throw InputError([
                            InputProblem(
                                file: scenario.file, line: nil, field: "electric_share",
                                message: "the network has no electric vehicle type to replace \(type.id)")
                        ])
                    }
                    fleet.append(counterpart.id)
                }
                scenario.supplierFleets[supplierId] = fleet
            }
            return scenario
        }
    }

    /// Supplier ids by weekly weight (the weight dimension, else the first), largest first.
    static func largestFirst(_ network: Network) -> [String] {
        let dimension = network.weightDimension ?? 0
        var weight: [String: Double] = [:]
        for flow in network.flows { weight[flow.supplier, default: 0] += flow.weeklyQuantity[dimension] }
        return network.suppliers.map(\.id).sorted { (-(weight[$0] ?? 0), $0) < (-(weight[$1] ?? 0), $1) }
    }

    private static func share(_ value: String, parameter: String, file: String) throws(InputError) -> Double {
        guard let share = NumberParsing.double(value), share >= 0, share <= 1 else {
            throw InputError([
                InputProblem(
                    file: file, line: nil, field: parameter,
                    message: "expected a share between 0 and 1, got '\(value)'")
            ])
        }
        return share
    }
}

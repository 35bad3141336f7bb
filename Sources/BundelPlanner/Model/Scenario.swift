/// Whether a flow may, must or must not go through a hub.
public enum Participation: String, Sendable, Codable, CaseIterable {
    /// The consolidation model decides.
    case free
    /// Every flow of the supplier goes through a hub.
    case `in`
    /// The supplier keeps delivering directly.
    case out
}

/// One question to a network: which hubs, which suppliers, which fleets, which factors.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// Path of the scenario file, for messages.
    public var file: String
    public var network: Network
    /// Planning days of the week, in order.
    public var days: [Weekday]
    /// Allowed day patterns per delivery frequency, as sorted day indices into ``days``, for
    /// the frequencies the scenario lists (`day_patterns`); see ``allowedDayPatterns``.
    public var dayPatterns: [Int: [[Int]]] = [:]
    /// Candidate hubs (ids in the network).
    public var hubs: [String]
    /// Participation of flows whose supplier and product group are not listed.
    public var defaultParticipation: Participation
    /// Participation per supplier (`participation.suppliers`): above the product groups'.
    public var supplierParticipation: [String: Participation]
    /// Participation per product group (`participation.product_groups`, a tender clause that
    /// requires or forbids delivery via the hub), for the flows of that group whose supplier
    /// is not listed in ``supplierParticipation``.
    public var productGroupParticipation: [String: Participation] = [:]
    /// When true a supplier bundles all its flows or none (contracts are per supplier).
    public var wholeSuppliers: Bool
    /// Vehicle types for hub tours; the solver picks per trip the cheapest that may go.
    public var hubFleet: [String]
    /// Vehicles available per hub vehicle type and day; a type not listed is unlimited.
    public var hubFleetCounts: [String: Int] = [:]
    /// How hub tours are costed (`hub_fleet_cost`): whole vehicle-days (the default) or pro rata.
    public var hubFleetCost: FleetCostBasis = .vehicleDay
    /// Vehicle types per supplier; a supplier not listed drives its own ``Supplier/vehicleType``.
    public var supplierFleets: [String: [String]]
    /// Whether only vehicles that may enter the zone can serve sites in it.
    public var enforceZone: Bool
    /// Road distance = great-circle distance times this factor (unless a matrix is given).
    public var detourFactor: Double
    /// A distance/duration matrix file, resolved relative to the scenario file.
    public var matrixFile: String?
    /// A square CSV of durations to go with a matrix file that has none (`distances.durations`).
    public var durationsFile: String?
    /// The emission factors in use, with the scenario's overrides applied.
    public var emissionFactors: EmissionFactorSet
    /// Weeks a year, for annual figures (a university's teaching year has fewer than 52).
    public var weeksPerYear: Double
    public var objective: ObjectiveWeights
    /// Most consolidation rounds: solve, route the chosen plan, update the estimates from its
    /// routes, solve again, until the assignment repeats.
    public var consolidationIterations: Int = 5
    public var seed: UInt64
    /// Wall-clock budget for the whole plan, seconds.
    public var timeLimitSeconds: Double
    /// Improvement iterations per routing problem.
    public var routingIterations: Int
    /// How the baseline's delivery days are chosen where the network gives none (`baseline_days`).
    public var baselineDays: BaselineDaysPolicy = .cheapest
    /// How a shared trip's emissions are divided among its shipments (`emission_allocation`).
    public var emissionAllocation = EmissionAllocation()
    /// The network values the scenario's `overrides:` replaced, in the order written; the
    /// network above already holds them.
    public var networkOverrides: [AppliedOverride] = []
    /// The ranges of the scenario's uncertain inputs (`uncertainty:`), which `bundel risk`
    /// plans; a plan itself uses the point values above. Nil without the block.
    public var uncertainty: UncertaintyRanges?
    /// The organisations of a scenario that names several networks (`networks: [..]`), in the
    /// order listed; empty for a scenario of one network.
    public var organisations: [Organisation] = []

    /// The allowed day patterns of every frequency from 1 to the number of planning days: the
    /// listed ones, or for a frequency not listed every evenly spread pattern (all offsets).
    public var allowedDayPatterns: [Int: [[Int]]] {
        DayPatterns.allowed(dayPatterns, dayCount: days.count)
    }

    /// How a flow takes part: its supplier's setting, else its product group's
    /// (``Network/productGroup(of:)``), else the scenario's default.
    public func participation(of flow: Flow) -> Participation {
        supplierParticipation[flow.supplier]
            ?? (productGroupParticipation.isEmpty
                ? nil : productGroupParticipation[network.productGroup(of: flow)]) ?? defaultParticipation
    }

    /// How a supplier takes part as a whole: the participation all its flows share, `nil` when
    /// product groups give its flows different ones (then it cannot be switched as a whole).
    /// A supplier without flows has its own setting or the default.
    public func participation(ofSupplier supplier: String) -> Participation? {
        if let own = supplierParticipation[supplier] { return own }
        if productGroupParticipation.isEmpty { return defaultParticipation }
        let kinds = Set(network.flows.lazy.filter { $0.supplier == supplier }.map(participation(of:)))
        return kinds.count > 1 ? nil : kinds.first ?? defaultParticipation
    }

    /// Whether some flow may go through a hub at all (participation not `out`).
    public func mayBundle(supplier: String) -> Bool {
        participation(ofSupplier: supplier) != .out
    }

    /// The vehicle types a supplier drives.
    public func fleet(of supplier: Supplier) -> [VehicleType] {
        (supplierFleets[supplier.id] ?? [supplier.vehicleType]).compactMap(network.vehicleType)
    }
}

import BundelPlanner

extension Ineligibility {
    /// Why the flow may not go through the hub, in words, for the flow's reason.
    public var reason: String {
        switch self {
        case .supplierOut(let supplier): "supplier \(supplier) does not take part (participation: out)"
        case .productGroupOut(let group): "product group \(group) is kept out of the hub (participation: out)"
        case .trunkCannotCarry(let supplier):
            "the trunk vehicle of \(supplier) cannot carry every kind of goods it delivers"
        case .noTrunkVehicle(let supplier): "no trunk vehicle for \(supplier)"
        case .hubFleetCannotServe(let hub, let site):
            "the fleet of hub \(hub) cannot serve site \(site) (window, zone or range)"
        // "direct:" as when this was the flow's whole reason in the planner: the reports keep
        // their text, though the flow's reason already says it.
        case .hubFleetExhausted(let hub, let fleet, let day, let round):
            "direct: the counted fleet of hub \(hub) (\(fleet.map { "\($0.count) \($0.vehicleType)" }.joined(separator: ", ")) a day) had no vehicle left on \(day.rawValue) in round \(round)"
        }
    }
}

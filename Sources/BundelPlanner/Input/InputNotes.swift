import Foundation

/// Input that is valid and planned, but probably not what its author meant: `bundel validate`
/// prints these as notes (exit 0), so that they are never silent, without refusing scenarios
/// that mean them.
enum InputNotes {
    /// Flows whose single delivery no vehicle of the supplier's fleet can carry. The planner
    /// splits such a delivery into loads of the largest vehicle, which is right for a supplier
    /// that sends several trucks and wrong for a quantity typed with a zero too many.
    ///
    /// A delivery of more than ``maximumLoads`` loads is a problem, not a note: it is a typo
    /// for sure, and planning it would build that many routing jobs (1e12 kg once asked for
    /// 64 GB of memory).
    static func oversizedDeliveries(
        _ scenario: Scenario, flowRows: FlowRows
    ) -> (problems: [InputProblem], notes: [InputProblem]) {
        var problems: [InputProblem] = [], notes: [InputProblem] = []
        let network = scenario.network
        for flow in network.flows {
            guard let supplier = network.supplier(flow.supplier) else { continue }
            let fleet = scenario.fleet(of: supplier)
            let load = flow.quantityPerDelivery
            // A small tolerance so that a load of exactly the capacity fits whatever the division.
            guard !fleet.isEmpty,
                !fleet.contains(where: { type in zip(load, type.capacity).allSatisfy { $0 <= $1 + 1e-9 } })
            else { continue }
            // The dimension that overflows the most names the fix.
            let dimension = network.dimensions.indices.max { ratio(load, fleet, $0) < ratio(load, fleet, $1) }!
            let largest = fleet.max { $0.capacity[dimension] < $1.capacity[dimension] }!
            let id = network.dimensions[dimension].id
            let loadCount = (load[dimension] / largest.capacity[dimension] - 1e-9).rounded(.up)
            let line = flowRows.line(flow.index), flowsFile = flowRows.file(flow.index)
            let carries = "(\(largest.id): \(NumberParsing.format(largest.capacity[dimension])) \(id))"
            guard loadCount <= Double(maximumLoads) else {
                problems.append(
                    InputProblem(
                        file: flowsFile, line: line, field: id,
                        message:
                            "flow \(flow.supplier) -> \(flow.site) delivers \(NumberParsing.format(load[dimension])) \(id) at a time, \(NumberParsing.format(loadCount)) loads of the largest vehicle of supplier \(flow.supplier) \(carries); at most \(maximumLoads) loads a delivery are planned: check the quantity (the weekly total) and the deliveries per week"
                    ))
                continue
            }
            let loads = Int(loadCount)
            let message =
                "flow \(flow.supplier) -> \(flow.site) delivers \(NumberParsing.format(load[dimension])) \(id) at a time "
                + "(\(NumberParsing.format(flow.weeklyQuantity[dimension])) a week in \(flow.deliveriesPerWeek) deliveries), more than the largest "
                + "vehicle of supplier \(flow.supplier) carries \(carries); "
                + "it is split into \(loads) loads. If that is not meant, check the quantity or add a larger vehicle type to fleets.suppliers.\(flow.supplier)"
            notes.append(InputProblem(file: flowsFile, line: line, field: id, message: message))
        }
        return (problems, notes)
    }

    /// The most vehicle loads one delivery may need.
    static let maximumLoads = 100

    /// A delivery's load over the fleet's largest capacity in one dimension (0 when it needs none).
    private static func ratio(_ load: [Double], _ fleet: [VehicleType], _ dimension: Int) -> Double {
        guard load[dimension] > 0 else { return 0 }
        let capacity = fleet.map { $0.capacity[dimension] }.max() ?? 0
        return capacity > 0 ? load[dimension] / capacity : .infinity
    }

    /// Suppliers that deliver to sites in an enforced zone with no vehicle allowed in it. Their
    /// deliveries there are unserved in the direct baseline (reason "no allowed vehicle") and
    /// reach the site only through a hub whose fleet may enter: a plan, not an input error,
    /// because comparing exactly that is what an enforced zone is for.
    static func zoneWithoutVehicles(_ scenario: Scenario, line: Int?) -> [InputProblem] {
        guard scenario.enforceZone else { return [] }
        let network = scenario.network
        let zoneSites = Set(network.sites.filter(\.inZone).map(\.id))
        return network.suppliers.compactMap { supplier in
            let fleet = scenario.fleet(of: supplier)
            let sites = network.flows.filter { $0.supplier == supplier.id && zoneSites.contains($0.site) }.map(\.site)
            guard !sites.isEmpty, !fleet.contains(where: \.mayEnterZone) else { return nil }
            let message =
                "supplier \(supplier.id) delivers to zone site(s) \(sites.joined(separator: ", ")) but no vehicle of its fleet "
                + "(\(fleet.map(\.id).joined(separator: ", "))) may enter the zone: those deliveries stay unserved in the direct plan "
                + "(reason 'no allowed vehicle') and are served only via a hub whose fleet may enter; add a vehicle type with "
                + "may_enter_zone: true to fleets.suppliers.\(supplier.id) if the supplier has one"
            return InputProblem(file: scenario.file, line: line, field: "zone.enforce", message: message)
        }
    }
}

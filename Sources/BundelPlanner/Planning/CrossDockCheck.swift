/// Refuses hubs whose cross-dock cannot work with the suppliers that may bundle there: a
/// `next_day` hub whose trunk legs cannot be unloaded by its cut-off, or a `same_day` hub whose
/// trunk legs are unloaded only after its own vehicles' shifts end. Checked before any routing,
/// with a full trunk vehicle (the longest unloading), so that no plan is built that cannot run.
enum CrossDockCheck {
    static func problems(_ scenario: Scenario, matrix: TravelMatrix) -> [InputProblem] {
        let network = scenario.network
        let hubFleet = scenario.hubFleetTypes
        var problems: [InputProblem] = []
        for hubId in scenario.hubs {
            guard let hub = network.hub(hubId), let position = network.hubs.firstIndex(where: { $0.id == hubId }) else {
                continue
            }
            var latest: (minute: Double, supplier: String)?
            for supplier in network.suppliers where scenario.mayBundle(supplier: supplier.id) {
                guard let vehicle = TrunkLegs.vehicle(for: supplier, scenario: scenario) else { continue }
                let ready =
                    Double(vehicle.shiftStart) + Double(matrix.seconds(supplier.id, hub.id, speedKmh: vehicle.speedKmh))
                    / 60
                    + Double(hub.unloadSeconds(vehicle.capacity)) / 60
                if latest == nil || ready > latest!.minute { latest = (ready, supplier.id) }
            }
            guard let latest else { continue }
            let clock = ClockTime.text(minutes: latest.minute, rounding: .up)
            // How far the leg is; and when its depot lies far from every other place of the
            // network, where to look: a typo in its coordinates is likelier than a late cut-off.
            let legKm = OutlyingLocation.wholeKilometres(Double(matrix.metres(latest.supplier, hub.id)) / 1000)
            let outlying = network.outlyingLocations.first { $0.kind == "supplier" && $0.id == latest.supplier }
            let hint =
                outlying.map { far in
                    "; its depot lies \(OutlyingLocation.wholeKilometres(far.kilometres)) km from the middle of the network (\(far.warning.file)\(far.warning.line.map { ":\($0)" } ?? "")): check its coordinates"
                } ?? ""
            let leg = "a full trunk leg of supplier '\(latest.supplier)' (\(legKm) km)"
            switch hub.crossDock {
            case .nextDay where latest.minute > Double(hub.cutOffMinute):
                problems.append(
                    InputProblem(
                        file: network.file, line: nil, field: "hubs[\(position)].cut_off",
                        message:
                            "hub '\(hub.id)': \(leg) is unloaded at \(clock), after the cut-off \(ClockTime.text(minutes: hub.cutOffMinute)); set a later cut_off\(hint)"
                    ))
            case .sameDay where !hubFleet.contains(where: { Double($0.shiftEnd) > latest.minute }):
                problems.append(
                    InputProblem(
                        file: network.file, line: nil, field: "hubs[\(position)].cross_dock",
                        message:
                            "hub '\(hub.id)' works same_day, but \(leg) is unloaded at \(clock), when every hub vehicle's shift has ended; use next_day or later shifts\(hint)"
                    ))
            default:
                break
            }
        }
        return problems
    }
}

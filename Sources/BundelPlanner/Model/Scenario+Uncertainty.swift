extension Scenario {
    /// This scenario with one uncertain input set to `value`: a change in percent of the
    /// scenario's figures (``UncertainInput/isPercent``) or the figure itself. Every other
    /// value stays as it is, so that a plan of the result differs from the point estimate's
    /// plan by that one input.
    public func setting(_ input: UncertainInput, to value: Double) -> Scenario {
        var changed = self
        let factor = 1 + value / 100
        let candidates = Set(hubs)
        switch input {
        case .demand:
            for index in changed.network.flows.indices {
                changed.network.flows[index].weeklyQuantity = network.flows[index].weeklyQuantity.map { $0 * factor }
            }
        case .stopTime:
            // Sites' fixed minutes are whole minutes, as in sites.csv.
            for index in changed.network.sites.indices {
                let minutes = Double(network.sites[index].serviceMinutes) * factor
                changed.network.sites[index].serviceMinutes = Int(minutes.rounded())
            }
            changed.network.serviceTime.perDeliveryMinutes = network.serviceTime.perDeliveryMinutes * factor
            changed.network.serviceTime.perUnitMinutes = network.serviceTime.perUnitMinutes.map { $0 * factor }
        case .speed:
            for index in changed.network.vehicleTypes.indices {
                changed.network.vehicleTypes[index].speedKmh = network.vehicleTypes[index].speedKmh * factor
            }
        case .detourFactor:
            changed.detourFactor = value
        case .hubHandlingEnergy:
            guard let weight = network.weightDimension else { break }
            for index in changed.network.hubs.indices where candidates.contains(network.hubs[index].id) {
                changed.network.hubs[index].handlingEnergyPerUnit[weight] = value / 1000
            }
        case .hubFixedCost:
            for index in changed.network.hubs.indices where candidates.contains(network.hubs[index].id) {
                changed.network.hubs[index].fixedCostPerWeek = network.hubs[index].fixedCostPerWeek * factor
            }
        case .hubHandlingCost:
            for index in changed.network.hubs.indices where candidates.contains(network.hubs[index].id) {
                changed.network.hubs[index].handlingCost = network.hubs[index].handlingCost.map { $0 * factor }
            }
        }
        return changed
    }

    /// The handling energy per tonne of every candidate hub (its weight dimension's figure
    /// times 1,000), by hub id; empty when the network counts no weight.
    public var candidateHubEnergyPerTonne: [(hub: String, perTonne: Double)] {
        guard let weight = network.weightDimension else { return [] }
        return hubs.compactMap { id in network.hub(id).map { (id, $0.handlingEnergyPerUnit[weight] * 1000) } }
    }
}

extension Scenario {
    /// This scenario with one price of candidate hub `hub` changed: the weekly fixed cost set
    /// to `value` EUR, or every handling price per unit multiplied by `value`. Nil when the
    /// network has no such hub.
    public func settingPrice(_ price: HubPrice, of hub: String, to value: Double) -> Scenario? {
        guard let index = network.hubs.firstIndex(where: { $0.id == hub }) else { return nil }
        var changed = self
        switch price {
        case .fixedCostPerWeek: changed.network.hubs[index].fixedCostPerWeek = value
        case .handlingCost:
            changed.network.hubs[index].handlingCost = network.hubs[index].handlingCost.map { $0 * value }
        }
        return changed
    }
}

extension Scenario {
    /// The scenario for a coalition of its organisations (``organisations``, by position):
    /// their sites, the flows to those sites, the suppliers that deliver them, and every
    /// candidate hub, which any coalition may share. A supplier of several members combines
    /// their deliveries, in the baseline and in the bundled plan. The name says who is in.
    public func coalition(_ members: [Int]) -> Scenario {
        let chosen = members.filter(organisations.indices.contains).sorted()
        let sites = Set(chosen.flatMap { organisations[$0].sites })
        var network = self.network
        network.sites = network.sites.filter { sites.contains($0.id) }
        network.flows =
            network.flows.filter { sites.contains($0.site) }.enumerated().map { position, flow in
                var renumbered = flow
                // A flow's index is its position in the network's list, which plans key on.
                renumbered.index = position
                return renumbered
            }
        let supplying = Set(network.flows.map(\.supplier))
        network.suppliers = network.suppliers.filter { supplying.contains($0.id) }
        var scenario = self
        scenario.network = network
        scenario.organisations = chosen.map { organisations[$0] }
        scenario.name = "\(name): " + chosen.map { organisations[$0].id }.joined(separator: " + ")
        return scenario
    }
}

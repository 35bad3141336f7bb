extension Network {
    /// The product group of a flow: its own (flows.csv), else its supplier's (suppliers.csv).
    /// Everything that groups flows by product group (delivery frequency exemptions, tender
    /// clauses, supplier consolidation, the rankings) asks here.
    public func productGroup(of flow: Flow) -> String {
        flow.productGroup ?? supplier(flow.supplier)?.productGroup ?? ""
    }

    /// The product groups of the network's flows, and of suppliers without flows.
    public var productGroups: Set<String> {
        let supplying = Set(flows.map(\.supplier))
        return Set(flows.map(productGroup(of:)))
            .union(suppliers.filter { !supplying.contains($0.id) }.map(\.productGroup))
    }
}

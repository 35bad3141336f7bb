/// A network as read from its files, with what the scenario's checks need to know about those
/// files beyond the model itself.
struct LoadedNetwork {
    var network: Network
    /// Hub ids the network file names, valid or not.
    var hubIds: DeclaredIds
    /// Vehicle type ids the network file names, valid or not.
    var typeIds: DeclaredIds
    /// The flows table as shown in messages, and the line of each flow (by flow index), so
    /// that notes about a flow can point at its row.
    var flowRows = FlowRows()
    /// The suppliers table as shown in messages, and each supplier's line by id.
    var suppliersFile: String = ""
    var supplierLines: [String: Int] = [:]
    /// The table of each supplier by id, where several networks were merged (else
    /// ``suppliersFile``).
    var supplierFiles: [String: String] = [:]
    /// The sites table as shown in messages, and each site's line by id.
    var sitesFile: String = ""
    var siteLines: [String: Int] = [:]
    /// The line of each hub's and vehicle type's entry in the network file, by id, and of its
    /// `dimensions` and `service_time` keys: where a merge of networks reports a conflict.
    var hubLines: [String: Int] = [:]
    var typeLines: [String: Int] = [:]
    var dimensionsLine: Int?
    var serviceTimeLine: Int?

    /// The table the supplier `id` was read from.
    func suppliersFile(of id: String) -> String { supplierFiles[id] ?? suppliersFile }
    /// The headers of sites.csv and suppliers.csv, and each site's `address` by id, for
    /// ``NetworkFile`` (`bundel import` writes rows for these tables).
    var siteColumns: [String] = []
    var supplierColumns: [String] = []
    var siteAddresses: [String: String] = [:]
}

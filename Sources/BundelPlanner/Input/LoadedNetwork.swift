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
    var flowsFile: String = ""
    var flowLines: [Int] = []
    /// The suppliers table as shown in messages, and each supplier's line by id.
    var suppliersFile: String = ""
    var supplierLines: [String: Int] = [:]
    /// The headers of sites.csv and suppliers.csv, and each site's `address` by id, for
    /// ``NetworkFile`` (`bundel import` writes rows for these tables).
    var siteColumns: [String] = []
    var supplierColumns: [String] = []
    var siteAddresses: [String: String] = [:]
}

/// One organisation of a scenario that names several networks (`networks: [..]`): the network
/// it brought and the sites that are its own. Suppliers and hubs are not an organisation's:
/// a supplier with the same id in several networks is one company serving them all, and every
/// hub is a candidate any coalition of organisations may share.
public struct Organisation: Sendable, Hashable, Codable {
    /// The network's `name`, which names the organisation in reports.
    public var id: String
    /// The network file as messages show it.
    public var file: String
    /// The ids of the organisation's sites, in the order of its sites table.
    public var sites: [String]

    public init(id: String, file: String, sites: [String]) {
        self.id = id
        self.file = file
        self.sites = sites
    }
}

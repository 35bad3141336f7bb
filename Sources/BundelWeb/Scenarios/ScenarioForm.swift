/// A scenario as the form (or an API client) gives it: either the fields of the form or a whole
/// scenario file as YAML text, in both cases for one stored network.
struct ScenarioForm: Decodable {
    var networkId: Int64
    var name: String
    /// A whole scenario file; when given, the fields below are not used. Its `network:` is set to
    /// the stored network, whatever it said.
    var yaml: String?
    var hubs: [String]?
    /// The hub fleet: vehicle type ids of the network.
    var hubFleet: [String]?
    /// Every supplier's own fleet (`fleets.suppliers.all`), vehicle type ids; when not given, each
    /// supplier drives its own vehicle type from suppliers.csv.
    var supplierFleet: [String]?
    /// Single suppliers' fleets by supplier id (`fleets.suppliers.ID`), over `supplierFleet`.
    var supplierFleets: [String: [String]]?
    /// `free`, `in` or `out`: whether suppliers may, must or may not deliver through a hub.
    var participation: String?
    var days: [String]?
    /// `cost`, `km` or `co2e`.
    var objective: String?
    var timeLimitSeconds: Double?
    var routingIterations: Int?
    var seed: Int?
    /// A built-in emission factor set; `nl-2021` when not given.
    var emissionFactors: String?
    /// `cheapest` or `balanced`.
    var baselineDays: String?
}

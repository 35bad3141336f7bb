import Foundation
import Yams

/// A network made in the browser from its three CSV tables and a form for the rest: a name, the
/// hubs (costs, capacity a week, how goods cross the dock), the time a delivery takes at a stop,
/// and vehicle types from bundel's catalogue. Quantities are in kg and roll cages (the columns
/// `kg` and `cages` of flows.csv), as in the networks that come with bundel: the catalogue's
/// types carry capacities in those two, so other dimensions need a network.yaml of one's own.
struct NetworkForm: Decodable {
    struct HubRow: Decodable {
        var id: String
        var name: String
        var lat: Double
        var lon: Double
        var fixedCostPerWeek: Double
        var handlingCostPerCage: Double?
        /// What the hub can handle a week; a dimension left out is unlimited.
        var capacityCagesPerWeek: Double?
        var capacityKgPerWeek: Double?
        /// `next_day` or `same_day`; the loader refuses anything else, naming the field.
        var crossDock: String?
        /// `HH:MM`: what is unloaded by then goes out the next planning day.
        var cutOff: String?
    }

    var name: String
    var description: String?
    var hubs: [HubRow]
    /// Ids of bundel's vehicle catalogue (`base:`), each used under its own id.
    var vehicleTypes: [String]
    var sitesCsv: String
    var suppliersCsv: String
    var flowsCsv: String
    /// Minutes a supplier's delivery adds at a stop (delivery note, check, signature).
    var perDeliveryMinutes: Double?

    /// The catalogue's ids as the form offers them; the loader checks them, so a stale entry
    /// here is a 422 naming the field, never a wrong network.
    static let catalogue = ["diesel-van", "e-van", "rigid-truck", "e-truck", "articulated-truck", "e-cargo-bike"]

    /// Writes network.yaml and the three tables into `folder`.
    func write(to folder: URL) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw APIError(.badRequest, "give the network a name") }
        guard !vehicleTypes.isEmpty else { throw APIError(.badRequest, "choose at least one vehicle type") }
        let dimension = { (id: String, name: String, unit: String) in
            Node.mapping(
                Node.Mapping([(Node("id"), Node(id)), (Node("name"), Node(name)), (Node("unit"), Node(unit))]))
        }
        let hubNodes = hubs.map { hub in
            var pairs: [(Node, Node)] = [
                (Node("id"), Node(hub.id)), (Node("name"), Node(hub.name)), (Node("lat"), Node(String(hub.lat))),
                (Node("lon"), Node(String(hub.lon))), (Node("fixed_cost_per_week"), Node(String(hub.fixedCostPerWeek))),
            ]
            if let cage = hub.handlingCostPerCage {
                pairs.append((Node("handling_cost"), .mapping(Node.Mapping([(Node("cages"), Node(String(cage)))]))))
            }
            let capacity = [("kg", hub.capacityKgPerWeek), ("cages", hub.capacityCagesPerWeek)].compactMap {
                key, value in
                value.map { (Node(key), Node(String($0))) }
            }
            if !capacity.isEmpty { pairs.append((Node("capacity_per_week"), .mapping(Node.Mapping(capacity)))) }
            if let crossDock = hub.crossDock { pairs.append((Node("cross_dock"), Node(crossDock))) }
            // Quoted: YAML 1.1 would read a bare 18:00 as the number 1080.
            if let cutOff = hub.cutOff { pairs.append((Node("cut_off"), Node(cutOff, .implicit, .doubleQuoted))) }
            return Node.mapping(Node.Mapping(pairs))
        }
        let typeNodes = vehicleTypes.map {
            Node.mapping(Node.Mapping([(Node("id"), Node($0)), (Node("base"), Node($0))]))
        }
        let top = Node.Mapping(
            [
                (Node("name"), Node(trimmed)), (Node("description"), Node(description ?? "")),
                (
                    Node("dimensions"),
                    .sequence(
                        Node.Sequence([dimension("kg", "weight", "kg"), dimension("cages", "roll cages", "roll cage")]))
                ),
                (Node("sites"), Node("sites.csv")), (Node("suppliers"), Node("suppliers.csv")),
                (Node("flows"), Node("flows.csv")), (Node("hubs"), .sequence(Node.Sequence(hubNodes))),
                (Node("vehicle_types"), .sequence(Node.Sequence(typeNodes))),
            ]
                + (perDeliveryMinutes.map {
                    [(Node("service_time"), .mapping(Node.Mapping([(Node("per_delivery_minutes"), Node(String($0)))])))]
                } ?? []))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try Yams.serialize(node: .mapping(top)).utf8).write(to: folder.appendingPathComponent("network.yaml"))
        for (file, text) in [("sites.csv", sitesCsv), ("suppliers.csv", suppliersCsv), ("flows.csv", flowsCsv)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        }
    }
}

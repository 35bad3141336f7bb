import Foundation
import Yams

/// A network made in the browser from its three CSV tables and a form for the rest: a name, the
/// hubs, and vehicle types from bundel's catalogue. Quantities are in kg and roll cages (the
/// columns `kg` and `cages` of flows.csv), as in the networks that come with bundel.
struct NetworkForm: Decodable {
    struct HubRow: Decodable {
        var id: String
        var name: String
        var lat: Double
        var lon: Double
        var fixedCostPerWeek: Double
        var handlingCostPerCage: Double?
    }

    var name: String
    var description: String?
    var hubs: [HubRow]
    /// Ids of bundel's vehicle catalogue (`base:`), each used under its own id.
    var vehicleTypes: [String]
    var sitesCsv: String
    var suppliersCsv: String
    var flowsCsv: String

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
            return Node.mapping(Node.Mapping(pairs))
        }
        let typeNodes = vehicleTypes.map {
            Node.mapping(Node.Mapping([(Node("id"), Node($0)), (Node("base"), Node($0))]))
        }
        let top = Node.Mapping([
            (Node("name"), Node(trimmed)), (Node("description"), Node(description ?? "")),
            (
                Node("dimensions"),
                .sequence(
                    Node.Sequence([dimension("kg", "weight", "kg"), dimension("cages", "roll cages", "roll cage")]))
            ),
            (Node("sites"), Node("sites.csv")), (Node("suppliers"), Node("suppliers.csv")),
            (Node("flows"), Node("flows.csv")), (Node("hubs"), .sequence(Node.Sequence(hubNodes))),
            (Node("vehicle_types"), .sequence(Node.Sequence(typeNodes))),
        ])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try Yams.serialize(node: .mapping(top)).utf8).write(to: folder.appendingPathComponent("network.yaml"))
        for (file, text) in [("sites.csv", sitesCsv), ("suppliers.csv", suppliersCsv), ("flows.csv", flowsCsv)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        }
    }
}

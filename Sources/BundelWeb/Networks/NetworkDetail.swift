import BundelPlanner
import Foundation

/// A stored network as the API shows it: its counts and, read again from its files, the rows of
/// its sites, suppliers, flows, hubs and vehicle types.
struct NetworkDetail: Encodable {
    struct SiteRow: Encodable {
        var id, name, group: String
        var lat, lon: Double
        var windowStart, windowEnd, serviceMinutes: Int
        var inZone: Bool
    }
    struct SupplierRow: Encodable {
        var id, name, productGroup, vehicleType: String
        var lat, lon: Double
    }
    struct FlowRow: Encodable {
        var supplier, site: String
        var deliveriesPerWeek: Int
        var weeklyQuantity: [Double]
    }
    struct HubRow: Encodable {
        var id, name: String
        var lat, lon: Double
        var fixedCostPerWeek: Double
        /// Per dimension, in the order of `dimensions`; `nil` (JSON null) where unlimited.
        var capacityPerWeek: [Double?]
        var crossDock: String
        /// `HH:MM`.
        var cutOff: String
    }
    struct VehicleTypeRow: Encodable {
        var id, name: String
    }

    var network: NetworkSummary
    var dimensions: [String]
    var sites: [SiteRow]
    var suppliers: [SupplierRow]
    var flows: [FlowRow]
    var hubs: [HubRow]
    var vehicleTypes: [VehicleTypeRow]

    init(record: NetworkRecord, network: Network) {
        self.network = NetworkSummary(record)
        dimensions = network.dimensions.map(\.id)
        sites = network.sites.map {
            SiteRow(
                id: $0.id, name: $0.name, group: $0.group, lat: $0.location.latitude, lon: $0.location.longitude,
                windowStart: $0.windowStart, windowEnd: $0.windowEnd, serviceMinutes: $0.serviceMinutes,
                inZone: $0.inZone)
        }
        suppliers = network.suppliers.map {
            SupplierRow(
                id: $0.id, name: $0.name, productGroup: $0.productGroup, vehicleType: $0.vehicleType,
                lat: $0.depot.latitude, lon: $0.depot.longitude)
        }
        flows = network.flows.map {
            FlowRow(
                supplier: $0.supplier, site: $0.site, deliveriesPerWeek: $0.deliveriesPerWeek,
                weeklyQuantity: $0.weeklyQuantity)
        }
        hubs = network.hubs.map {
            HubRow(
                id: $0.id, name: $0.name, lat: $0.location.latitude, lon: $0.location.longitude,
                fixedCostPerWeek: $0.fixedCostPerWeek,
                capacityPerWeek: $0.capacityPerWeek.map { $0.isFinite ? $0 : nil },
                crossDock: $0.crossDock.rawValue,
                cutOff: String(format: "%02d:%02d", $0.cutOffMinute / 60, $0.cutOffMinute % 60))
        }
        vehicleTypes = network.vehicleTypes.map { VehicleTypeRow(id: $0.id, name: $0.name) }
    }

    /// Reads the stored network's files again (they are small, and this keeps one truth: the files).
    static func read(_ record: NetworkRecord, store: WebStore) throws -> NetworkDetail {
        guard let id = record.id else { throw APIError.notFound("network") }
        let folder = store.networkFolder(id)
        let network = try NetworkImport.load(folder.appendingPathComponent("network.yaml"), under: folder)
        return NetworkDetail(record: record, network: network)
    }
}

/// A network in a list: what the database holds.
struct NetworkSummary: Encodable {
    var id: Int64
    var name: String
    var description: String
    var sites, suppliers, flows: Int
    var hubs: [String]
    var createdAt: String

    init(_ record: NetworkRecord) {
        id = record.id ?? 0
        name = record.name
        description = record.description
        sites = record.sites
        suppliers = record.suppliers
        flows = record.flows
        hubs = record.hubIds.split(separator: ",").map(String.init)
        createdAt = record.createdAt
    }
}

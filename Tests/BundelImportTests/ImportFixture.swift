import Foundation

@testable import BundelImport

/// The small network the import tests read logs for, the fixture files, and helpers.
enum ImportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let network = ImportNetwork(
        dimensions: [
            .init(id: "kg", name: "weight", unit: "kg"), .init(id: "cages", name: "roll cages", unit: "roll cage"),
        ],
        sites: [
            .init(id: "site-a", name: "Site A"), .init(id: "site-b", name: "Site B", address: "Roetersstraat 11"),
            .init(id: "site-c", name: "Site C"),
        ],
        suppliers: [
            .init(id: "bakery", name: "Bakkerij Zon"), .init(id: "paper", name: "Papier & Co"),
            .init(id: "cleaning", name: "Cleaning BV"), .init(id: "drinks", name: "Drinks"),
        ],
        siteColumns: [
            "id", "name", "campus", "lat", "lon", "window_start", "window_end", "service_minutes", "in_zone",
            "coordinate_source", "address",
        ],
        supplierColumns: ["id", "name", "product_group", "depot_area", "lat", "lon", "vehicle_type"],
        reservedIds: ["hub"])

    /// Imports CSV text for ``network``.
    static func run(
        _ csv: String, mapping: ColumnMapping = ColumnMapping(), locations: LocationTable? = nil
    ) throws -> DeliveryImport {
        let table = try CSVLogReader.read(csv, file: "log.csv")
        return try DeliveryImport.run(table, mapping: mapping, network: network, locations: locations)
    }

    /// The error `body` throws, as text ("" when it throws none): matching on a typed error and
    /// interpolating it in one place crashes the compiler.
    static func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A week of deliveries: Monday 2 March 2026 to Friday 6 March, one flow on two days.
    static let oneWeek = """
        datum,leverancier,locatie,kg,cages
        2026-03-02,bakery,site-a,100,1
        2026-03-05,bakery,site-a,100,1
        2026-03-06,paper,site-b,50,1

        """
}

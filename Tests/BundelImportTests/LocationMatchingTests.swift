import Foundation
import Testing

@testable import BundelImport

/// Addresses and postcodes to coordinates through the user's table: exact, then normalised,
/// never guessed; known sites found by name and address; new sites and suppliers get rows.
@Suite("Locations and new places")
struct LocationMatchingTests {
    static let locations = LocationTable(
        file: "pc6.csv",
        entries: [
            ("1018 WV", .init(lat: 52.3637, lon: 4.9124)), ("Science Park 904", .init(lat: 52.3550, lon: 4.9550)),
            ("1098XH", .init(lat: 52.3560, lon: 4.9540)), ("1098 xh", .init(lat: 52.3561, lon: 4.9541)),
        ])

    @Test func keysMatchExactlyThenNormalised() throws {
        #expect(Self.locations.lookUp("1018 WV")?.1 == .exact)
        #expect(Self.locations.lookUp("1018wv")?.1 == .normalised)
        #expect(Self.locations.lookUp(" 1018-wv ")?.0 == .init(lat: 52.3637, lon: 4.9124))
        #expect(Self.locations.lookUp("science park 904")?.1 == .normalised)
        #expect(Self.locations.lookUp("1018 WX") == nil)
        // Two rows give 1098XH different coordinates: exact still matches, normalised would guess.
        #expect(Self.locations.lookUp("1098XH")?.1 == .exact)
        #expect(Self.locations.lookUp("1098 XH") == nil)
        #expect(LocationTable.normalise("Rapenburgerstraat 173, 1011 VM") == "rapenburgerstraat1731011vm")
    }

    @Test func aLocationsTableIsReadFromCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pc6.csv")
        try Data("postcode;lat;lon\r\n1018 WV;52,3637;4,9124\r\n".utf8).write(to: file)
        let table = try LocationTable.load(url: file, file: "pc6.csv")
        #expect(table.lookUp("1018WV")?.0 == .init(lat: 52.3637, lon: 4.9124))
        try Data("postcode,lat,lon\n1018 WV,north,4.9\n".utf8).write(to: file)
        let message = ImportFixture.failure { _ = try LocationTable.load(url: file, file: "pc6.csv") }
        #expect(message.contains("pc6.csv:2: field 'lat': expected a latitude and longitude in degrees"), "\(message)")
    }

    static let log = """
        datum,leverancier,afleveradres,postcode,kg,cages
        2026-03-02,Bakkerij Zon,Roetersstraat 11,1018 WV,100,1
        2026-03-03,Bakkerij Zon,Science Park 904,,100,1
        2026-03-04,Nieuwe Leverancier BV,Onbekendeweg 1,9999 ZZ,100,1
        2026-03-05,Bakkerij Zon,Site C,,100,1
        2026-03-06,Bakkerij Zon,Kerkstraat 5,1018wv,100,1

        """

    @Test func addressesFindKnownSitesOrBecomeNewOnes() throws {
        let result = try ImportFixture.run(Self.log, locations: Self.locations)
        let sites = Dictionary(uniqueKeysWithValues: result.summary.sites.map { ($0.id, $0) })
        // A known site by its address and by its name.
        #expect(sites["site-b"]?.status == "known")
        #expect(sites["site-c"]?.status == "known")
        #expect(sites["science-park-904"]?.status == "exact")
        #expect(sites["onbekendeweg-1"]?.status == "unmatched")
        #expect(sites["kerkstraat-5"]?.status == "normalised")
        #expect(sites["kerkstraat-5"]?.matchedText == "1018wv")
        #expect(sites["kerkstraat-5"]?.lat == 52.3637)
        #expect(result.summary.suppliers.map(\.status) == ["known", "new"])
        let newSites = result.newSitesCSV.split(separator: "\n").map(String.init)
        #expect(
            newSites == [
                "id,name,campus,lat,lon,window_start,window_end,service_minutes,in_zone,coordinate_source,address",
                "science-park-904,Science Park 904,,52.355000,4.955000,TODO,TODO,TODO,,locations-table exact: Science Park 904,Science Park 904",
                "onbekendeweg-1,Onbekendeweg 1,,TODO,TODO,TODO,TODO,TODO,,,Onbekendeweg 1",
                "kerkstraat-5,Kerkstraat 5,,52.363700,4.912400,TODO,TODO,TODO,,locations-table normalised: 1018wv,Kerkstraat 5",
            ])
        #expect(
            result.newSuppliersCSV
                == "id,name,product_group,depot_area,lat,lon,vehicle_type\nnieuwe-leverancier-bv,Nieuwe Leverancier BV,,,TODO,TODO,TODO\n"
        )
        #expect(result.report.contains("- onbekendeweg-1: Onbekendeweg 1; not in the locations table, no coordinates"))
        #expect(result.files.map(\.name).suffix(2) == ["new-suppliers.csv", "new-sites.csv"])
    }

    @Test func withoutATableNewSitesHaveNoCoordinates() throws {
        let result = try ImportFixture.run(Self.log)
        #expect(result.summary.sites.filter { $0.status == "no-table" }.count == 3)
        #expect(result.summary.sites.allSatisfy { $0.lat == nil })
    }

    @Test func newIdsNeverTakeOneInUse() throws {
        // A supplier named like a site, a site named like the hub, two names of one slug.
        let log = """
            datum,leverancier,locatie,kg
            2026-03-02,Site A,Hub,10
            2026-03-03,bakery,hub!,10
            2026-03-06,bakery,Hub?,10

            """
        let result = try ImportFixture.run(log)
        #expect(result.summary.suppliers.filter { $0.status == "new" }.map(\.id) == ["site-a-2"])
        #expect(result.summary.sites.filter { $0.status != "known" }.map(\.id) == ["hub-2"])
    }
}

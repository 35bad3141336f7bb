import Foundation
import Testing

@testable import BundelPlanner

/// Tables as a spreadsheet in a Dutch locale saves them on Windows: semicolons between the
/// fields, a UTF-8 byte-order mark and CRLF line endings. They read as the same network as the
/// comma-separated originals (docs/format.md, "CSV files").
@Suite("Tables saved by spreadsheets")
struct SpreadsheetExportTests {
    /// `text` with semicolons for commas, CRLF line endings and a leading byte-order mark.
    static func spreadsheetForm(_ text: String) -> String {
        "\u{FEFF}" + text.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
    }

    @Test func semicolonsByteOrderMarkAndCRLFReadAsTheCommaTables() throws {
        let original = try ScenarioLoader.load(path: Fixture.smallScenario).network
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["sites.csv", "suppliers.csv", "flows.csv", "network.yaml", "scenario.yaml"] {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            // YAML keeps its commas (flow mappings); it gets the mark and the line endings only.
            let converted =
                name.hasSuffix(".csv")
                ? Self.spreadsheetForm(text) : "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
            try converted.write(to: url, atomically: true, encoding: .utf8)
        }
        // The bytes as written: a mark, semicolons and CRLF (reading as a String drops the mark).
        let sites = [UInt8](try Data(contentsOf: folder.appendingPathComponent("sites.csv")))
        try #require(sites.starts(with: [0xEF, 0xBB, 0xBF] + Array("id;name;".utf8)))
        try #require(sites.count(where: { $0 == 0x0D }) == 7)

        let read = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path).network
        #expect(read.sites == original.sites)
        #expect(read.suppliers == original.suppliers)
        #expect(read.flows == original.flows)
        #expect(read.hubs.map(\.id) == original.hubs.map(\.id) && read.name == original.name)
    }
}

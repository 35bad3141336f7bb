import Foundation
import Testing

@testable import BundelImport

/// Workbooks written by openpyxl (Fixtures/make-fixtures.py) read equal to their CSV twin:
/// dates as Excel serials and as text, inline and shared strings, numbers, a sheet by name.
@Suite("XLSX logs")
struct XLSXTwinTests {
    static func csv() throws -> LogTable {
        try CSVLogReader.read(url: ImportFixture.folder.appendingPathComponent("twin.csv"), file: "twin")
    }

    static func xlsx(_ name: String, sheet: String? = nil) throws -> LogTable {
        try XLSXReader.read(url: ImportFixture.folder.appendingPathComponent(name), file: "twin", sheet: sheet)
    }

    /// The import of `table` with the date read from `dateColumn`.
    static func run(_ table: LogTable, dateColumn: String) throws -> DeliveryImport {
        let mapping = try ColumnMapping().applying(options: ["date=\(dateColumn)"])
        return try DeliveryImport.run(table, mapping: mapping, network: ImportFixture.network, locations: nil)
    }

    @Test(arguments: ["twin.xlsx", "twin-shared.xlsx"])
    func theWorkbookReadsLikeItsCSVTwin(name: String) throws {
        let sheet = try Self.xlsx(name), text = try Self.csv()
        #expect(sheet.header == text.header)
        #expect(sheet.rows.count == text.rows.count)
        #expect(sheet.rows.map(\.line) == text.rows.map(\.line))
        // A number cell holds the date as a serial; text cells hold text.
        #expect(sheet.rows[0][0] == .number(46083))
        #expect(sheet.rows[0][1] == .text("2-3-2026"))
        #expect(sheet.rows[0][2] == .text("Bakkerij Zon"))
        #expect(sheet.rows[0][4] == .number(120))
        let expected = try Self.run(text, dateColumn: "Leverdatum")
        for column in ["Leverdatum", "Datum tekst"] {
            let imported = try Self.run(sheet, dateColumn: column)
            #expect(imported.flows == expected.flows, "\(name), dates from \(column)")
            #expect(imported.flowsCSV == expected.flowsCSV)
            #expect(imported.statisticsCSV == expected.statisticsCSV)
        }
        #expect(expected.flows.count == 3)
        #expect(expected.flowsCSV.contains("paper,site-a,1,311.25,3,tue,paper"))
        #expect(expected.flowsCSV.hasPrefix("supplier,site,deliveries_per_week,kg,cages,days,product_group\n"))
    }

    @Test func aSheetIsChosenByName() throws {
        let orders = try Self.xlsx("twin-shared.xlsx", sheet: "Orders")
        #expect(orders.rows.count == 4)
        #expect(orders.file == "twin[Orders]")
        let message = ImportFixture.failure { _ = try Self.xlsx("twin.xlsx", sheet: "Nope") }
        #expect(message.contains("no sheet named 'Nope'; the workbook has 'Leveringen', 'Orders'"), "\(message)")
    }

    @Test func aFileThatIsNoWorkbookIsRefused() throws {
        let message = ImportFixture.failure {
            _ = try XLSXReader.read(url: ImportFixture.folder.appendingPathComponent("twin.csv"), file: "twin.csv")
        }
        #expect(message.contains("twin.csv: not an XLSX workbook"), "\(message)")
    }

    @Test func cellReferencesPlaceCellsInTheirColumns() {
        #expect(SheetCells.column(of: "A1") == 0)
        #expect(SheetCells.column(of: "Z9") == 25)
        #expect(SheetCells.column(of: "AB12") == 27)
        #expect(SheetCells.column(of: "12") == nil)
    }
}

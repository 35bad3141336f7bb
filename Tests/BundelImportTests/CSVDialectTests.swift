import Foundation
import Testing

@testable import BundelImport

/// What spreadsheets save: semicolons and decimal commas, a byte-order mark, CRLF or CR alone.
@Suite("CSV dialects")
struct CSVDialectTests {
    static let plain = """
        Datum,Leverancier,Locatie,Gewicht (kg),Rolcontainers
        2026-03-02,bakery,site-a,1234.5,2
        2026-03-04,bakery,site-a,99.25,1
        2026-03-09,bakery,site-a,1000,2

        """

    @Test func semicolonsDecimalCommasBOMAndCRLFReadAsThePlainFile() throws {
        let dutch =
            "\u{FEFF}Datum;Leverancier;Locatie;Gewicht (kg);Rolcontainers\r\n02-03-2026;bakery;site-a;1.234,5;2\r\n"
            + "4-3-2026;bakery;site-a;99,25;1\r\n9/3/2026;bakery;site-a;1000;2\r\n"
        let a = try CSVLogReader.read(Self.plain, file: "log.csv")
        let b = try CSVLogReader.read(dutch, file: "log.csv")
        #expect(b.header == a.header)
        #expect(b.decimalComma && !a.decimalComma)
        let first = try ImportFixture.run(Self.plain),
            second = try DeliveryImport.run(
                b, mapping: ColumnMapping(), network: ImportFixture.network, locations: nil)
        #expect(first.flows == second.flows)
        #expect(first.flows.first?.weeklyQuantity == [(1234.5 + 99.25 + 1000) / 2, 2.5])
    }

    @Test func carriageReturnsAloneEndLines() throws {
        let table = try CSVLogReader.read(Self.plain.replacingOccurrences(of: "\n", with: "\r"), file: "log.csv")
        #expect(table.rows.count == 3)
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func theDelimiterIsTheOneTheHeaderUsesMost() {
        #expect(CSVLogReader.guessDelimiter(firstLine: "a;b;c") == .semicolon)
        #expect(CSVLogReader.guessDelimiter(firstLine: "a,b,c") == .comma)
        #expect(CSVLogReader.guessDelimiter(firstLine: "\"a;x\",b,c") == .comma)
        #expect(CSVLogReader.guessDelimiter(firstLine: "a\tb\tc") == .tab)
    }

    @Test func numbersTakeEitherDecimalSign() {
        #expect(LogNumber.parse(.text("2,5"), decimalComma: true) == 2.5)
        #expect(LogNumber.parse(.text("2,5"), decimalComma: false) == nil)
        #expect(LogNumber.parse(.text("1.234,5"), decimalComma: true) == 1234.5)
        #expect(LogNumber.parse(.text("1,234.5"), decimalComma: false) == 1234.5)
        #expect(LogNumber.parse(.text("12.5"), decimalComma: true) == 12.5)
        #expect(LogNumber.parse(.text("kg"), decimalComma: true) == nil)
    }

    @Test func datesAreISODayFirstOrExcelSerials() {
        #expect(LogDate.parse(.text("2026-03-02"))?.description == "2026-03-02")
        #expect(LogDate.parse(.text("2026-03-02 08:15"))?.description == "2026-03-02")
        #expect(LogDate.parse(.text("2-3-2026"))?.description == "2026-03-02")
        #expect(LogDate.parse(.text("02-03-2026"))?.description == "2026-03-02")
        #expect(LogDate.parse(.text("2/3/2026"))?.description == "2026-03-02")
        #expect(LogDate.parse(.number(46083))?.description == "2026-03-02")
        #expect(LogDate.parse(.number(46083.75))?.description == "2026-03-02")
        #expect(LogDate.parse(.text("31-2-2026")) == nil)
        #expect(LogDate.parse(.text("2-3-26")) == nil)
        #expect(LogDate.parse(.text("maandag")) == nil)
        #expect(LogDate(year: 2026, month: 3, day: 2)?.weekday == 0)
        #expect(LogDate(year: 2026, month: 3, day: 8)?.weekday == 6)
    }

    @Test func headersAndUnitsAreRecognisedInDutchAndEnglish() throws {
        let log = """
            Delivery date,Supplier,Site,Weight (t),Roll cages,Product group,Notes
            2026-03-02,bakery,site-a,0.5,2,food,x
            2026-03-06,bakery,site-a,0.25,1,food,y

            """
        let result = try ImportFixture.run(log)
        #expect(result.flows.first?.weeklyQuantity == [750, 3])
        #expect(result.flows.first?.productGroup == "food")
        #expect(result.summary.ignoredColumns == ["Notes"])
        let bracketed = try ImportFixture.run(
            "datum,leverancier,locatie,Hoeveelheid [kg],rc\n2026-03-02,bakery,site-a,10,1\n2026-03-06,bakery,site-a,5,1\n"
        )
        #expect(bracketed.flows.first?.weeklyQuantity == [15, 2])
    }

    @Test func aMappingFileNamesColumnsAndUnits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mapping.yaml")
        try Data(
            "sheet: Orders\ncolumns:\n  date: Dag\n  supplier: Wie\n  site: Waar\n  kg: {column: Massa, unit: t}\n  cages: RC\n"
                .utf8
        ).write(to: file)
        let mapping = try ColumnMapping.load(url: file, file: "mapping.yaml")
        #expect(mapping.sheet == "Orders")
        let log = "Dag,Wie,Waar,Massa,RC\n2026-03-02,bakery,site-a,0.1,1\n2026-03-09,bakery,site-a,0.3,1\n"
        let result = try ImportFixture.run(log, mapping: mapping)
        #expect(result.flows.first?.weeklyQuantity == [200, 1])
        // An option wins over the file.
        let optioned = try mapping.applying(options: ["cages=Massa"])
        #expect(optioned.choices["cages"] == .init(column: "Massa"))
    }
}

import Foundation
import Testing

@testable import BundelImport

/// Each kind of bad row is left out and listed with its line and reason; a log with nothing
/// usable, less than a week or a quantity in a unit the network lacks is refused.
@Suite("Bad delivery logs")
struct BadInputTests {
    /// A good week (lines 2 to 4) and then `rows` from line 5.
    static func log(_ rows: [String], header: String = "datum,leverancier,locatie,kg,cages") -> String {
        ([header, "2026-03-02,bakery,site-a,100,1", "2026-03-05,bakery,site-a,100,1", "2026-03-09,paper,site-b,50,1"]
            + rows).joined(separator: "\n") + "\n"
    }

    static func skipped(_ rows: [String]) throws -> [String] {
        try ImportFixture.run(log(rows)).summary.skipped.map(\.description)
    }

    @Test func eachBadRowIsListedWithItsLineAndReason() throws {
        let skipped = try Self.skipped([
            "2026-13-02,bakery,site-a,100,1",
            "2026-03-03,,site-a,100,1",
            "2026-03-03,bakery,,100,1",
            "2026-03-03,bakery,site-a,0,0",
            "2026-03-03,bakery,site-a,-5,1",
            "2026-03-03,bakery,site-a,veel,1",
            "2026-03-09,paper,site-b,50,1",
            ",bakery,site-a,100,1",
        ])
        #expect(
            skipped == [
                "log.csv:5: field 'datum': cannot read '2026-13-02' as a date; expected 2026-03-02, 2-3-2026 (day first) or an Excel date",
                "log.csv:6: field 'leverancier': missing supplier",
                "log.csv:7: field 'locatie': missing site (no site, address or postcode)",
                "log.csv:8: no positive quantity: every quantity is zero or empty",
                "log.csv:9: field 'kg': a quantity must not be negative, got -5",
                "log.csv:10: field 'kg': not a number: 'veel'",
                "log.csv:11: the same row as line 4: a duplicate, left out",
                "log.csv:12: field 'datum': missing date",
            ])
        let report = try ImportFixture.run(Self.log(["2026-03-03,,site-a,100,1"])).report
        #expect(report.contains("## Rows left out\n\n- log.csv:5: field 'leverancier': missing supplier"))
    }

    @Test func anUnknownUnitInAUnitColumnLeavesTheRowOut() throws {
        let log = """
            datum,leverancier,locatie,aantal,eenheid
            2026-03-02,bakery,site-a,3,rolcontainers
            2026-03-03,bakery,site-a,2,dozen
            2026-03-09,bakery,site-a,0.2,ton

            """
        let result = try ImportFixture.run(log)
        #expect(
            result.summary.skipped.map(\.description) == [
                "log.csv:3: field 'eenheid': unknown unit 'dozen': the network's dimensions are kg (kg), cages (roll cage) (kg, t, pallets and roll cages convert)"
            ])
        #expect(result.flows.first?.weeklyQuantity == [100, 1.5])
        #expect(result.summary.dimensionsWithoutColumn.isEmpty)
    }

    @Test func aQuantityColumnInAUnitTheNetworkLacksIsRefused() {
        let message = ImportFixture.failure {
            _ = try ImportFixture.run(Self.log([], header: "datum,leverancier,locatie,kg,pallets"))
        }
        #expect(
            message.contains(
                "log.csv:1: field 'pallets': a quantity in pallets, but the network has no dimension in that unit (dimensions: kg (kg), cages (roll cage))"
            ), "\(message)")
    }

    @Test func aLogWithNothingUsableIsRefusedWithEveryReason() {
        let message = ImportFixture.failure {
            _ = try ImportFixture.run("datum,leverancier,locatie,kg\nmorgen,bakery,site-a,1\n2026-03-02,,site-a,1\n")
        }
        #expect(message.hasPrefix("3 problems in the input:"), "\(message)")
        #expect(message.contains("log.csv:2: field 'datum': cannot read 'morgen' as a date"))
        #expect(message.contains("log.csv:3: field 'leverancier': missing supplier"))
        #expect(message.contains("log.csv: no usable row: 2 row(s) read, 2 left out"))
    }

    @Test func aLogShorterThanAWeekIsRefused() {
        let message = ImportFixture.failure {
            _ = try ImportFixture.run(
                "datum,leverancier,locatie,kg\n2026-03-02,bakery,site-a,1\n2026-03-04,bakery,site-a,1\n")
        }
        #expect(
            message.contains(
                "log.csv: the usable rows cover only 3 day(s), 2026-03-02 to 2026-03-04; a log must cover at least a week (5 days)"
            ), "\(message)")
        #expect((try? ImportFixture.run(ImportFixture.oneWeek)) != nil, "Monday to Friday is enough")
    }

    @Test func missingColumnsAndBadMappingsAreNamed() {
        let message = ImportFixture.failure {
            _ = try ImportFixture.run("wanneer,wie,kg\n2026-03-02,bakery,1\n")
        }
        #expect(message.contains("log.csv:1: no date column"), "\(message)")
        #expect(message.contains("log.csv:1: no supplier column"))
        #expect(message.contains("log.csv:1: no column for the receiving site"))
        let mapped = ImportFixture.failure {
            let mapping = try ColumnMapping().applying(options: ["date=Leverdag", "colour=kg"])
            _ = try ImportFixture.run(ImportFixture.oneWeek, mapping: mapping)
        }
        #expect(
            mapped.contains(
                "field 'Leverdag': the mapping gives this column for 'date', but the log has no such column"))
        #expect(mapped.contains("field 'colour': unknown mapping key"), "\(mapped)")
        let option = ImportFixture.failure { _ = try ColumnMapping().applying(options: ["Leverdatum"]) }
        #expect(option.contains("--column: 'Leverdatum' is not KEY=COLUMN"))
    }
}

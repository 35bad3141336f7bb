import Foundation
import Testing

@testable import BundelImport

/// A sheet of more than 10 MB of XML (some 40,000 rows), which Foundation's parser on Linux
/// refuses when handed at once, is read whole.
@Suite("Large sheets")
struct LargeSheetTests {
    @Test func aSheetBeyondTenMegabytesIsRead() {
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        let rows = 60_000
        for row in 1...rows {
            xml +=
                "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"n\"><v>46083</v></c><c r=\"B\(row)\" t=\"inlineStr\"><is><t>Bakkerij Zon, a supplier with a long name</t></is></c><c r=\"C\(row)\"><v>\(row)</v></c></row>"
        }
        xml += "</sheetData></worksheet>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_000_000)
        let sheet = SheetCells.parse(data, strings: [])
        #expect(sheet.error == nil)
        #expect(sheet.rows.count == rows)
        #expect(
            sheet.rows.last?.cells == [
                .number(46083), .text("Bakkerij Zon, a supplier with a long name"), .number(Double(rows)),
            ])
    }
}

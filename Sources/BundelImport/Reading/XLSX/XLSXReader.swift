import Foundation
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx: a zip of XML parts): the first sheet or the one
/// named, with shared strings, inline strings, formula results and numbers. Dates are numbers
/// (Excel serials) in the file; which columns hold dates is for the column mapping to say, so
/// the styles that only change how a number looks are not read.
public enum XLSXReader {
    public static func read(url: URL, file: String, sheet: String? = nil) throws(ImportError) -> LogTable {
        func failure(_ message: String) -> ImportError {
            ImportError([ImportProblem(file: file, line: nil, field: nil, message: message)])
        }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw failure("not an XLSX workbook (cannot open it as a zip archive: \(error))")
        }
        func part(_ path: String) throws(ImportError) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry) { data.append($0) } } catch {
                throw failure("cannot read \(path) in the workbook: \(error)")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw failure("not an XLSX workbook (no xl/workbook.xml); save the file as Excel Workbook (.xlsx)")
        }
        let sheets = WorkbookSheets.parse(workbook, relations: try part("xl/_rels/workbook.xml.rels") ?? Data())
        guard !sheets.isEmpty else { throw failure("the workbook has no sheets") }
        let chosen: WorkbookSheets.Sheet
        if let sheet {
            guard let named = sheets.first(where: { $0.name == sheet }) else {
                throw failure(
                    "no sheet named '\(sheet)'; the workbook has \(sheets.map { "'\($0.name)'" }.joined(separator: ", "))"
                )
            }
            chosen = named
        } else {
            chosen = sheets[0]
        }
        let strings = SharedStrings.parse(try part("xl/sharedStrings.xml") ?? Data())
        guard let sheetData = try part(chosen.path) else {
            throw failure("the workbook names sheet '\(chosen.name)' at \(chosen.path), which it does not hold")
        }
        let parsed = SheetCells.parse(sheetData, strings: strings)
        if let error = parsed.error { throw failure("sheet '\(chosen.name)' is not valid XML: \(error)") }
        guard let first = parsed.rows.first else { throw failure("sheet '\(chosen.name)' is empty") }
        let header = first.cells.map { $0.text ?? "" }
        let rows = parsed.rows.dropFirst().filter { row in row.cells.contains { $0.text != nil } }
        return LogTable(
            file: sheet == nil ? file : "\(file)[\(chosen.name)]", header: header, rows: Array(rows),
            decimalComma: true)
    }
}

import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

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

/// The sheets a workbook lists, in its order, with the part each is stored in.
enum WorkbookSheets {
    struct Sheet {
        var name: String
        var path: String
    }

    static func parse(_ workbook: Data, relations: Data) -> [Sheet] {
        let targets = ElementCollector.collect(relations, element: "Relationship")
            .reduce(into: [String: String]()) { result, attributes in
                if let id = attributes["Id"], let target = attributes["Target"] { result[id] = target }
            }
        return ElementCollector.collect(workbook, element: "sheet").compactMap { attributes in
            guard let name = attributes["name"] else { return nil }
            let relation = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            guard var target = relation.flatMap({ targets[$0] }) else { return nil }
            // Targets are relative to xl/, or absolute within the package.
            target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: name, path: target)
        }
    }
}

/// Collects the attributes of every element with one name.
final class ElementCollector: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) { self.element = element }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let collector = ElementCollector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if elementName == element { found.append(attributes) }
    }
}

/// The workbook's shared string table: each `si` item's text, rich-text runs joined, phonetic
/// readings (`rPh`) left out.
final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phonetic = 0

    static func parse(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch elementName {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// The cells of one worksheet, placed in their columns by their references (`C7`), since a
/// sheet leaves out empty cells and may leave out the references too.
final class SheetCells: NSObject, XMLParserDelegate {
    private let strings: [String]
    private(set) var rows: [LogTable.Row] = []
    private(set) var error: String?
    private var row: LogTable.Row?
    private var nextRowNumber = 1
    private var column = 0
    private var type = ""
    private var value: String?
    private var inlineText: String?
    private var reading: String?

    private init(strings: [String]) { self.strings = strings }

    static func parse(_ data: Data, strings: [String]) -> SheetCells {
        let reader = SheetCells(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse(), reader.error == nil {
            reader.error = parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"
        }
        return reader
    }

    /// The 0-based column of a cell reference such as `AB12`.
    static func column(of reference: String) -> Int? {
        var number = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            number = number * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters == 0 ? nil : number - 1
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch elementName {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? nextRowNumber
            row = LogTable.Row(line: number, cells: [])
            nextRowNumber = number + 1
            column = 0
        case "c":
            if let reference = attributes["r"], let position = Self.column(of: reference) { column = position }
            type = attributes["t"] ?? "n"
            value = nil
            inlineText = nil
        case "v": reading = ""
        case "is": inlineText = ""
        case "t" where inlineText != nil: reading = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        reading? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v":
            value = reading
            reading = nil
        case "t" where inlineText != nil:
            inlineText? += reading ?? ""
            reading = nil
        case "c":
            guard row != nil else { return }
            let cell: LogTable.Cell
            switch type {
            case "s":
                let index = value.flatMap { Int($0) }
                cell = index.flatMap { strings.indices.contains($0) ? .text(strings[$0]) : nil } ?? .empty
            case "inlineStr": cell = inlineText.map { .text($0) } ?? .empty
            case "str", "e": cell = value.map { .text($0) } ?? .empty
            case "b": cell = value.map { .text($0 == "1" ? "true" : "false") } ?? .empty
            default: cell = value.flatMap { Double($0) }.map { .number($0) } ?? value.map { .text($0) } ?? .empty
            }
            while row!.cells.count < column { row!.cells.append(.empty) }
            if row!.cells.count == column { row!.cells.append(cell) } else { row!.cells[column] = cell }
            column += 1
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }
}

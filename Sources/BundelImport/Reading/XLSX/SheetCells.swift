import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

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
        let parser = XMLParser.streaming(data)
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

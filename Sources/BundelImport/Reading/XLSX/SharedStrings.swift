import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The workbook's shared string table: each `si` item's text, rich-text runs joined, phonetic
/// readings (`rPh`) left out.
final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phonetic = 0

    static func parse(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser.streaming(data)
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

import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the attributes of every element with one name.
final class ElementCollector: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) { self.element = element }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let collector = ElementCollector(element: element)
        let parser = XMLParser.streaming(data)
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

import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

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

import Foundation

/// A user's table of addresses or postcodes with their coordinates (`--locations FILE`, e.g.
/// the public Dutch PC6 postcode centroids), read as a CSV with the columns `address` and/or
/// `postcode`, and `lat`, `lon`. Looked up exactly, then normalised (letter case, accents,
/// spaces and punctuation ignored: `1018 WV` = `1018wv`); never guessed beyond that.
public struct LocationTable: Sendable {
    public struct Coordinates: Sendable, Equatable, Codable {
        public var lat: Double
        public var lon: Double

        public init(lat: Double, lon: Double) {
            self.lat = lat
            self.lon = lon
        }
    }

    /// How a key was found.
    public enum Match: String, Sendable, Codable {
        case exact
        case normalised
    }

    public let file: String
    private var exact: [String: Coordinates] = [:]
    private var normalised: [String: Coordinates] = [:]
    /// Normalised keys that two rows give different coordinates: not matched, since either
    /// would be a guess.
    private var ambiguous: Set<String> = []

    public init(file: String, entries: [(key: String, coordinates: Coordinates)]) {
        self.file = file
        for (key, coordinates) in entries {
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            if exact[trimmed] == nil { exact[trimmed] = coordinates }
            let folded = Self.normalise(trimmed)
            if let earlier = normalised[folded], earlier != coordinates { ambiguous.insert(folded) }
            if normalised[folded] == nil { normalised[folded] = coordinates }
        }
    }

    /// Letters and digits only, lower case, accents removed.
    public static func normalise(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    public func lookUp(_ key: String) -> (Coordinates, Match)? {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        if let found = exact[trimmed] { return (found, .exact) }
        let folded = Self.normalise(trimmed)
        guard !ambiguous.contains(folded), let found = normalised[folded] else { return nil }
        return (found, .normalised)
    }

    public static func load(url: URL, file: String) throws(ImportError) -> LocationTable {
        let table = try CSVLogReader.read(url: url, file: file)
        let header = table.header.map { HeaderName.normalised($0) }
        let keyColumns = header.indices.filter {
            ["address", "adres", "postcode", "postal code", "pc6"].contains(header[$0])
        }
        let lat = header.firstIndex { $0 == "lat" || $0 == "latitude" }
        let lon = header.firstIndex { $0 == "lon" || $0 == "lng" || $0 == "longitude" }
        guard !keyColumns.isEmpty, let lat, let lon else {
            throw ImportError([
                ImportProblem(
                    file: file, line: 1, field: nil,
                    message:
                        "a locations table needs the columns address and/or postcode, and lat, lon; it has \(table.header.joined(separator: ", "))"
                )
            ])
        }
        var entries: [(String, Coordinates)] = []
        var problems: [ImportProblem] = []
        for row in table.rows {
            guard let latitude = LogNumber.parse(row[lat], decimalComma: table.decimalComma),
                let longitude = LogNumber.parse(row[lon], decimalComma: table.decimalComma),
                (-90...90).contains(latitude), (-180...180).contains(longitude)
            else {
                problems.append(
                    ImportProblem(
                        file: file, line: row.line, field: "lat",
                        message:
                            "expected a latitude and longitude in degrees, got '\(row[lat].text ?? "")', '\(row[lon].text ?? "")'"
                    ))
                continue
            }
            for column in keyColumns {
                if let key = row[column].text { entries.append((key, Coordinates(lat: latitude, lon: longitude))) }
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return LocationTable(file: file, entries: entries)
    }
}

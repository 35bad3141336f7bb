import Foundation

/// Finds the network's supplier and site for a log's names, ids, addresses and postcodes, and
/// makes new ids for the rest: a known id (in any letter case), then a known name or address
/// (normalised as ``LocationTable/normalise(_:)``); a new site gets the coordinates of its
/// address or postcode from the locations table when that holds it, and none otherwise.
struct PlaceResolver {
    /// A supplier the network does not have yet.
    struct NewSupplier: Sendable, Equatable {
        var id: String
        var name: String
        var firstLine: Int
    }

    /// A site the network does not have yet, with where its coordinates come from.
    struct NewSite: Sendable, Equatable {
        var id: String
        var name: String
        var address: String?
        var postcode: String?
        var coordinates: LocationTable.Coordinates?
        /// The text matched in the locations table and how, when it was.
        var matched: (key: String, how: LocationTable.Match)?
        var firstLine: Int

        static func == (lhs: NewSite, rhs: NewSite) -> Bool {
            lhs.id == rhs.id && lhs.name == rhs.name && lhs.coordinates == rhs.coordinates
        }
    }

    let network: ImportNetwork
    let locations: LocationTable?
    /// The network's ids, looked up once per row (a network may have thousands of sites).
    private let knownSupplierIds: Set<String>
    private let knownSiteIds: Set<String>
    /// Every id in use, the network's and the new ones.
    private var taken: Set<String>
    private var supplierIds: [String: String] = [:]
    private var siteIds: [String: String] = [:]
    private(set) var newSuppliers: [NewSupplier] = []
    private(set) var newSites: [NewSite] = []

    init(network: ImportNetwork, locations: LocationTable?) {
        self.network = network
        self.locations = locations
        knownSupplierIds = Set(network.suppliers.map(\.id))
        knownSiteIds = Set(network.sites.map(\.id))
        taken = knownSupplierIds.union(knownSiteIds).union(network.reservedIds)
        for supplier in network.suppliers {
            supplierIds[Self.key(supplier.name)] = supplier.id
            supplierIds[Self.key(supplier.id)] = supplier.id
        }
        for site in network.sites {
            siteIds[Self.key(site.name)] = site.id
            if let address = site.address { siteIds[Self.key(address)] = site.id }
            siteIds[Self.key(site.id)] = site.id
        }
    }

    static func key(_ text: String) -> String { LocationTable.normalise(text) }

    /// A new id from a name: lower case letters and digits joined by hyphens.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let words = folded.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) || !$0.isASCII }
        let slug = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        return slug.isEmpty ? "site" : slug
    }

    mutating func supplier(_ text: String, line: Int) -> String {
        if knownSupplierIds.contains(text) { return text }
        let key = Self.key(text)
        if let id = supplierIds[key] { return id }
        let id = uniqueId(Self.slug(text))
        supplierIds[key] = id
        newSuppliers.append(NewSupplier(id: id, name: text, firstLine: line))
        return id
    }

    mutating func site(of record: LogRecord) -> String {
        if let site = record.site, knownSiteIds.contains(site) { return site }
        for text in [record.site, record.address].compactMap({ $0 }) {
            if let id = siteIds[Self.key(text)] { return id }
        }
        // A postcode names a known site only through the site's own address.
        let name = record.site ?? record.address ?? record.postcode!
        let id = uniqueId(Self.slug(name))
        for text in [record.site, record.address, record.postcode].compactMap({ $0 }) { siteIds[Self.key(text)] = id }
        var site = NewSite(
            id: id, name: name, address: record.address, postcode: record.postcode, coordinates: nil, matched: nil,
            firstLine: record.line)
        if let locations {
            for text in [record.site, record.address, record.postcode].compactMap({ $0 }) {
                if let (coordinates, how) = locations.lookUp(text) {
                    site.coordinates = coordinates
                    site.matched = (text, how)
                    break
                }
            }
        }
        newSites.append(site)
        return id
    }

    /// `base`, or `base-2`, `base-3`, ... when another place has it; then taken.
    private mutating func uniqueId(_ base: String) -> String {
        var id = base
        var number = 2
        while taken.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        taken.insert(id)
        return id
    }
}

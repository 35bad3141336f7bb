import Foundation

/// A network read on its own, without a scenario (`bundel import`), with what a writer of rows
/// for its tables needs beyond the model: the columns of sites.csv and suppliers.csv and the
/// sites' addresses.
public struct NetworkFile: Sendable {
    public let network: Network
    /// The headers of sites.csv and suppliers.csv as read (lower case).
    public let siteColumns: [String]
    public let supplierColumns: [String]
    /// The `address` column of sites.csv by site id, where the table has one.
    public let siteAddresses: [String: String]

    /// The network at `path`, or an ``InputError`` listing every problem in it and its tables.
    public static func load(path: String) throws(InputError) -> NetworkFile {
        let log = ProblemLog()
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError([InputProblem(file: path, line: nil, field: nil, message: "no such file")])
        }
        let loaded = NetworkLoader.load(url, displayPath: DisplayPath.of(url), log: log)
        try log.throwIfAny()
        guard let loaded else { throw InputError(log.problems) }
        return NetworkFile(
            network: loaded.network, siteColumns: loaded.siteColumns, supplierColumns: loaded.supplierColumns,
            siteAddresses: loaded.siteAddresses)
    }
}

import ArgumentParser
import BundelImport
import BundelPlanner
import Foundation

/// `bundel import`: a delivery log or order lines (CSV or XLSX) into flows.csv for a network,
/// with statistics, skeleton rows for new suppliers and sites, and a summary.
struct ImportCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a delivery log or order lines (CSV or XLSX) into flows.csv for a network.",
        discussion: """
            Writes flows.csv, flow-statistics.csv, import-summary.md and, for suppliers and \
            sites the network does not have, new-suppliers.csv and new-sites.csv to --out. \
            Existing files are not replaced without --force; on any error nothing is written. \
            Columns are recognised from Dutch and English headers or named with --column and \
            --mapping (docs/format.md, "Delivery logs").
            """
    )

    @Argument(help: "The delivery log: .csv (comma or semicolon separated) or .xlsx.")
    var log: String

    @Option(help: ArgumentHelp("The network the log is for (its network.yaml).", valueName: "file"))
    var network: String

    @Option(help: ArgumentHelp("The folder to write the files to (made when missing).", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "A YAML file naming the log's columns (columns: {date: Leverdatum, kg: {column: Gewicht, unit: t}}).",
            valueName: "file"))
    var mapping: String?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp(
            "KEY=COLUMN: the log's column for date, supplier, site, address, postcode, product_group, quantity, unit or a dimension id (repeatable; wins over --mapping).",
            valueName: "key=column"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("The sheet of an .xlsx log to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            "A CSV table of addresses and/or postcodes with lat, lon, to place new sites.", valueName: "file"))
    var locations: String?

    @Flag(help: "Replace files of an earlier import in --out.")
    var force = false

    @Flag(help: "Print the summary and flows as JSON instead of text.")
    var json = false

    func execute() throws {
        let loaded = try NetworkFile.load(path: network)
        var columnMapping = ColumnMapping()
        if let mapping {
            columnMapping = try ColumnMapping.load(url: URL(fileURLWithPath: mapping), file: mapping)
        }
        columnMapping = try columnMapping.applying(options: columns)
        let url = URL(fileURLWithPath: log)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImportError([ImportProblem(file: log, line: nil, field: nil, message: "no such file")])
        }
        let table: LogTable
        if url.pathExtension.lowercased() == "xlsx" {
            table = try XLSXReader.read(url: url, file: log, sheet: sheet ?? columnMapping.sheet)
        } else {
            table = try CSVLogReader.read(url: url, file: log)
        }
        let locationTable = try locations.map { path throws(ImportError) in
            try LocationTable.load(url: URL(fileURLWithPath: path), file: path)
        }
        let result = try DeliveryImport.run(
            table, mapping: columnMapping, network: Self.importNetwork(loaded), locations: locationTable)
        try write(result.files)
        if json {
            print(result.json, terminator: "")
        } else {
            print(result.report, terminator: "")
            print("wrote \(result.files.map(\.name).joined(separator: ", ")) to \(out)")
        }
    }

    /// What the import needs of the network, so that BundelImport does not depend on the planner.
    static func importNetwork(_ file: NetworkFile) -> ImportNetwork {
        let network = file.network
        return ImportNetwork(
            dimensions: network.dimensions.map { .init(id: $0.id, name: $0.name, unit: $0.unit) },
            sites: network.sites.map { .init(id: $0.id, name: $0.name, address: file.siteAddresses[$0.id]) },
            suppliers: network.suppliers.map { .init(id: $0.id, name: $0.name, days: $0.days?.map(\.rawValue)) },
            siteColumns: file.siteColumns, supplierColumns: file.supplierColumns, reservedIds: network.hubs.map(\.id))
    }

    /// Writes every file or none: all are checked first, then staged and moved into place.
    private func write(_ files: [(name: String, content: String)]) throws {
        let folder = URL(fileURLWithPath: out)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError(description: "\(out) exists and is not a folder")
        }
        let urls = files.map { folder.appendingPathComponent($0.name) }
        for url in urls { try StagedOutputs.checkFile(url, force: force) }
        var staged = StagedOutputs()
        do {
            for (file, url) in zip(files, urls) { try staged.stage(file.content, at: url) }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }
}

import BundelPlanner
import Foundation
import Yams

/// Takes an uploaded ZIP of a network folder into the store: extracted into a scratch folder,
/// read with the planner's own loader (the checks and messages of `bundel validate`), and only
/// when it is valid given an id and moved into `networks/ID`. A refused upload leaves nothing.
enum NetworkImport {
    static func importZip(_ data: Data, store: WebStore, limits: UploadLimits) throws -> NetworkRecord {
        let scratch = store.uploadFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try ZipUpload.extract(data, into: scratch, limits: limits)
        return try importFolder(scratch, store: store)
    }

    /// Writes a network from the form and its three tables, then imports it as an upload.
    static func importForm(_ form: NetworkForm, store: WebStore) throws -> NetworkRecord {
        let scratch = store.uploadFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try form.write(to: scratch)
        return try importFolder(scratch, store: store)
    }

    /// Checks a network folder in the uploads area and, when valid, moves it to `networks/ID`.
    static func importFolder(_ scratch: URL, store: WebStore) throws -> NetworkRecord {
        let file = scratch.appendingPathComponent("network.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw APIError(
                .unprocessableContent,
                "the ZIP has no network.yaml at its top (zip the network folder or the files in it)")
        }
        try checkTableNames(file)
        let network = try load(file, under: scratch)
        var record = try store.insert(
            NetworkRecord(
                id: nil, name: network.name, description: network.description, sites: network.sites.count,
                suppliers: network.suppliers.count, flows: network.flows.count,
                hubIds: network.hubs.map(\.id).joined(separator: ","), createdAt: Timestamp.now()))
        guard let id = record.id else { throw APIError(.internalServerError, "the network got no id") }
        do {
            try FileManager.default.moveItem(at: scratch, to: store.networkFolder(id))
        } catch {
            try? store.deleteNetwork(id)
            throw error
        }
        record.id = id
        return record
    }

    /// The tables network.yaml names must lie in the uploaded folder: the loader reads them
    /// relative to it, so a name with `..` would read (and quote in its messages) a file of the
    /// server's.
    static func checkTableNames(_ file: URL) throws {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let top = (try? Yams.compose(yaml: text))??.mapping
        else { return } // the loader reports what is wrong with the file itself
        for key in ["sites", "suppliers", "flows"] {
            guard let name = top[key]?.string else { continue }
            if name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.contains("\\") {
                throw APIError(
                    .unprocessableContent, "network.yaml names a table outside the uploaded folder",
                    problems: [
                        InputProblem(
                            file: "network.yaml", line: nil, field: key,
                            message: "'\(name)' is not in the network's folder; name a file beside network.yaml")
                    ])
            }
        }
    }

    /// The network at `file`, or a 422 with every problem, its file named relative to `folder`
    /// (the user's own folder, not the server's scratch path).
    static func load(_ file: URL, under folder: URL) throws -> Network {
        do {
            return try NetworkFile.load(path: file.path).network
        } catch {
            let problems = ProblemPaths.relative(error.problems, folderName: folder.lastPathComponent)
            throw APIError(
                .unprocessableContent,
                "the network has \(problems.count == 1 ? "1 problem" : "\(problems.count) problems")",
                problems: problems)
        }
    }
}

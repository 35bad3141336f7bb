import Foundation
import Yams

/// The networks that come with bundel (the repository's `networks/` folder, or `--examples DIR`),
/// offered to be added to the user's own: each is copied in and checked as an upload is.
enum BuiltInNetworks {
    /// A built-in network: its folder's name (the id a request gives) and what its file says.
    struct Entry: Encodable {
        var id: String
        var name: String
        var description: String
    }

    /// The folders below `folder` that hold a network.yaml, by name.
    static func list(_ folder: URL?) -> [Entry] {
        guard let folder,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.sorted().compactMap { name in
            let file = folder.appendingPathComponent(name).appendingPathComponent("network.yaml")
            guard !name.hasPrefix("."), let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
            let top = (try? Yams.compose(yaml: text))??.mapping
            return Entry(
                id: name, name: top?["name"]?.string ?? name, description: top?["description"]?.string ?? "")
        }
    }

    /// Adds the built-in network `id` to the store. `id` must be one that ``list(_:)`` gives: it is
    /// looked up, never used as a path.
    static func add(_ id: String, from folder: URL?, store: WebStore, limits: UploadLimits) throws -> NetworkRecord {
        guard let folder, list(folder).contains(where: { $0.id == id }) else {
            throw APIError.notFound("built-in network '\(id)'")
        }
        let source = folder.appendingPathComponent(id)
        let scratch = store.uploadFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // Plain files at the top of the folder only, within the upload limits.
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !name.hasPrefix(".") {
            let url = source.appendingPathComponent(name)
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            total += values.fileSize ?? 0
            guard total <= limits.uncompressedBytes else {
                throw APIError(.contentTooLarge, "the built-in network '\(id)' is larger than an upload may be")
            }
            try FileManager.default.copyItem(at: url, to: scratch.appendingPathComponent(name))
        }
        return try NetworkImport.importFolder(scratch, store: store)
    }
}

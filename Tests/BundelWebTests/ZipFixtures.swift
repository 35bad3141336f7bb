import BundelTestSupport
import Foundation
import ZIPFoundation

/// ZIP files for the upload tests, made in memory with ZIPFoundation.
enum ZipFixtures {
    /// The small test network's folder, zipped with its folder name in front (as a person zips a folder).
    static func smallNetwork() throws -> Data {
        try zip(
            try FileManager.default.contentsOfDirectory(atPath: SmallNetwork.folder.path).sorted().filter {
                $0 != "scenario.yaml"
            }.map { ("small/\($0)", try Data(contentsOf: SmallNetwork.folder.appendingPathComponent($0))) })
    }

    /// The small network with one file's text edited.
    static func smallNetwork(editing file: String, replacing old: String, with new: String) throws -> Data {
        let folder = try SmallNetwork.copy(prefix: "bundel-web-web-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SmallNetwork.edit(folder, file, replacing: old, with: new)
        return try zip(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
                ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
            })
    }

    /// A ZIP of the given entries, deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw TestSupportError("ZIPFoundation made no data") }
        return data
    }

    /// A link entry pointing out of the folder.
    static func withLink() throws -> Data {
        let archive = try Archive(data: try smallNetwork(), accessMode: .update)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(
            with: "small/escape", type: .symlink, uncompressedSize: Int64(target.count),
            provider: { (_: Int64, _: Int) in target })
        guard let data = archive.data else { throw TestSupportError("ZIPFoundation made no data") }
        return data
    }
}

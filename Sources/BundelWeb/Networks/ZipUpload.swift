import Foundation
import ZIPFoundation

/// Extracts an uploaded ZIP of a network folder into a fresh folder, refusing what could escape
/// it or exhaust the disk: names with `..`, absolute names, links, too many entries, too many
/// bytes once inflated.
enum ZipUpload {
    /// Extracts `data` into `folder` (which must not exist yet). When every file sits in one top
    /// folder (a zipped folder rather than zipped files), that folder is dropped from the names.
    static func extract(_ data: Data, into folder: URL, limits: UploadLimits) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw APIError(.badRequest, "the upload is not a ZIP file")
        }
        let entries = Array(archive)
        guard entries.count <= limits.zipEntries else {
            throw APIError(
                .contentTooLarge, "the ZIP has \(entries.count) entries; at most \(limits.zipEntries) are accepted")
        }
        for entry in entries {
            if entry.type == .symlink {
                throw APIError(.badRequest, "the ZIP entry '\(entry.path)' is a link; links are not accepted")
            }
            if let problem = ZipNameCheck.problem(entry.path) {
                throw APIError(.badRequest, "the ZIP entry '\(entry.path)' \(problem)")
            }
        }
        let files = entries.filter { $0.type == .file && !isSystemJunk($0.path) }
        let prefix = commonTopFolder(files.map(\.path))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var total = 0
        for entry in files {
            let name = String(entry.path.dropFirst(prefix.count))
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
                throw APIError(.badRequest, "the ZIP entry '\(entry.path)' cannot be written")
            }
            let handle = try FileHandle(forWritingTo: target)
            defer { try? handle.close() }
            do {
                // The consumer counts what is really inflated; the entry's declared size is not trusted.
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    if total > limits.uncompressedBytes { throw ZipTooLarge() }
                    handle.write(chunk)
                }
            } catch is ZipTooLarge {
                throw APIError(
                    .contentTooLarge,
                    "the ZIP inflates to more than \(limits.uncompressedBytes / 1024 / 1024) MB; refused")
            } catch {
                throw APIError(.badRequest, "the ZIP entry '\(entry.path)' cannot be read: it is damaged")
            }
        }
    }

    /// Files that macOS's and Windows' archivers add beside the real ones.
    static func isSystemJunk(_ path: String) -> Bool {
        path.hasPrefix("__MACOSX/") || path.hasSuffix("/.DS_Store") || path == ".DS_Store"
            || path.hasSuffix("Thumbs.db")
    }

    /// `small/` when every name starts with it, else the empty string.
    static func commonTopFolder(_ paths: [String]) -> String {
        guard let first = paths.first, let slash = first.firstIndex(of: "/") else { return "" }
        let top = String(first[...slash])
        return paths.allSatisfy { $0.hasPrefix(top) } ? top : ""
    }

    private struct ZipTooLarge: Error {}
}

import CBundelZlib
import Foundation

/// Reads a file that may be gzip-compressed, through the system's zlib.
///
/// Foundation on Linux cannot inflate gzip, and spawning `gzip -dc` would make reading depend on
/// a program being on the PATH; zlib is on every Debian machine (`zlib1g-dev` for the header).
/// zlib's `gzread` passes files that are not compressed through unchanged, so one path reads
/// both `.osm` and `.osm.gz`.
enum CompressedFile {
    /// The whole content, decompressed when the file is gzip.
    static func read(_ path: String, displayPath: String) throws(RoadsError) -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path) ? "the file cannot be read (permissions)" : "no such file"
            throw RoadsError(.input, displayPath, "cannot read the file (\(reason))")
        }
        guard let file = gzopen(path, "rb") else {
            throw RoadsError(.input, displayPath, "cannot open the file")
        }
        defer { gzclose(file) }
        // A larger buffer than zlib's default 8 KB roughly halves the time for a city extract.
        gzbuffer(file, 1 << 20)
        var bytes: [UInt8] = []
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(chunk)) }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                throw RoadsError(
                    .input, displayPath,
                    "the file is damaged: zlib says '\(message)' after \(bytes.count) bytes (is the download complete?)"
                )
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<Int(count)])
        }
        // A cut-off gzip stream ends like a complete one but leaves an error behind.
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if code != Z_OK {
            throw RoadsError(
                .input, displayPath,
                "the file is damaged: zlib says '\(message)' after \(bytes.count) bytes (is the download complete?)")
        }
        return bytes
    }
}

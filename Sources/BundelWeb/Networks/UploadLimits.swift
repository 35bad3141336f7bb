/// How much an upload may hold. A ZIP's own figures can lie (a "ZIP bomb" declares little and
/// inflates to gigabytes), so the uncompressed total is counted while extracting, not read.
public struct UploadLimits: Sendable {
    /// The request body, in bytes.
    public var bodyBytes = 20 * 1024 * 1024
    /// Entries in a ZIP, folders included.
    public var zipEntries = 200
    /// Bytes of all files of a ZIP once extracted.
    public var uncompressedBytes = 100 * 1024 * 1024

    public init() {}
}

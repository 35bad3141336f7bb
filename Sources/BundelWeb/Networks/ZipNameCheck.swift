/// The names a ZIP entry may have: plain names relative to the network folder.
public enum ZipNameCheck {
    /// Why an entry's name is refused, or nil when it is a plain relative name.
    public static func problem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains(":") {
            return "has an absolute name; only names relative to the network folder are accepted"
        }
        if path.contains("\\") { return "has a backslash in its name" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "has a control character in its name" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "names a parent folder ('..'); refused"
        }
        return nil
    }
}

import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

extension XMLParser {
    /// A parser that reads `data` as a stream, in chunks: given 10 MB or more at once (the
    /// sheet of a log of some 40,000 rows), Foundation's parser on Linux hands libxml2 a single
    /// buffer beyond its default limit and fails with an internal error.
    static func streaming(_ data: Data) -> XMLParser {
        XMLParser(stream: InputStream(data: data))
    }
}

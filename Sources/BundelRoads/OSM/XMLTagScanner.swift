/// Steps through the element tags of an XML document held in memory, without building a tree.
///
/// OpenStreetMap extracts are machine-written XML with millions of small elements and no text
/// content that matters; a scanner over the bytes reads a city in a fraction of a second and
/// knows the line of every tag, which Foundation's `XMLParser` reports less reliably on Linux.
/// It skips the declaration, comments, CDATA and text, and keeps attribute values as byte
/// ranges until a caller asks for one.
struct XMLTagScanner {
    /// One start, end or empty-element tag.
    struct Tag {
        var name: Range<Int> = 0..<0
        /// `</name>`.
        var isClosing = false
        /// `<name ... />`: opened and closed at once.
        var isEmpty = false
        var attributes: [(name: Range<Int>, value: Range<Int>)] = []
        /// Line of the tag's `<`.
        var line = 0
    }

    let bytes: [UInt8]
    let file: String
    private(set) var position = 0
    private(set) var line = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Reads the next element tag into `tag` (reusing its storage); `false` at the end.
    mutating func next(into tag: inout Tag) throws(RoadsError) -> Bool {
        while true {
            guard skip(until: UInt8(ascii: "<")) else { return false }
            let start = line
            position += 1
            guard position < bytes.count else { throw failure(start, "the file ends inside a tag (is it cut off?)") }
            switch bytes[position] {
            case UInt8(ascii: "?"):
                guard skip(past: Array("?>".utf8)) else { throw failure(start, "the declaration <? is never closed") }
                continue
            case UInt8(ascii: "!"):
                let terminator: [UInt8]
                if matches("!--") {
                    terminator = Array("-->".utf8)
                } else if matches("![CDATA[") {
                    terminator = Array("]]>".utf8)
                } else {
                    terminator = [UInt8(ascii: ">")]
                }
                guard skip(past: terminator) else {
                    throw failure(start, "a comment or declaration is never closed (the file may be cut off)")
                }
                continue
            default:
                try readTag(into: &tag, line: start)
                return true
            }
        }
    }

    /// The text of an attribute value with XML's entities (`&amp;`, `&#39;`) replaced.
    func string(_ range: Range<Int>) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        let raw = String(decoding: bytes[range], as: UTF8.self)
        var result = ""
        var rest = raw[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: UInt32? =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let scalar, let character = Unicode.Scalar(scalar) {
                    result.unicodeScalars.append(character)
                } else {
                    result += "&\(entity);"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Whether the bytes of `range` spell `text`, without making a string.
    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in
            var i = range.lowerBound
            for byte in expected {
                if bytes[i] != byte { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func readTag(into tag: inout Tag, line start: Int) throws(RoadsError) {
        tag.line = start
        tag.attributes.removeAll(keepingCapacity: true)
        tag.isClosing = bytes[position] == UInt8(ascii: "/")
        if tag.isClosing { position += 1 }
        tag.name = readName()
        guard !tag.name.isEmpty else { throw failure(start, "expected an element name after '<'") }
        tag.isEmpty = false
        while true {
            skipSpace()
            guard position < bytes.count else {
                throw failure(start, "the file ends inside the tag <\(string(tag.name))> (is it cut off?)")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw failure(line, "expected '>' after '/' in <\(string(tag.name))>")
                }
                position += 1
                tag.isEmpty = true
                return
            }
            if tag.isClosing { throw failure(line, "unexpected text in the closing tag </\(string(tag.name))>") }
            let name = readName()
            guard !name.isEmpty else {
                throw failure(
                    line, "unexpected character '\(Character(Unicode.Scalar(byte)))' in <\(string(tag.name))>")
            }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw failure(line, "attribute '\(string(name))' of <\(string(tag.name))> has no '=' and value")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else {
                throw failure(line, "the value of attribute '\(string(name))' must be in quotes")
            }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            let valueLine = line
            guard skip(until: quote) else {
                throw failure(valueLine, "the value of attribute '\(string(name))' is never closed")
            }
            tag.attributes.append((name, valueStart..<position))
            position += 1
        }
    }

    private mutating func readName() -> Range<Int> {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            let isNameByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte >= 0x80
            guard isNameByte else { break }
            position += 1
        }
        return start..<position
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            position += 1
        }
    }

    /// Moves to the next `byte` (counting lines on the way); `false` when there is none.
    private mutating func skip(until byte: UInt8) -> Bool {
        while position < bytes.count {
            let current = bytes[position]
            if current == byte { return true }
            if current == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
        return false
    }

    /// Moves just past the next occurrence of `terminator`; `false` when there is none.
    private mutating func skip(past terminator: [UInt8]) -> Bool {
        while position < bytes.count {
            if bytes[position] == terminator[0], position + terminator.count <= bytes.count,
                bytes[position..<position + terminator.count].elementsEqual(terminator)
            {
                position += terminator.count
                return true
            }
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
        return false
    }

    private func matches(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return position + utf8.count <= bytes.count && bytes[position..<position + utf8.count].elementsEqual(utf8)
    }

    private func failure(_ line: Int, _ message: String) -> RoadsError {
        RoadsError(.input, file, line: line, "not well-formed XML: \(message)")
    }
}

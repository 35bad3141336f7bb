import PropertyBased

/// Damages a valid input file the ways real files get damaged, and the ways a reader's
/// assumptions get broken: flipped bytes, cut-off files, doubled or lost lines, numbers that are
/// not finite, negative zero, too big for an `Int` or written with a decimal comma, text in other
/// scripts, and columns in another order. Each input gets one to four such changes.
public enum InputMutator {
    /// Numbers that readers mishandle: not finite, signed zero, beyond `Int`, huge sizes that a
    /// reader might allocate for (`DIMENSION: 999999999`), decimal commas, hexadecimal.
    public static let awkwardNumbers = [
        "NaN", "nan", "inf", "-inf", "Infinity", "-0", "-0.0", "0", "-1", "1e308", "-1e308", "1e400", "1e-320",
        "999999999", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "4294967296",
        "12,5", "1,5e3", "0x1F", "1e15", "3.000000000000000001", "", " ",
    ]

    /// Text that readers mishandle: separators, quotes, byte-order marks, combining marks,
    /// right-to-left text, emoji, a NUL, YAML and CSV syntax.
    public static let awkwardText = [
        "\"", "\"\"", ",", ";", "\t", "\r", "\r\n", "\u{FEFF}", "e\u{301}", "\u{202E}abc", "👩‍👩‍👧", "\u{0}", "ü", "中文",
        ": ", "- ", "[", "{", "}", "&a", "*a", "!!binary", "#", "---", "...", "%YAML 1.1", "~", "null",
    ]

    /// A generator of damaged versions of `seed`, for PropertyBased's `Generator.run(using:)`.
    public static func generator(for seed: [UInt8]) -> Generator<[UInt8], Shrink.None<[UInt8]>> {
        Generator { rng in mutate(seed, using: &rng) }
    }

    /// `seed` with one to four random changes.
    public static func mutate(_ seed: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            bytes = mutateOnce(bytes, using: &rng)
        }
        return bytes
    }

    static func mutateOnce(_ bytes: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var lines = split(bytes)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: // Flip a byte to any value, UTF-8 or not.
            guard !bytes.isEmpty else { return bytes }
            var copy = bytes
            copy[Int.random(in: copy.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            return copy
        case 1: // Cut the file off anywhere, as an interrupted download does.
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        case 2: // Duplicate a line.
            guard !lines.isEmpty else { return bytes }
            let line = Int.random(in: lines.indices, using: &rng)
            lines.insert(lines[line], at: line)
        case 3: // Delete a line.
            guard !lines.isEmpty else { return bytes }
            lines.remove(at: Int.random(in: lines.indices, using: &rng))
        case 4: // Swap two lines.
            guard lines.count > 1 else { return bytes }
            lines.swapAt(Int.random(in: lines.indices, using: &rng), Int.random(in: lines.indices, using: &rng))
        case 5, 6: // Replace a number by an awkward one (twice as often: numbers matter most).
            return replaceNumber(bytes, using: &rng)
        case 7: // Insert awkward text anywhere.
            let at = Int.random(in: 0...bytes.count, using: &rng)
            var copy = bytes
            copy.insert(contentsOf: Array(awkwardText.randomElement(using: &rng)!.utf8), at: at)
            return copy
        case 8: // Replace a word (id, key, column name) by awkward text or an awkward number.
            let words = tokens(bytes, where: { $0.isLetter })
            guard let word = words.randomElement(using: &rng) else { return bytes }
            let replacement =
                Bool.random(using: &rng)
                ? awkwardText.randomElement(using: &rng)! : awkwardNumbers.randomElement(using: &rng)!
            return Array(bytes[..<word.lowerBound]) + Array(replacement.utf8) + Array(bytes[word.upperBound...])
        default: // Swap two columns in every line, as a spreadsheet export in another order does.
            let a = Int.random(in: 0..<6, using: &rng), b = Int.random(in: 0..<6, using: &rng)
            lines = lines.map { swapColumns($0, a, b) }
        }
        return join(lines)
    }

    /// Replaces one number (a run of digits, signs, points, exponents) by an awkward one.
    static func replaceNumber(_ bytes: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        let numbers = tokens(bytes, where: { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" })
            .filter { range in bytes[range].contains { Character(Unicode.Scalar($0)).isNumber } }
        guard let number = numbers.randomElement(using: &rng) else { return bytes }
        let replacement = awkwardNumbers.randomElement(using: &rng)!
        return Array(bytes[..<number.lowerBound]) + Array(replacement.utf8) + Array(bytes[number.upperBound...])
    }

    /// The ranges of maximal runs of ASCII bytes that satisfy `test`.
    static func tokens(_ bytes: [UInt8], where test: (Character) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            let inside = byte < 128 && test(Character(Unicode.Scalar(byte)))
            if inside, start == nil { start = index }
            if !inside, let first = start {
                ranges.append(first..<index)
                start = nil
            }
        }
        if let first = start { ranges.append(first..<bytes.count) }
        return ranges
    }

    /// Swaps fields `a` and `b` of a line split at its first kind of separator.
    static func swapColumns(_ line: [UInt8], _ a: Int, _ b: Int) -> [UInt8] {
        guard
            let separator = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: " ")].first(
                where: line.contains)
        else {
            return line
        }
        var fields = line.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
        guard a < fields.count, b < fields.count else { return line }
        fields.swapAt(a, b)
        return Array(fields.joined(separator: [separator]))
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
}

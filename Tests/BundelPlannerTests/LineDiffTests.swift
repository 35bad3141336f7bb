import BundelTestSupport
import Testing

/// The golden-file tests' account of a difference: line numbers and both versions of the lines.
@Suite("Line diff")
struct LineDiffTests {
    @Test func equalTextsHaveNoDifference() {
        #expect(LineDiff.describe(recorded: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func aChangedLineIsShownWithItsNumberAndBothVersions() {
        let text = LineDiff.describe(recorded: "a\nb\nc", actual: "a\nB\nc")
        #expect(text == "recorded 3 lines, now 3; 1 lines differ\nline 2:\n- b\n+ B")
    }

    @Test func aLineMoreIsShownAsMissingOnTheRecordedSide() {
        let text = LineDiff.describe(recorded: "a", actual: "a\nz")
        #expect(text == "recorded 1 lines, now 2; 1 lines differ\nline 2:\n- (none)\n+ z")
    }

    @Test func manyDifferencesAreCutAtTheLimit() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = (1...20).map { "x\($0)" }.joined(separator: "\n")
        let text = LineDiff.describe(recorded: old, actual: new, limit: 2) ?? ""
        #expect(text.hasPrefix("recorded 20 lines, now 20; 20 lines differ\nline 1:\n- 1\n+ x1\nline 2:\n- 2\n+ x2\n"))
        #expect(text.hasSuffix("... and 18 more"))
    }

    @Test func longLinesAreClipped() {
        let long = String(repeating: "x", count: 1000)
        let text = LineDiff.describe(recorded: long, actual: long + "y") ?? ""
        #expect(text.contains("... (1001 characters)"))
        #expect(text.count < 800)
    }
}

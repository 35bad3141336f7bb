import Testing

@testable import BundelPlanner

/// "Did you mean" for an unknown id: the declared id in other letter case, else the one fewest
/// edits away within a third of its length when no other is as close, else nothing.
@Suite("Declared ids: did you mean")
struct DeclaredIdsTests {
    let sites = DeclaredIds(valid: [], named: ["S12", "s1", "s2", "s21", "library", "vu-main"])

    @Test func theSameIdInOtherLetterCaseComesFirst() {
        #expect(sites.didYouMean("s12") == "; did you mean 'S12'?")
    }

    @Test func theClosestIdWithinAThirdOfItsLength() {
        #expect(sites.didYouMean("libary") == "; did you mean 'library'?")
        #expect(sites.didYouMean("vu_main") == "; did you mean 'vu-main'?")
        #expect(sites.didYouMean("s211") == "; did you mean 's21'?")
    }

    @Test func nothingWhenNoIdIsThatClose() {
        #expect(sites.didYouMean("warehouse") == "")
        // s3 is one edit from s1 and from s2: naming either would be a guess.
        #expect(sites.didYouMean("s3") == "")
        #expect(DeclaredIds(valid: [], named: nil).didYouMean("s1") == "")
    }
}

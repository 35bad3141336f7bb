/// How far a value lies from a reference, in percent of the reference: the one definition
/// behind `bundel bench` (a solution against the best-known value, or against the solution a
/// plan found), `bundel bound` (a lower bound under the best-known value) and `bundel solve
/// --bound` (a solution above its proven bound).
public enum GapPercent {
    /// `(value - reference) / reference * 100`: positive when `value` is above the reference.
    /// Nil when the reference is not above 0, where no percentage means anything.
    public static func of(_ value: Double, above reference: Double) -> Double? {
        reference > 0 ? (value - reference) / reference * 100 : nil
    }

    /// `(reference - bound) / reference * 100`: how far a lower bound lies under the reference
    /// (0 when it meets it; negative when the bound is above it, which for a proven optimum is
    /// a bug). Nil when the reference is not above 0.
    public static func of(bound: Double, below reference: Double) -> Double? {
        reference > 0 ? (reference - bound) / reference * 100 : nil
    }
}

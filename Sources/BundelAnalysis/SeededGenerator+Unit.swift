import BundelRouting

extension SeededGenerator {
    /// A uniform draw in [0, 1) from the top 53 bits of the next number: defined here rather
    /// than through `Double.random(in:using:)`, whose mapping the standard library may change,
    /// so that a seed gives the same samples with every toolchain.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

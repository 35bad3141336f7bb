extension Duration {
    /// The duration as a number of seconds, for time limits given as `Double`.
    public var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

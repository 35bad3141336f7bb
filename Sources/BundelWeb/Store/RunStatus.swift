/// Where a run stands. `interrupted` is given only at start-up, to a run that was running when the
/// server before stopped: its child process died with that server, so its outputs cannot be trusted.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case queued, running, finished, failed, cancelled, interrupted

    /// Whether the run will change no more.
    public var isFinal: Bool { self != .queued && self != .running }
}

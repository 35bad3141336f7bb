extension FuzzRun {
    /// The outcome of an input that `error` refused: `.refused` when the error is the reader's
    /// own `expected` type and `problem` finds nothing wrong with it (a message that names no
    /// file, say); any other error, or a problem found, breaks the fuzz property.
    ///
    /// The readers declare typed throws today, so the type check cannot fail while they do; it
    /// is here so that a reader that starts throwing something else (a Foundation error from a
    /// file it opens, a decoding error let through) fails the fuzz test instead of passing as
    /// "refused".
    public static func refusal<E: Error>(
        _ error: any Error, expected: E.Type,
        problem: (E) -> String? = { _ in nil }
    ) throws -> Outcome {
        guard let own = error as? E else {
            throw FuzzViolation("refused with \(type(of: error)), not the reader's own \(E.self): \(error)")
        }
        if let problem = problem(own) { throw FuzzViolation("refused with \(E.self), but \(problem): \(own)") }
        return .refused
    }
}

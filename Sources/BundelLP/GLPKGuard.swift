import CBundelGLPKGuard

/// Runs GLPK work so that an error inside GLPK becomes a Swift error instead of ending the
/// process: GLPK calls `abort()` after its error hook returns, so the hook (in C) jumps back to
/// the guard, which frees GLPK's environment and reports GLPK's own message.
///
/// Every argument bundel passes is checked before GLPK sees it (``LinearModel``), so this is
/// the net for what cannot be checked: GLPK's internal assertions and memory limits. Frames
/// between the guard and the error are skipped, so objects made inside `body` leak rather than
/// being freed twice; the caller must run inside ``GLPKProblem/withGLPK(_:)``.
enum GLPKGuard {
    /// The closure the C side calls back into.
    private final class Work {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// `body`'s result, or ``LPError/glpkFailure(_:)`` with GLPK's message. With `echo`, GLPK's
    /// log is printed as it comes.
    static func run<Result>(echo: Bool = false, _ body: () -> Result) throws(LPError) -> Result {
        var result: Result?
        let failure: String? = withoutActuallyEscaping({ result = body() }) { work in
            let box = Work(work)
            var failed: Int32 = 0
            var message = [CChar](repeating: 0, count: 2048)
            withExtendedLifetime(box) {
                _ = bundel_glpk_guarded(
                    { context in
                        Unmanaged<Work>.fromOpaque(context!).takeUnretainedValue().run()
                        return 0
                    }, Unmanaged.passUnretained(box).toOpaque(), echo ? 1 : 0, &failed, &message, message.count)
            }
            return failed != 0
                ? String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        }
        if let failure { throw .glpkFailure(failure.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return result!
    }

    /// Makes GLPK fail on purpose under the guard (tests): GLPK's message when it was caught.
    static func provokeError() -> String? {
        try? GLPKProblem.withGLPK { () throws(LPError) in
            var message = [CChar](repeating: 0, count: 2048)
            guard bundel_glpk_provoke_error(&message, message.count) != 0 else { return nil }
            return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

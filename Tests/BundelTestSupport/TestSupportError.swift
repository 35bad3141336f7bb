/// A test's set-up went wrong (a fixture edit that found nothing to edit, a helper program
/// that failed), as opposed to the code under test failing.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

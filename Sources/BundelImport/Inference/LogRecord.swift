/// One usable row of a log: a delivery or an order line, its quantities already in the
/// network's dimensions; supplier and site still as the log writes them.
public struct LogRecord: Sendable, Equatable {
    public var line: Int
    public var date: LogDate
    public var supplier: String
    /// The site column's text, when the log has one.
    public var site: String?
    public var address: String?
    public var postcode: String?
    /// Per dimension of the network, in its unit.
    public var quantity: [Double]
    public var productGroup: String?
}

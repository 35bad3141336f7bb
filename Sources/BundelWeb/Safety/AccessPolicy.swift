import Foundation

/// Who may use the server: on a loopback address anyone on this machine; on any other address
/// only a request with the bearer token. Requests that change something (POST, PUT, DELETE) from
/// a browser must come from the server's own pages, so another site cannot post to it.
public struct AccessPolicy: Sendable {
    /// The address the server listens on.
    public var host: String
    public var port: Int
    /// The token every request must carry; nil on a loopback address.
    public var token: String?

    public init(host: String, port: Int, token: String?) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// Whether `host` reaches only this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// A random token of 32 hexadecimal digits, for a server started off loopback without one.
    public static func generatedToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
    }

    /// Why a request may not proceed, or nil when it may.
    ///
    /// - Parameters:
    ///   - authorization: the `Authorization` header.
    ///   - cookieToken: the `bundel_token` cookie, which the pages use once a person has opened
    ///     `/?token=...`.
    ///   - origin: the `Origin` header, checked only for requests that change something.
    public func refusal(
        method: String, authorization: String?, cookieToken: String?, queryToken: String?, origin: String?,
        host: String? = nil
    ) -> APIError? {
        // Without a token, only requests addressed to this machine's own names: a web page whose
        // name an attacker points at 127.0.0.1 (DNS rebinding) sends its own name as Host.
        if token == nil, let host, !allowedHosts.contains(host.lowercased()) {
            return APIError(.forbidden, "this server answers only to the names of this machine, not '\(host)'")
        }
        if let token {
            let given = [authorization.flatMap(Self.bearer), cookieToken, queryToken].compactMap { $0 }
            guard given.contains(where: { Self.equalInConstantTime($0, token) }) else {
                return APIError(.unauthorized, "this server needs its token: send 'Authorization: Bearer TOKEN'")
            }
        }
        if ["POST", "PUT", "DELETE", "PATCH"].contains(method), let origin,
            !allowedOrigins.contains(origin.lowercased())
        {
            return APIError(.forbidden, "requests that change something must come from this server's own pages")
        }
        return nil
    }

    /// The origins of the server's own pages: the address it listens on and, on loopback, the
    /// other names of this machine.
    var allowedOrigins: Set<String> { Set(allowedHosts.map { "http://\($0)" }) }

    /// The `Host` values of requests to the server's own address, `127.0.0.1:8080` and the like.
    var allowedHosts: Set<String> {
        var hosts: Set<String> = [host.lowercased()]
        if Self.isLoopback(host) { hosts.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        return Set(hosts.map { "\($0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]" : $0):\(port)" })
    }

    /// The token of an `Authorization: Bearer TOKEN` header.
    static func bearer(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Compares without stopping at the first difference, so that timing tells nothing of the token.
    static func equalInConstantTime(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8), right = Array(expected.utf8)
        var difference = left.count ^ right.count
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= Int(a ^ b)
        }
        return difference == 0
    }
}

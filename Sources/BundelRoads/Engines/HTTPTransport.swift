import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request to a routing engine.
public struct HTTPRequest: Sendable, Equatable {
    public let url: URL
    public let method: String
    public let body: Data?

    public init(url: URL, method: String, body: Data?) {
        self.url = url
        self.method = method
        self.body = body
    }
}

/// A routing engine's HTTP answer.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// A request that got no HTTP answer at all (no server, no network, timeout).
public struct TransportFailure: Error, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}

/// Sends requests and waits for their answers; the seam where tests put a scripted server.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(TransportFailure) -> HTTPResponse
}

/// Foundation's `URLSession` (FoundationNetworking on Linux), used synchronously: a matrix is
/// fetched block after block, and the command line waits for it anyway.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeoutSeconds: Double

    public init(timeoutSeconds: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        session = URLSession(configuration: configuration)
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ request: HTTPRequest) throws(TransportFailure) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeoutSeconds)
        urlRequest.httpMethod = request.method
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let outcome = Mutex<Result<HTTPResponse, TransportFailure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            let result: Result<HTTPResponse, TransportFailure>
            if let error {
                result = .failure(TransportFailure(Self.explain(error)))
            } else if let http = response as? HTTPURLResponse {
                result = .success(HTTPResponse(status: http.statusCode, body: data ?? Data()))
            } else {
                result = .failure(TransportFailure("the answer was not HTTP"))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        done.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Words for the usual reasons a server cannot be reached.
    private static func explain(_ error: Error) -> String {
        guard let error = error as? URLError else { return error.localizedDescription }
        switch error.code {
        case .cannotConnectToHost: return "connection refused: no server is listening there"
        case .cannotFindHost, .dnsLookupFailed: return "the host name is unknown"
        case .timedOut: return "no answer within the time limit"
        case .notConnectedToInternet, .networkConnectionLost: return "the network is down or the connection was lost"
        case .unsupportedURL, .badURL: return "the URL is not a valid http(s) address"
        default: return error.localizedDescription
        }
    }
}

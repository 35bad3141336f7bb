import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a request got back.
struct WebResponse: Sendable {
    var status: Int
    var contentType: String
    var body: Data
    var setCookie: String? = nil

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    /// The body as a JSON array (empty when it is not one).
    var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
}

/// A small HTTP client for the tests, which can record every exchange for the OpenAPI check.
struct WebClient: Sendable {
    let base: URL
    var token: String?
    var recorder: ExchangeRecorder?
    var session: URLSession = WebClient.session

    /// A session that keeps no cookies, so that each request carries only what the test gives it.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    /// A session that opens as many connections at once as a load test asks for.
    static func loadSession(connections: Int) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = connections
        configuration.timeoutIntervalForRequest = 600
        return URLSession(configuration: configuration)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> WebResponse {
        try await send("GET", path, headers: headers)
    }

    func post(_ path: String, json: Any, headers: [String: String] = [:]) async throws -> WebResponse {
        try await send(
            "POST", path, body: try JSONSerialization.data(withJSONObject: json),
            headers: ["Content-Type": "application/json"].merging(headers) { $1 })
    }

    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws
        -> WebResponse
    {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 600
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        let result = WebResponse(
            status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data,
            setCookie: http.value(forHTTPHeaderField: "Set-Cookie"))
        await recorder?.record(method: method, path: path, response: result)
        return result
    }

    /// Polls a run until it has ended (at most `seconds`), and returns its last state.
    func waitForRun(_ id: Int, seconds: Double = 600) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let run = try await get("/api/runs/\(id)").object
            let status = run["status"] as? String ?? ""
            if !["queued", "running"].contains(status) || ContinuousClock.now > deadline { return run }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// Every exchange a client made, for `check-openapi.py`.
actor ExchangeRecorder {
    private(set) var exchanges: [[String: Any]] = []

    func record(method: String, path: String, response: WebResponse) {
        exchanges.append([
            "method": method, "path": path, "status": response.status, "contentType": response.contentType,
            "body": response.contentType.hasPrefix("application/json") ? response.text : "",
        ])
    }

    /// The exchanges as JSON.
    func json() throws -> Data { try JSONSerialization.data(withJSONObject: exchanges) }
}

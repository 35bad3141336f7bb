import BundelTestSupport
import BundelWeb
import Foundation
import Testing

/// Who may use the server: the token off loopback, the origin of requests that change something.
struct AccessPolicyTests {
    @Test func loopbackNeedsNoToken() {
        let policy = AccessPolicy(host: "127.0.0.1", port: 8080, token: nil)
        #expect(
            policy.refusal(method: "GET", authorization: nil, cookieToken: nil, queryToken: nil, origin: nil) == nil)
        #expect(AccessPolicy.isLoopback("127.0.0.1") && AccessPolicy.isLoopback("localhost"))
        #expect(AccessPolicy.isLoopback("::1") && !AccessPolicy.isLoopback("0.0.0.0"))
        #expect(!AccessPolicy.isLoopback("192.168.1.5"))
    }

    /// Off loopback a server cannot start without a token, and every request must carry it (the
    /// test checks the function, since this machine's tests bind loopback only).
    @Test func offLoopbackEveryRequestNeedsTheToken() throws {
        let policy = AccessPolicy(host: "0.0.0.0", port: 8080, token: "s3cret")
        let refused = policy.refusal(method: "GET", authorization: nil, cookieToken: nil, queryToken: nil, origin: nil)
        #expect(refused?.status == .unauthorized)
        let wrong = policy.refusal(
            method: "GET", authorization: "Bearer s3cres", cookieToken: nil, queryToken: nil, origin: nil)
        #expect(wrong?.status == .unauthorized)
        #expect(
            policy.refusal(
                method: "GET", authorization: "Bearer s3cret", cookieToken: nil, queryToken: nil, origin: nil)
                == nil)
        #expect(
            policy.refusal(method: "GET", authorization: nil, cookieToken: "s3cret", queryToken: nil, origin: nil)
                == nil)
        var configuration = WebConfiguration(
            dataFolder: URL(fileURLWithPath: "/tmp/bundel-web-never"), bundel: URL(fileURLWithPath: "/bin/true"))
        configuration.host = "0.0.0.0"
        #expect(throws: APIError.self) { try WebServer(configuration) }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/bundel-web-never"))
        #expect(AccessPolicy.generatedToken().count == 32)
    }

    /// Without a token, a request must be addressed to this machine by name (DNS rebinding).
    @Test func requestsToAnotherHostNameAreRefused() {
        let policy = AccessPolicy(host: "127.0.0.1", port: 8080, token: nil)
        func refusal(_ host: String) -> APIError? {
            policy.refusal(
                method: "GET", authorization: nil, cookieToken: nil, queryToken: nil, origin: nil, host: host)
        }
        #expect(refusal("evil.example:8080")?.status == .forbidden)
        #expect(refusal("127.0.0.1:9999")?.status == .forbidden)
        #expect(refusal("127.0.0.1:8080") == nil && refusal("localhost:8080") == nil && refusal("[::1]:8080") == nil)
        let tokened = AccessPolicy(host: "0.0.0.0", port: 8080, token: "t")
        #expect(
            tokened.refusal(
                method: "GET", authorization: "Bearer t", cookieToken: nil, queryToken: nil, origin: nil,
                host: "server.lan:8080") == nil)
    }

    @Test func changesFromAnotherOriginAreRefused() {
        let policy = AccessPolicy(host: "127.0.0.1", port: 8080, token: nil)
        func refusal(_ method: String, _ origin: String?) -> APIError? {
            policy.refusal(method: method, authorization: nil, cookieToken: nil, queryToken: nil, origin: origin)
        }
        #expect(refusal("POST", "http://evil.example")?.status == .forbidden)
        #expect(refusal("POST", "http://127.0.0.1:8081")?.status == .forbidden)
        #expect(refusal("POST", "http://127.0.0.1:8080") == nil)
        #expect(refusal("POST", "http://localhost:8080") == nil)
        #expect(refusal("POST", nil) == nil)
        #expect(refusal("GET", "http://evil.example") == nil)
    }

    /// The same through HTTP, with a token set on a loopback server.
    @Test(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func tokenAndOriginOverHTTP() async throws {
        try await WebTestServer.with(configure: { $0.token = "t0ken" }) { server in
            let anonymous = try await server.client().get("/api/health")
            #expect(anonymous.status == 401)
            #expect(anonymous.object["error"] as? String != nil)
            // A page opened once with ?token= keeps the token in a cookie for the pages' requests.
            let opened = try await server.client().get("/api/health?token=t0ken")
            #expect(opened.status == 200)
            #expect(opened.setCookie?.hasPrefix("bundel_token=t0ken;") == true, "\(opened.setCookie ?? "no cookie")")
            let wrong = try await server.client().get("/api/health?token=other")
            #expect(wrong.status == 401 && wrong.setCookie == nil)
            let withCookie = try await server.client().get("/api/health", headers: ["Cookie": "bundel_token=t0ken"])
            #expect(withCookie.status == 200)
            let client = server.client(token: "t0ken")
            #expect(try await client.get("/api/health").status == 200)
            let foreign = try await client.post(
                "/api/runs", json: ["kind": "plan", "scenarioIds": [1]], headers: ["Origin": "http://evil.example"])
            #expect(foreign.status == 403)
        }
    }

    @Test func zipNamesThatEscapeAreRefused() {
        for name in ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "a/\u{1}b"] {
            #expect(ZipNameCheck.problem(name) != nil, "\(name)")
        }
        for name in ["network.yaml", "small/sites.csv", "a/b/c.csv", "..x/y", "x.."] {
            #expect(ZipNameCheck.problem(name) == nil, "\(name)")
        }
    }
}

import Foundation
import Hummingbird

/// What every route needs: the store, the run queue and the limits.
public struct WebServices: Sendable {
    public let store: WebStore
    public let queue: RunQueue
    public let limits: UploadLimits
    /// The folder of built-in networks, if there is one.
    public let examples: URL?

    public init(store: WebStore, queue: RunQueue, limits: UploadLimits, examples: URL? = nil) {
        self.store = store
        self.queue = queue
        self.limits = limits
        self.examples = examples
    }

    /// A request's whole body, refused with 413 past `limit` bytes (by its declared length
    /// before reading, and while reading for a body that declares none).
    func body(of request: Request, limit: Int) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the upload is larger than \(limit / 1024 / 1024) MB")
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer: buffer)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.contentTooLarge, "the upload is larger than \(limit / 1024 / 1024) MB")
        }
    }
}

/// A path parameter that must be a database id.
func id(_ context: some RequestContext, _ name: String = "id") throws -> Int64 {
    guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
        throw APIError(.badRequest, "'\(context.parameters.get(name) ?? "")' is not an id")
    }
    return value
}

import BundelPlanner
import Foundation
import Hummingbird

/// An error a request gets back as JSON, `{"error": "..."}`, with its HTTP status; `problems`
/// lists input problems by file, line and field, as `bundel validate` prints them.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var problems: [InputProblem]

    public init(_ status: HTTPResponse.Status, _ message: String, problems: [InputProblem] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    /// The response: a JSON body, never a stack trace.
    func response() -> Response {
        struct Body: Encodable {
            var error: String
            var problems: [ProblemBody]?
        }
        struct ProblemBody: Encodable {
            var file: String
            var line: Int?
            var field: String?
            var message: String
            var text: String
        }
        let body = Body(
            error: message,
            problems: problems.isEmpty
                ? nil
                : problems.map {
                    ProblemBody(
                        file: $0.file, line: $0.line, field: $0.field, message: $0.message, text: $0.description)
                })
        return JSONBody.response(body, status: status)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) not found") }
}

/// JSON as the API writes it: sorted keys, so that a response reads the same each time.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a request's JSON body, or a 400 that says what is wrong with it.
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "the JSON body lacks the field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError(.badRequest, "the JSON body's field '\(context.codingPath.pathText)' has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, "the JSON body's field '\(context.codingPath.pathText)' is null")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw APIError(.badRequest, "the JSON body's field '\(context.codingPath.pathText)' is not valid")
        } catch {
            throw APIError(.badRequest, "the body is not JSON")
        }
    }
}

extension [any CodingKey] {
    /// `hubs.0`, as a user would point at the field.
    fileprivate var pathText: String {
        map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

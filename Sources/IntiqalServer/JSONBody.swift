import Foundation
import Hummingbird
import IntiqalCommission
import IntiqalStorage

/// JSON in and out: sorted keys out; in, a body that does not decode is a 422 naming the field.
enum JSONBody {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(encoded: try encode(value), status: status)
    }

    static func encode<T: Encodable>(_ value: T) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }

    /// A body encoded before (kept by `Commission.kept` while the workspace does not change).
    static func response(encoded: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: encoded))
    }

    /// `value`'s JSON object (as the CLI writes it) with its combined marking added as `marking`,
    /// and the same marking in the `Intiqal-Marking` header.
    static func response<T: Encodable>(_ value: T, marking: Marking, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = response(encoded: try encode(marked: value, marking: marking), status: status)
        response.headers[StatusController.markingHeader] = marking.description
        return response
    }

    /// `value`'s JSON object with `marking` inserted as its first field.
    static func encode<T: Encodable>(marked value: T, marking: Marking) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(value))
        let field = Array(#""marking":"\#(marking)""#.utf8)
        if bytes.first == UInt8(ascii: "{") {
            bytes.insert(contentsOf: field + (bytes.count > 2 ? [UInt8(ascii: ",")] : []), at: 1)
        }
        return ByteBuffer(bytes: bytes)
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: ServerContext) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: context.maxUploadSize) } catch {
            throw HTTPError(.contentTooLarge, message: "the body is over \(context.maxUploadSize) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw Self.invalid(error)
        } catch {
            throw CommissionError.invalid(field: nil, "the body is not JSON")
        }
    }

    static func invalid(_ error: DecodingError) -> CommissionError {
        func path(_ p: [any CodingKey]) -> String? {
            p.isEmpty ? nil : p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let c): return .invalid(field: path(c.codingPath + [key]), "required")
        case .typeMismatch(_, let c): return .invalid(field: path(c.codingPath), "wrong type")
        case .valueNotFound(_, let c): return .invalid(field: path(c.codingPath), "must not be null")
        case .dataCorrupted(let c): return .invalid(field: path(c.codingPath), c.codingPath.isEmpty ? "the body is not JSON" : c.debugDescription)
        @unknown default: return .invalid(field: nil, "the body does not decode")
        }
    }
}

extension Request {
    /// A query parameter, if given.
    func query(_ name: String) -> String? { uri.queryParameters.get(name) }
}

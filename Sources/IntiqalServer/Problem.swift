import Foundation
import Hummingbird

/// An RFC 9457 problem document (`application/problem+json`), with the input field at fault.
struct Problem: Codable, Sendable, Hashable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    /// The request field that is wrong, where one is.
    var field: String?

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data(#"{"status":\#(status)}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == 429 { headers[.retryAfter] = "900" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

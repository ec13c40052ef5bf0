import Foundation

/// The hand-kept OpenAPI 3.1 document, bundled with the server (`Resources/openapi.json`).
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }
}

import Hummingbird
import IntiqalCommission

/// A list as the API returns it: the items the viewer may read and how many there are.
struct Page<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var total: Int

    init(_ items: [Item]) {
        self.items = items
        total = items.count
    }

    /// One page of a longer list: `total` counts the whole list.
    init(_ items: [Item], total: Int) {
        self.items = items
        self.total = total
    }
}

/// `?offset=N&limit=M`: which part of a list to answer (default: all of it).
struct PageWindow: Sendable {
    static let maximumLimit = 10_000
    var offset = 0
    var limit: Int?

    init(_ request: Request) throws {
        if let text = request.query("offset") {
            guard let n = Int(text), (0...Int(Int32.max)).contains(n) else {
                throw CommissionError.invalid(field: "offset", "an integer from 0 to \(Int32.max)")
            }
            offset = n
        }
        if let text = request.query("limit") {
            guard let n = Int(text), (1...Self.maximumLimit).contains(n) else {
                throw CommissionError.invalid(field: "limit", "an integer from 1 to \(Self.maximumLimit)")
            }
            limit = n
        }
    }

    func range(_ count: Int) -> Range<Int> {
        let start = min(offset, count)
        return start..<(limit.map { min(count, start + $0) } ?? count)
    }
}

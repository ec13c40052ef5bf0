/// A list as the API returns it: the items the viewer may read and how many there are.
struct Page<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var total: Int

    init(_ items: [Item]) {
        self.items = items
        total = items.count
    }
}

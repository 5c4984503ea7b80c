/// One page of a paginated list: which slice of the items it shows and where its neighbours are.
public struct Page<Item: Sendable>: Sendable {
    /// 1-based page number.
    public var number: Int
    public var count: Int
    public var items: ArraySlice<Item>

    public var hasPrevious: Bool { number > 1 }
    public var hasNext: Bool { number < count }

    public init(number: Int, count: Int, items: ArraySlice<Item>) {
        self.number = number
        self.count = count
        self.items = items
    }
}

/// Where the pages of a list live, as in Hugo: page 1 at the list's own path, page n at `page/n/`.
public enum Pagination {
    /// How many pages `items` items make at `size` a page (an empty list still has one page).
    public static func pageCount(items: Int, size: Int) -> Int {
        max(1, (items + max(size, 1) - 1) / max(size, 1))
    }

    /// The positions page `number` shows of `count` items, `size` a page.
    public static func range(of number: Int, size: Int, count: Int) -> Range<Int> {
        let start = min((number - 1) * size, count)
        return start..<min(start + size, count)
    }

    /// The path of page `number` of a list at `basePath` (`tags/x/` → `tags/x/page/2/`).
    public static func path(of number: Int, basePath: String) -> String {
        number <= 1 ? basePath : basePath + "page/\(number)/"
    }
}

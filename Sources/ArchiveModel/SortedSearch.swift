/// Binary search in sorted lists: the index's lists of article positions (ascending, newest
/// first) and the build's sorted list of article files.
public enum SortedSearch {
    /// The index of the first element for which `isAtOrAfter` holds, in a list where it holds for a
    /// suffix (`sorted.count` if for none).
    public static func firstIndex<Element>(in sorted: [Element], where isAtOrAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The index of the first position in `sorted` at or after `position`.
    public static func firstIndex(atOrAfter position: Int, in sorted: [Int]) -> Int {
        firstIndex(in: sorted) { $0 >= position }
    }
}

/// Finds names one letter away from a known single-word name ("Facbook" → Facebook), for words of
/// six letters or more. Uses the deletion neighbourhood of each name (every form with one letter
/// removed), so a lookup costs a few hash probes whatever the number of names.
struct TypoIndex: Sendable {
    static let minimumLength = 6
    private var byForm: [String: [Int32]] = [:]
    private var names: [Int32: [String]] = [:]

    var isEmpty: Bool { byForm.isEmpty }

    /// Adds a name; only single words of six letters or more are indexed.
    mutating func insert(_ name: String, entity: Int32) {
        let word = name.lowercased()
        guard word.count >= Self.minimumLength, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return }
        names[entity, default: []].append(word)
        for form in Self.forms(of: word) where !(byForm[form]?.contains(entity) ?? false) {
            byForm[form, default: []].append(entity)
        }
    }

    /// Entities with a name at edit distance exactly one from `word` (substitution, insertion or deletion).
    func entities(near word: String) -> [Int32] {
        let lower = word.lowercased()
        guard lower.count >= Self.minimumLength else { return [] }
        var found: Set<Int32> = []
        for form in Self.forms(of: lower) {
            for entity in byForm[form] ?? []
            where names[entity]?.contains(where: { Self.distanceIsOne($0, lower) }) == true {
                found.insert(entity)
            }
        }
        return found.sorted()
    }

    private static func forms(of word: String) -> [String] {
        let characters = Array(word)
        var forms = [word]
        for index in characters.indices {
            var copy = characters
            copy.remove(at: index)
            forms.append(String(copy))
        }
        return forms
    }

    /// Edit distance one, not counting a changed ending: "American" is not a typo of "America",
    /// nor "Googles" of "Google".
    static func distanceIsOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if x == y || abs(x.count - y.count) > 1 || x.dropLast() == y.dropLast() || x.dropLast() == y[...]
            || y.dropLast() == x[...]
        {
            return false
        }
        if x.count == y.count { return zip(x, y).filter { $0 != $1 }.count == 1 }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }
}

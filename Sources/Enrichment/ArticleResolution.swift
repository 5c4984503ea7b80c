import ArchiveModel

/// What one article settles about its names: the entities it names in full, the acronyms it
/// defines in brackets, and from those the one entity each short or ambiguous mention means.
struct ArticleResolution {
    let gazetteer: Gazetteer
    private(set) var discovered: [String: Entity] = [:]
    /// The people named in full in the article, by the hash of their name's first word, and of its
    /// last word.
    private var peopleByFirst: [UInt64: Set<String>] = [:]
    private var peopleByLast: [UInt64: Set<String>] = [:]
    private var namedKnown: Set<Int32> = []
    private var acronyms: [UInt64: MentionTarget] = [:]

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// Records every unambiguous full name, so short forms and ambiguous aliases can be settled.
    mutating func collectFullNames(_ scans: [UnitScan]) {
        for scan in scans {
            for raw in scan.mentions {
                switch raw.target {
                case .known(let candidates) where candidates.count == 1:
                    namedKnown.insert(candidates[0])
                    let entity = gazetteer.entities[Int(candidates[0])]
                    if entity.type == .person { addPerson(id: entity.id, name: entity.name) }
                case .discovered(let type, let name):
                    let id = Slug.make(from: name)
                    guard !id.isEmpty, gazetteer.entity(id: id)?.type ?? type == type else { continue }
                    if discovered[id] == nil { discovered[id] = Entity(id: id, type: type, name: name) }
                    if type == .person { addPerson(id: id, name: name) }
                default:
                    continue
                }
            }
        }
    }

    /// "the National Crime Agency (NCA)": later mentions of NCA mean the agency.
    mutating func learnBracketedAcronyms(_ scans: inout [UnitScan]) {
        for scan in scans {
            for raw in scan.mentions {
                let after = raw.tokens.upperBound
                guard after + 2 < scan.tokens.count, scan.tokens[after].mark == "(", scan.tokens[after + 2].mark == ")",
                    scan.tokens[after + 1].flags.contains(.allCaps)
                else { continue }
                acronyms[scan.tokens[after + 1].hash] = raw.target
            }
        }
        guard !acronyms.isEmpty else { return }
        for unit in scans.indices {
            var scan = scans[unit]
            for (position, token) in scan.tokens.enumerated() where token.flags.contains(.allCaps) {
                guard let target = acronyms[token.hash] else { continue }
                if let existing = scan.mentions.firstIndex(where: { $0.tokens.contains(position) }) {
                    if scan.mentions[existing].tokens.count == 1 { scan.mentions[existing].target = target }
                } else {
                    scan.mentions.append(
                        RawMention(
                            unit: unit, tokens: position..<position + 1, start: token.start, end: token.end,
                            target: target))
                }
            }
            scan.mentions.sort { $0.start < $1.start }
            scans[unit] = scan
        }
    }

    /// The entity a mention means, or nil when the article does not settle it.
    func resolve(_ target: MentionTarget) -> Entity? {
        switch target {
        case .known(let candidates):
            if candidates.count == 1 { return gazetteer.entities[Int(candidates[0])] }
            let named = candidates.filter { namedKnown.contains($0) }
            if named.count == 1 { return gazetteer.entities[Int(named[0])] }
            let ids = Set(candidates.map { gazetteer.entities[Int($0)].id })
            let discoveredMatch = discovered.keys.filter { ids.contains($0) }
            return discoveredMatch.count == 1 ? discovered[discoveredMatch[0]] : nil
        case .discovered(_, let name):
            return discovered[Slug.make(from: name)]
        case .shortPerson(let word, let byFirstName):
            let matches = (byFirstName ? peopleByFirst[word] : peopleByLast[word]) ?? []
            guard matches.count == 1, let id = matches.first else { return nil }
            return entity(id: id)
        }
    }

    /// An entity this article knows by id: discovered in it, or in the gazetteer.
    func entity(id: String) -> Entity? {
        discovered[id] ?? gazetteer.entity(id: id)
    }

    /// Mentions of long capitalised words one letter away from a name of entities.yml or of this
    /// article ("Facbook" → Facebook), where nothing else matched.
    func typoMentions(_ scans: [UnitScan], covered: [Mention]) -> [Mention] {
        // Candidates first: most articles have none, and then nothing else is built.
        var candidates: [(unit: Int, token: Token)] = []
        for (unit, scan) in scans.enumerated() {
            // Known names in order, looked up by binary search (searched from the start for each
            // word, a long paragraph cost time in the square of its length).
            // Made on the unit's first candidate word only: most units have none.
            var known: [RawMention]?
            for token in scan.tokens
            where token.isWord && token.isCapitalized && token.length >= TypoIndex.minimumLength {
                guard !token.flags.contains(.allCaps), !gazetteer.lexicon.commonWords.contains(token.hash) else {
                    continue
                }
                let sorted = known ?? scan.mentions.filter(\.isKnown).sorted { $0.start < $1.start }
                known = sorted
                // Words inside a gazetteer name the article left ambiguous are not typos.
                guard !Self.overlaps(sorted, token.start, token.end, inside: true, bounds: { ($0.start, $0.end) })
                else { continue }
                candidates.append((unit, token))
            }
        }
        guard !candidates.isEmpty else { return [] }
        // Each one-word name once, however often the article uses it.
        var local = TypoIndex()
        var localEntities: [Entity] = []
        var indexed: Set<[String]> = []
        var coveredByUnit: [Int: [Mention]] = [:]
        for mention in covered.sorted(by: { $0.start < $1.start }) {
            coveredByUnit[mention.unit, default: []].append(mention)
            guard !mention.text.contains(" "), indexed.insert([mention.text, mention.entity]).inserted,
                let entity = entity(id: mention.entity)
            else { continue }
            localEntities.append(entity)
            local.insert(mention.text, entity: Int32(localEntities.count - 1))
        }
        var found: [Mention] = []
        for (unit, token) in candidates {
            let inUnit = coveredByUnit[unit] ?? []
            guard !Self.overlaps(inUnit, token.start, token.end, inside: false, bounds: { ($0.start, $0.end) }) else {
                continue
            }
            let word = scans[unit].text(token.start, token.end)
            var ids = Set(gazetteer.typos.entities(near: word).map { gazetteer.entities[Int($0)].id })
            ids.formUnion(local.entities(near: word).map { localEntities[Int($0)].id })
            guard ids.count == 1, let id = ids.first else { continue }
            found.append(Mention(unit: unit, start: token.start, end: token.end, entity: id, text: word))
        }
        return found
    }

    /// Whether a mention of `sorted` (in order of start) overlaps `start..<end`, or with `inside`
    /// holds it whole. Mentions of one list do not overlap one another, so only the last few
    /// starting before `end` can.
    static func overlaps<Item>(
        _ sorted: [Item], _ start: Int, _ end: Int, inside: Bool, bounds: (Item) -> (start: Int, end: Int)
    ) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if bounds(sorted[middle]).start < end { low = middle + 1 } else { high = middle }
        }
        return sorted[max(0, low - 8)..<low].contains {
            let item = bounds($0)
            return inside ? item.start <= start && end <= item.end : item.start < end && start < item.end
        }
    }

    private mutating func addPerson(id: String, name: String) {
        let words = name.split(whereSeparator: { $0 == " " })
        guard words.count >= 2, let first = words.first, let last = words.last else { return }
        peopleByFirst[WordHash.hash(String(first)), default: []].insert(id)
        peopleByLast[WordHash.hash(String(last)), default: []].insert(id)
    }
}

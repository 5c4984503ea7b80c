import ArchiveModel

/// Every name the archive knows, compiled once per build into a token trie: the entities of
/// `Content/entities.yml` first, then the built-in places. Matching walks the trie from each token,
/// so its cost depends on the text and the longest alias, not on how many aliases there are.
public struct Gazetteer: Sendable {
    /// How a token of an alias must be written in the text.
    enum CaseRule: Sendable {
        case any, capitalized, allCaps
    }

    /// One alias ending at a trie node.
    struct Entry: Sendable {
        var entity: Int32
        var rules: [CaseRule]
        /// A single-token alias that is also a common word (matches only mid-sentence).
        var isCommonWord: Bool
    }

    public let entities: [Entity]
    /// `entities[0..<userCount]` come from entities.yml and win over built-in ones.
    public let userCount: Int
    let lexicon: Lexicon
    private var edges = WordTable(minimumCapacity: 1024)
    /// The first words of every alias: most words of a text start none, and are ruled out here.
    private var firstWords = WordFilter()
    /// For each trie node, the index of its aliases in `entryLists`, or -1.
    private var terminalOf: [Int32] = [-1]
    private var entryLists: [[Entry]] = []
    private var nodeCount: Int32 = 1
    private let indexByID: [String: Int]
    /// One-letter-typo lookup over the single-word names of entities.yml.
    private(set) var typos = TypoIndex()

    public init(entities userEntities: [Entity], knowledge: KnowledgeBase) {
        lexicon = Lexicon(knowledge)
        let userIDs = Set(userEntities.map(\.id))
        entities = userEntities + knowledge.places.filter { !userIDs.contains($0.id) }
        userCount = userEntities.count
        var index: [String: Int] = [:]
        for (position, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = position }
        indexByID = index
        let tokenizer = Tokenizer(lexicon: lexicon)
        for (position, entity) in entities.enumerated() {
            for surface in [entity.name] + entity.aliases {
                insert(surface, entity: Int32(position), tokenizer: tokenizer)
                if position < userCount { typos.insert(surface, entity: Int32(position)) }
            }
        }
    }

    /// The entity with an id, if the gazetteer knows it.
    public func entity(id: String) -> Entity? {
        indexByID[id].map { entities[$0] }
    }

    func isUser(_ entity: Int32) -> Bool { Int(entity) < userCount }

    /// The longest alias starting at token `start` whose case rules the text satisfies, as
    /// (end token exclusive, entity candidates). User entities hide built-in ones for the same alias.
    func longestMatch(in tokens: [Token], from start: Int) -> (end: Int, candidates: [Int32])? {
        guard firstWords.mayContain(tokens[start].hash) else { return nil }
        var node: Int32 = 0
        var best: (Int, [Int32])?
        var position = start
        while position < tokens.count,
            let next = edges.value(for: WordHash.combine(UInt64(node), tokens[position].hash))
        {
            node = next
            position += 1
            let list = Int(terminalOf[Int(node)])
            guard list >= 0 else { continue }
            let entries = entryLists[list]
            if entries.count == 1 {
                if satisfies(entries[0], tokens: tokens, from: start) { best = (position, [entries[0].entity]) }
                continue
            }
            let valid = entries.filter { satisfies($0, tokens: tokens, from: start) }
            guard !valid.isEmpty else { continue }
            let user = valid.filter { isUser($0.entity) }
            best = (position, (user.isEmpty ? valid : user).map(\.entity))
        }
        return best
    }

    /// The entities whose alias is exactly this token range (for names found by their shape).
    func exactMatch(in tokens: [Token], range: Range<Int>) -> [Int32]? {
        guard !range.isEmpty else { return nil }
        var node: Int32 = 0
        for position in range {
            guard let next = edges.value(for: WordHash.combine(UInt64(node), tokens[position].hash)) else { return nil }
            node = next
        }
        let list = Int(terminalOf[Int(node)])
        guard list >= 0 else { return nil }
        let entries = entryLists[list]
        let user = entries.filter { isUser($0.entity) }
        return (user.isEmpty ? entries : user).map(\.entity)
    }

    private func satisfies(_ entry: Entry, tokens: [Token], from start: Int) -> Bool {
        // "Reading the report…" is not the town; "Riverside’s library" still is.
        if entry.isCommonWord && tokens[start].flags.contains(.sentenceStart)
            && !tokens[start].flags.contains(.possessive)
        {
            return false
        }
        for (offset, rule) in entry.rules.enumerated() {
            let token = tokens[start + offset]
            switch rule {
            case .allCaps: if !token.flags.contains(.allCaps) { return false }
            case .capitalized, .any:
                // An acronym in the text is not a lowercase word of an alias ("LA" is not "la").
                if token.flags.contains(.allCaps) && token.length <= 5 { return false }
                if rule == .capitalized && !token.isCapitalized { return false }
            }
        }
        return true
    }

    private mutating func insert(_ surface: String, entity: Int32, tokenizer: Tokenizer) {
        let scalars = Array(surface.unicodeScalars)
        var tokens = scalars.withUnsafeBufferPointer { tokenizer.tokenize($0) }
        while let last = tokens.last, !last.isWord { tokens.removeLast() }
        guard !tokens.isEmpty else { return }
        firstWords.insert(tokens[0].hash)
        var node: Int32 = 0
        for token in tokens {
            let key = WordHash.combine(UInt64(node), token.hash)
            if let next = edges.value(for: key) {
                node = next
            } else {
                edges.set(nodeCount, for: key)
                terminalOf.append(-1)
                node = nodeCount
                nodeCount += 1
            }
        }
        let rules = tokens.map { token -> CaseRule in
            if token.flags.contains(.allCaps) && token.length <= 5 { return .allCaps }
            return token.isCapitalized ? .capitalized : .any
        }
        let common = tokens.count == 1 && lexicon.commonWords.contains(tokens[0].hash)
        let entry = Entry(entity: entity, rules: rules, isCommonWord: common)
        if terminalOf[Int(node)] < 0 {
            terminalOf[Int(node)] = Int32(entryLists.count)
            entryLists.append([entry])
        } else if !entryLists[Int(terminalOf[Int(node)])].contains(where: { $0.entity == entity }) {
            entryLists[Int(terminalOf[Int(node)])].append(entry)
        }
    }
}

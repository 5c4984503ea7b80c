import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge

// Enrichment throughput (entities + quotations): MB of article text per second on one core, with the corpus's own
// gazetteer and with one padded to 200,000 aliases, to show that matching cost does not grow with
// the gazetteer. Usage: broadsheet-enrichment-bench CORPUS_DIR [ALIASES]   (see Benchmarks/README.md)

/// A deterministic pseudo-random generator (SplitMix64), so every run pads the same gazetteer.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// `count` invented people and organisations, three aliases each, none of them in the corpus.
func paddingEntities(count aliases: Int, firstNames: [String]) -> [Entity] {
    var random = SplitMix(state: 42)
    let syllables = [
        "ka", "lo", "mi", "ren", "tor", "vas", "quel", "dor", "fin", "bra", "zel", "nox", "pim", "sar", "gul",
    ]
    func word() -> String {
        let parts = (0..<Int.random(in: 2...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }
        return parts.joined().capitalized
    }
    var entities: [Entity] = []
    var made = 0
    while made < aliases {
        let surname = word() + word().lowercased()
        if entities.count % 4 == 3 {
            let name = "\(word()) \(surname) Holdings"
            entities.append(
                Entity(
                    id: "pad-\(entities.count)", type: .organisation, name: name,
                    aliases: ["\(surname) Group", surname.uppercased()]))
        } else {
            let first = firstNames.randomElement(using: &random) ?? "Alex"
            entities.append(
                Entity(
                    id: "pad-\(entities.count)", type: .person, name: "\(first) \(surname)",
                    aliases: ["Mr \(surname)", surname]))
        }
        made += 3
    }
    return entities
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: broadsheet-enrichment-bench CORPUS_DIR [ALIASES]\n".utf8))
    exit(2)
}
let corpus = URL(fileURLWithPath: arguments[1])
let padding = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let entitiesData = try Data(contentsOf: corpus.appendingPathComponent("entities.yml"))
let corpusEntities = try EntitiesFileReader.read(path: "entities.yml", bytes: [UInt8](entitiesData))
let folder = corpus.appendingPathComponent("articles")
let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
let articles = try files.map { file -> [TextUnit] in
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
    return ArticleReader.read(path: file, bytes: bytes).article?.textUnits ?? []
}
let bytes = articles.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count } }
print("corpus: \(articles.count) articles, \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB of text units")

let knowledge = BuiltInKnowledge.shared
for (label, entities) in [
    ("corpus gazetteer", corpusEntities),
    (
        "padded to \(padding) aliases",
        corpusEntities + paddingEntities(count: padding, firstNames: knowledge.firstNames)
    ),
] {
    let built = Date()
    let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: entities, knowledge: knowledge))
    let aliasCount =
        entities.reduce(0) { $0 + 1 + $1.aliases.count } + knowledge.places.reduce(0) { $0 + 1 + $1.aliases.count }
    let setup = Date().timeIntervalSince(built)
    var best = Double.infinity
    var mentions = 0
    var quotes = 0
    for _ in 0..<3 {
        let start = Date()
        mentions = 0
        quotes = 0
        for units in articles {
            let enrichment = enricher.enrich(units)
            mentions += enrichment.entities.mentions.count
            quotes += enrichment.quotes.count
        }
        best = min(best, Date().timeIntervalSince(start))
    }
    let rate = Double(bytes) / 1_000_000 / best
    print(
        "\(label): \(aliasCount) aliases (gazetteer built in \(String(format: "%.2f", setup)) s), "
            + "\(mentions) mentions, \(quotes) quotations, best of 3: \(String(format: "%.3f", best)) s = \(String(format: "%.1f", rate)) MB/s on one core"
    )
}

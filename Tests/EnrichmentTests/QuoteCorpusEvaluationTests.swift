import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import TestSupport
import Testing

/// Quotation precision and recall and speaker accuracy on the synthetic corpus
/// (`make-corpus.py -n 2000`, article bodies). Prints the figures:
/// `swift test --filter QuoteCorpusEvaluationTests`.
@Suite(.enabled(if: SyntheticCorpus.script != nil, "needs ../shared/bench/make-corpus.py"))
struct QuoteCorpusEvaluationTests {
    struct Gold: Decodable {
        struct GoldQuote: Decodable {
            var speaker: String?
            var kind: String
            var text: String
        }
        var slug: String
        var quotes: [GoldQuote]
    }

    /// Quotations compare without the punctuation a trailing attribution changes ("…." → "…,").
    static func key(_ text: String) -> String {
        String(text.reversed().drop { ".,!? ".contains($0) }.reversed())
    }

    @Test func quotationsAndSpeakersReachTheGoals() throws {
        let folder = try SyntheticCorpus.generate(count: 2000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entitiesData = try Data(contentsOf: folder.appendingPathComponent("entities.yml"))
        let entities = try EntitiesFileReader.read(path: "entities.yml", bytes: [UInt8](entitiesData))
        let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
        var matched = 0
        var predicted = 0
        var expected = 0
        var rightSpeaker = 0
        var rightKind = 0
        var attributed = 0
        var wrongPerson = 0
        var wrong: [String] = []
        for line in try String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8).split(
            separator: "\n")
        {
            let gold = try JSONDecoder().decode(Gold.self, from: Data(line.utf8))
            let data = try Data(contentsOf: folder.appendingPathComponent("articles/\(gold.slug).md"))
            let article = try #require(ArticleReader.read(path: gold.slug, bytes: [UInt8](data)).article)
            let units = article.textUnits
            let quotes = enricher.enrich(article).quotes.filter {
                [.paragraph, .heading].contains(units[$0.start.unit].role)
            }
            predicted += quotes.count
            expected += gold.quotes.count
            var remaining = gold.quotes
            for quote in quotes {
                guard let index = remaining.firstIndex(where: { Self.key($0.text) == Self.key(quote.text) }) else {
                    continue
                }
                let wanted = remaining.remove(at: index)
                matched += 1
                if quote.speaker?.entity != nil {
                    attributed += 1
                    if quote.speaker?.entity != wanted.speaker { wrongPerson += 1 }
                }
                if quote.speaker?.entity == wanted.speaker {
                    rightSpeaker += 1
                } else if wrong.count < 8 {
                    wrong.append(
                        "\(gold.slug): “\(quote.text.prefix(40))” → \(quote.speaker?.entity ?? "nobody"), not \(wanted.speaker ?? "nobody")"
                    )
                }
                if quote.kind.rawValue == wanted.kind { rightKind += 1 }
            }
        }
        let precision = Double(matched) / Double(max(predicted, 1))
        let recall = Double(matched) / Double(max(expected, 1))
        let speakers = Double(rightSpeaker) / Double(max(matched, 1))
        let kinds = Double(rightKind) / Double(max(matched, 1))
        print(
            "quotations on make-corpus.py -n 2000: precision \(String(format: "%.4f", precision)), recall \(String(format: "%.4f", recall)), "
                + "speaker accuracy \(String(format: "%.4f", speakers)), kind accuracy \(String(format: "%.4f", kinds)) "
                + "(\(matched) matched of \(expected) gold, \(predicted) found)")
        print(
            "  of \(attributed) quotations given a speaker, \(wrongPerson) name the wrong one; the rest of the misses have none"
        )
        for line in wrong { print("  wrong speaker: \(line)") }
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
        #expect(speakers >= 0.98)
    }
}

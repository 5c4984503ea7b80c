import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import TestSupport
import Testing

/// The seed article's quotations against its hand-made reference.
struct SeedQuoteTests {
    struct Gold: Decodable {
        struct GoldQuote: Decodable {
            var speaker: String?
            var kind: String
            var text: String
        }
        var quotes: [GoldQuote]
        var headline_quote: GoldQuote
    }

    func enrichment(withGazetteer: Bool = true) throws -> (ArticleEnrichment, Article) {
        let bytes = try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt")
        let article = try #require(ArticleReader.read(path: "seed.txt", bytes: bytes).article)
        var entities: [Entity] = []
        if withGazetteer {
            let data = try Data(contentsOf: Repository.root.appendingPathComponent("Content/entities.yml"))
            entities = try EntitiesFileReader.read(path: "Content/entities.yml", bytes: [UInt8](data))
        }
        let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
        return (enricher.enrich(article), article)
    }

    @Test func exactlyTheGoldQuotationsWithTheirKindsAndSpeakersPlusTheHeadlines() throws {
        let gold = try JSONDecoder().decode(
            Gold.self, from: Data(try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.gold.json")))
        let (found, _) = try enrichment()
        let expected = [gold.headline_quote] + gold.quotes
        #expect(found.quotes.count == expected.count)
        for (quote, wanted) in zip(found.quotes, expected) {
            #expect(quote.text == wanted.text)
            #expect(quote.kind.rawValue == wanted.kind, "“\(wanted.text.prefix(30))” is \(quote.kind)")
            #expect(
                quote.speaker?.entity == wanted.speaker,
                "“\(wanted.text.prefix(30))” attributed to \(quote.speaker?.entity ?? "nobody")")
        }
    }

    @Test func theLocalWordsOfEachAttributionAreKept() throws {
        let (found, _) = try enrichment()
        let mentions = found.quotes.map { $0.speaker?.mention?.text ?? "-" }
        #expect(mentions.first == "Met chief")
        #expect(mentions[1] == "Britain’s most senior police officer")
        #expect(found.quotes.first { $0.text == "in denial" }?.speaker?.mention?.text == "Mr Hannigan")
        #expect(found.quotes.first { $0.text.hasPrefix("GCHQ is happy") }?.speaker?.mention?.text == "he")
        let group = try #require(found.quotes.first { $0.text == "new deal" }?.speaker)
        #expect(group.entity == nil && group.description == "a technology industry group")
    }

    @Test func withoutAGazetteerTheBodyQuotationsKeepTheirSpeakers() throws {
        let gold = try JSONDecoder().decode(
            Gold.self, from: Data(try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.gold.json")))
        let (found, _) = try enrichment(withGazetteer: false)
        let body = found.quotes.dropFirst()
        #expect(body.map(\.text) == gold.quotes.map(\.text))
        #expect(body.map(\.speaker?.entity) == gold.quotes.map(\.speaker))
    }
}

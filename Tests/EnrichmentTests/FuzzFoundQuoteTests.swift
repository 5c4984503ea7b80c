import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import TestSupport
import Testing

/// Inputs the fuzzer found (`Tests/Fuzz/fuzz.sh`), kept in its seed corpus and enriched here.
struct FuzzFoundQuoteTests {
    /// A quotation whose end lies in another paragraph than its opening was checked against the
    /// opening paragraph's text: an index past its end (a trap).
    @Test func aQuotationEndingInALaterParagraphIsReadWithoutATrap() throws {
        let path = "Tests/Fuzz/corpus/plaintext/quote-end-past-unit.txt"
        let bytes = [UInt8](try Data(contentsOf: Repository.root.appendingPathComponent(path)))
        let article = try #require(ArticleReader.read(path: "Content/articles/x.txt", bytes: bytes).article)
        let enricher = ArticleEnricher(gazetteer: Gazetteer(entities: [], knowledge: BuiltInKnowledge.shared))
        let lengths = article.textUnits.map { $0.text.unicodeScalars.count }
        for quote in enricher.enrich(article).quotes {
            #expect(quote.start <= quote.end)
            #expect(quote.end.offset <= lengths[quote.end.unit])
        }
    }
}

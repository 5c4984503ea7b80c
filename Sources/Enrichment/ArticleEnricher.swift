import ArchiveModel

/// Everything enrichment finds in one article: entity mentions and quotations with their speakers.
public struct ArticleEnrichment: Sendable {
    public var entities: EntityAnnotations
    public var quotes: [Quotation]

    public init(entities: EntityAnnotations = EntityAnnotations(), quotes: [Quotation] = []) {
        self.entities = entities
        self.quotes = quotes
    }
}

/// The enrichment stage: entities, then quotations attributed through them, sharing one
/// tokenisation of the article. Pure and per article; build one per site and share it across tasks.
public struct ArticleEnricher: Sendable {
    public let entities: EntityRecognizer
    let quotes: QuoteRecognizer

    public init(gazetteer: Gazetteer) {
        entities = EntityRecognizer(gazetteer: gazetteer)
        quotes = QuoteRecognizer(lexicon: gazetteer.lexicon)
    }

    public var gazetteer: Gazetteer { entities.gazetteer }

    public func enrich(
        _ units: [TextUnit], entityOverrides: EntityOverrides = EntityOverrides(), quoteOverrides: [QuoteOverride] = []
    ) -> ArticleEnrichment {
        let (annotations, scans) = entities.annotateWithScans(units, overrides: entityOverrides)
        let found = quotes.quotations(scans: scans, units: units, entities: annotations, overrides: quoteOverrides)
        return ArticleEnrichment(entities: annotations, quotes: found)
    }

    /// Enriches an article with its author's corrections.
    public func enrich(_ article: Article) -> ArticleEnrichment {
        enrich(
            article.textUnits, entityOverrides: article.metadata.entityOverrides,
            quoteOverrides: article.metadata.quoteOverrides)
    }
}

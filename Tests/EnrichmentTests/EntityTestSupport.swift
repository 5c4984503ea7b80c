import ArchiveModel
import ContentReader
import Enrichment
import Knowledge

/// Annotates text as an article body: each paragraph of `body` (blank-line separated) is a unit.
func annotate(
    _ body: String, headline: String = "Headline", entities: [Entity] = [],
    overrides: EntityOverrides = EntityOverrides()
) -> (units: [TextUnit], annotations: EntityAnnotations) {
    let text = "\(headline)\n\nStandfirst line\n\n\(body)\n"
    guard let article = ArticleReader.read(path: "test.txt", bytes: Array(text.utf8)).article else {
        return ([], EntityAnnotations())
    }
    let recognizer = EntityRecognizer(gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
    let units = article.textUnits
    return (units, recognizer.annotate(units, overrides: overrides))
}

/// "id: text" for every mention, in order.
func mentionList(
    _ body: String, headline: String = "Headline", entities: [Entity] = [],
    overrides: EntityOverrides = EntityOverrides()
) -> [String] {
    annotate(body, headline: headline, entities: entities, overrides: overrides).annotations.mentions.map {
        "\($0.entity): \($0.text)"
    }
}

import ArchiveModel
import Yams

/// Reads an article's front matter into `ArticleMetadata`, collecting every problem with its line.
struct ArticleMetadataDecoder {
    let document: YAMLDocument
    /// Slug and date derived from the file name, used when the front matter has none.
    let fileName: FileNameInfo
    private(set) var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument, fileName: FileNameInfo) {
        self.document = document
        self.fileName = fileName
    }

    /// The metadata, or nil when an error was recorded in `diagnostics`.
    mutating func decode() -> ArticleMetadata? {
        var title: String?
        var dateNode: Node?
        var metadata = ArticleMetadata(title: "", slug: "")
        var slug: String?
        for (key, keyNode, value) in document.pairs {
            do throws(Diagnostic) {
                switch key {
                case "title": title = try document.string(value, key: key)
                case "date":
                    dateNode = value
                    metadata.date = try date(value, key: key)
                case "updated": metadata.updated = try date(value, key: key)
                case "author": metadata.authors += try document.stringList(value, key: key)
                case "authors": metadata.authors += try document.stringList(value, key: key)
                case "standfirst": metadata.standfirst = try document.optionalText(value, key: key)
                case "source": metadata.source = try document.optionalText(value, key: key)
                case "publication": metadata.publication = try document.optionalText(value, key: key)
                case "tags": metadata.tags = try document.stringList(value, key: key)
                case "image": metadata.image = try image(value)
                case "slug": slug = try validatedSlug(value)
                case "draft": metadata.draft = try document.bool(value, key: key)
                case "entities": metadata.entityOverrides.pins = try pins(value)
                case "not_entities": metadata.entityOverrides.suppressed = Set(try document.stringList(value, key: key))
                case "quotes": metadata.quoteOverrides = try quoteOverrides(value)
                default:
                    if metadata.params[key] != nil {
                        diagnostics.append(
                            document.warning(at: keyNode, "`\(key)` is given twice; the last value wins"))
                    }
                    metadata.params[key] = document.param(value)
                }
            } catch {
                diagnostics.append(error)
            }
        }
        if title == nil, !diagnostics.containsErrors {
            diagnostics.append(
                Diagnostic(
                    file: document.path, line: document.lineOffset, column: 1, message: "missing `title`",
                    hint: "add a line `title: The headline` to the front matter"))
        }
        if dateNode == nil {
            if let fileDate = fileName.date {
                metadata.date = fileDate
            } else {
                diagnostics.append(
                    Diagnostic(
                        file: document.path, line: document.lineOffset, column: 1, message: "missing `date`",
                        hint:
                            "add `date: YYYY-MM-DD` (or `date: ~` for an undated article), or start the file name with YYYY-MM-DD-"
                    ))
            }
        }
        guard let title, !diagnostics.containsErrors else { return nil }
        metadata.title = title
        metadata.slug = slug ?? fileName.slug(orTitle: title)
        return metadata
    }

    private func date(_ node: Node, key: String) throws(Diagnostic) -> ArticleDate? {
        guard let text = try document.optionalString(node, key: key) else { return nil }
        guard let date = ISODateParser.parse(text) else {
            throw document.error(
                at: node, "`\(key)` is not a date: \(text)",
                hint: "write an ISO 8601 date such as 2014-11-07 or 2014-11-07T09:30:00Z")
        }
        return date
    }

    /// `quotes:` as a list of `{text: opening words, speaker: id}` or `{text: …, speech: false}`.
    private func quoteOverrides(_ node: Node) throws(Diagnostic) -> [QuoteOverride] {
        guard case .sequence(let items) = node else {
            throw document.error(
                at: node, "`quotes` must be a list",
                hint: "write `quotes: [{text: \"We cannot allow\", speaker: some-id}]`")
        }
        var overrides: [QuoteOverride] = []
        for item in items {
            guard let mapping = item.mapping else {
                throw document.error(
                    at: item, "each `quotes` item must be a mapping",
                    hint: "write `{text: \"opening words\", speaker: id}`")
            }
            var opening: String?
            var override = QuoteOverride(opening: "")
            for (keyNode, value) in mapping {
                switch keyNode.scalar?.string ?? "" {
                case "text": opening = try document.string(value, key: "quotes.text")
                case "speaker": override.speaker = try document.string(value, key: "quotes.speaker")
                case "speech": override.isSpeech = try document.bool(value, key: "quotes.speech")
                default:
                    throw document.error(
                        at: keyNode, "unknown `quotes` field `\(keyNode.scalar?.string ?? "")`",
                        hint: "fields are text, speaker and speech")
                }
            }
            guard let opening else {
                throw document.error(
                    at: item, "a `quotes` item needs `text`, the quotation's opening words",
                    hint: "add `text: \"We cannot allow\"`")
            }
            override.opening = opening
            overrides.append(override)
        }
        return overrides
    }

    /// `entities:` as a mapping of surface text to entity id.
    private func pins(_ node: Node) throws(Diagnostic) -> [String: String] {
        guard let mapping = node.mapping else {
            throw document.error(
                at: node, "`entities` must map words in the text to entity ids",
                hint: "write `entities: {\"the Commissioner\": bernard-hogan-howe}`")
        }
        var pins: [String: String] = [:]
        for (key, value) in mapping {
            let surface = try document.string(key, key: "entities")
            let id = try document.string(value, key: "entities.\(surface)")
            guard Slug.isValid(id) else {
                throw document.error(
                    at: value, "entity id `\(id)` is not a slug",
                    hint: "use the entity's id, such as `\(Slug.make(from: id))`")
            }
            pins[surface] = id
        }
        return pins
    }

    private func validatedSlug(_ node: Node) throws(Diagnostic) -> String {
        let text = try document.string(node, key: "slug")
        guard Slug.isValid(text) else {
            let suggestion = Slug.make(from: text)
            throw document.error(
                at: node, "slug `\(text)` is not allowed: a slug is lowercase letters, digits and hyphens only",
                hint: suggestion.isEmpty ? "choose a slug such as `my-article`" : "use `slug: \(suggestion)`")
        }
        return text
    }

    private mutating func image(_ node: Node) throws(Diagnostic) -> ArticleImage? {
        if case .scalar = node {
            guard let source = try document.optionalString(node, key: "image") else { return nil }
            diagnostics.append(missingAlt(node))
            return ArticleImage(source: source)
        }
        guard let mapping = node.mapping else {
            throw document.error(
                at: node, "`image` must be a mapping", hint: "write `image: {src: /photo.jpg, alt: …}`")
        }
        var image = ArticleImage()
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let text = try document.optionalText(value, key: "image.\(key)")
            switch key {
            case "src": image.source = text
            case "caption": image.caption = text
            case "credit": image.credit = text
            case "alt": image.alt = text
            default:
                throw document.error(
                    at: keyNode, "unknown image field `\(key)`", hint: "image fields are src, caption, credit and alt")
            }
        }
        if image.source != nil, (image.alt ?? "").isEmpty { diagnostics.append(missingAlt(node)) }
        return image
    }

    private func missingAlt(_ node: Node) -> Diagnostic {
        document.warning(
            at: node, "the image has no alt text",
            hint: "add `alt:` describing the picture for readers who cannot see it")
    }
}

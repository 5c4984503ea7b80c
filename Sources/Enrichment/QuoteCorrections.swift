import ArchiveModel

/// Applies front matter `quotes:` entries: each names a quotation by its opening words and sets its
/// speaker or marks it as not speech.
enum QuoteCorrections {
    static func apply(_ overrides: [QuoteOverride], to quotes: [Quotation], entities: EntityAnnotations) -> [Quotation]
    {
        guard !overrides.isEmpty else { return quotes }
        return quotes.compactMap { quote in
            guard let correction = overrides.first(where: { normalised(quote.text).hasPrefix(normalised($0.opening)) })
            else {
                return quote
            }
            if !correction.isSpeech { return nil }
            var quote = quote
            if let id = correction.speaker {
                let name = entities.entities.first { $0.entity.id == id }?.entity.name
                quote.speaker = Speaker(name: name, entity: id, mention: nil)
            }
            return quote
        }
    }

    /// Lowercase, straight marks, single spaces: how opening words are compared.
    static func normalised(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "\u{2018}", "\u{2019}": return "'"
            case "\u{201C}", "\u{201D}": return "\""
            default: return Character(scalar)
            }
        }
        return String(mapped).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// How a quotation sits in the text.
public enum QuoteKind: String, Sendable, Hashable, Codable {
    /// One or more whole sentences.
    case direct
    /// A phrase inside a reporting sentence: warned of “the command and control networks of choice”.
    case partial
    /// Several paragraphs.
    case multi
}

/// A place in an article's text: a text unit and a scalar offset in it.
public struct TextPosition: Sendable, Hashable, Comparable, Codable {
    public var unit: Int
    public var offset: Int

    public init(unit: Int, offset: Int) {
        self.unit = unit
        self.offset = offset
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.unit, lhs.offset) < (rhs.unit, rhs.offset)
    }
}

/// The words of the text that name a speaker ("he", "Mr Hannigan", "a spokesman for the FBI").
public struct SpeakerMention: Sendable, Hashable, Codable {
    public var unit: Int
    public var start: Int
    public var end: Int
    public var text: String

    public init(unit: Int, start: Int, end: Int, text: String) {
        self.unit = unit
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Who said a quotation: an entity when the text names one (through a name, a pronoun or an alias),
/// or an unnamed source described in the text, with its organisation when named.
public struct Speaker: Sendable, Hashable, Codable {
    /// The entity's canonical name; nil for an unnamed source.
    public var name: String?
    /// The entity's id; nil for an unnamed source.
    public var entity: String?
    /// The local words the attribution rests on.
    public var mention: SpeakerMention?
    /// For an unnamed source, how the text describes it ("a technology industry group").
    public var description: String?
    /// For an unnamed source, the id of the organisation it speaks for ("a spokesman for the FBI").
    public var organisation: String?

    public init(
        name: String? = nil, entity: String? = nil, mention: SpeakerMention? = nil, description: String? = nil,
        organisation: String? = nil
    ) {
        self.name = name
        self.entity = entity
        self.mention = mention
        self.description = description
        self.organisation = organisation
    }
}

/// A quotation: its extent (after the opening mark, before the closing one; across paragraphs for a
/// multi-paragraph quotation), its kind and its speaker.
public struct Quotation: Sendable, Hashable, Codable {
    /// Permalink id within the article: `q1`, `q2`…, in reading order.
    public var id: String
    public var start: TextPosition
    /// Exclusive.
    public var end: TextPosition
    public var kind: QuoteKind
    /// nil when the text does not say who spoke.
    public var speaker: Speaker?
    /// The quoted words; the paragraphs of a multi-paragraph quotation joined by a blank line.
    public var text: String
    /// The closing mark was missing: the quotation ends at its paragraph's end.
    public var unclosed: Bool

    public init(
        id: String, start: TextPosition, end: TextPosition, kind: QuoteKind, speaker: Speaker?, text: String,
        unclosed: Bool = false
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.kind = kind
        self.speaker = speaker
        self.text = text
        self.unclosed = unclosed
    }
}

/// The author's corrections to quotations (front matter `quotes:`), matched by opening words.
public struct QuoteOverride: Sendable, Hashable {
    /// The first words of the quotation, as written (quote marks left out).
    public var opening: String
    /// Entity id of the speaker; nil leaves the speaker alone.
    public var speaker: String?
    /// false marks the quoted words as not speech (a title, a nickname, scare quotes).
    public var isSpeech: Bool

    public init(opening: String, speaker: String? = nil, isSpeech: Bool = true) {
        self.opening = opening
        self.speaker = speaker
        self.isSpeech = isSpeech
    }
}

/// The lead picture of an article. Plain-text articles carry a caption and credit but no file,
/// so `source` may be nil.
public struct ArticleImage: Sendable, Hashable {
    public var source: String?
    public var caption: String?
    public var credit: String?
    public var alt: String?

    public init(source: String? = nil, caption: String? = nil, credit: String? = nil, alt: String? = nil) {
        self.source = source
        self.caption = caption
        self.credit = credit
        self.alt = alt
    }
}

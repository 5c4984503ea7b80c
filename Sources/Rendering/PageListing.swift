/// A renderer of one kind of cross-article page: which pages there are, and for each a fingerprint
/// of everything it shows (equal fingerprints in one process mean equal pages, given the same
/// templates and settings), so a rebuild can keep a page whose fingerprint has not moved.
public protocol PageListing: Sendable {
    /// The page identifier (`IndexPage`, `EntityPage`…), not the pagination `Page`.
    associatedtype Listed: Hashable & Sendable
    var pages: [Listed] { get }
    func fingerprint(_ page: Listed) -> Int
}

extension IndexPageRenderer: PageListing {}
extension EntityPageRenderer: PageListing {}
extension QuotePageRenderer: PageListing {}
extension PublicationRenderer: PageListing {}

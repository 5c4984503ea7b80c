import ArchiveModel

/// The cross-article views of the archive, built once from the article summaries in one pass:
/// the newest-first list, tags, and the archive by year and month. Every list holds positions
/// into `articles`, so each page reads only its own articles.
public struct SiteIndex: Sendable {
    /// A tag with the articles that carry it, newest first.
    public struct Tag: Sendable, Hashable {
        public var slug: String
        /// The spelling used by the most recent article that carries the tag.
        public var name: String
        public var articles: [Int]
    }

    /// A month of the archive.
    public struct Month: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var articles: [Int]
    }

    /// A year of the archive, with its months newest first.
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var months: [Month]
        public var articles: [Int]
    }

    /// All published articles, newest first, undated last.
    public private(set) var articles: [ArticleSummary]
    /// Tags by name (case-insensitively), each newest first.
    public private(set) var tags: [Tag]
    /// Years newest first.
    public let years: [Year]
    /// Articles without a date, by title.
    public let undated: [Int]
    /// Every entity with the articles that name it.
    public private(set) var entities: EntityIndex
    /// Every quotation, and each speaker's.
    public private(set) var quotes: QuoteIndex
    /// A hash of each summary in `articles` without where its quotations are in the file, for
    /// page fingerprints, and one of everything, for the exports.
    private var articleHashes: [Int]
    private var articleDataHashes: [Int]

    /// The hash of the summary at `position`: it changes whenever anything a list shows of it does
    /// (not the offsets of its quotations in the file, which move with every edit above them).
    public func articleHash(_ position: Int) -> Int { articleHashes[position] }

    /// Whether every list, entity and quotation page of this index shows what `other`'s does: the
    /// same articles in the same order, each showing the same (by `articleHash`). Everything else
    /// of an index is worked out from that.
    public func listsSame(as other: SiteIndex) -> Bool { articleHashes == other.articleHashes }

    /// The hash of everything the summary at `position` holds, for files that show all of it.
    public func articleDataHash(_ position: Int) -> Int { articleDataHashes[position] }

    /// `entityDetails` gives the descriptions and links of known entities (entities.yml, built-in
    /// places). `hashes` and `dataHashes`, parallel to `summaries`, are digests of them the caller
    /// kept from an earlier build (see `articleHash` and `articleDataHash`; `hashValue` without
    /// them): hashing 10,000 summaries again was a large part of a rebuild.
    public init(
        summaries: [ArticleSummary], hashes: [Int]? = nil, dataHashes: [Int]? = nil,
        entityDetails: @escaping @Sendable (String) -> Entity? = { _ in nil }
    ) {
        // Sorting positions by their dates, rather than the summaries themselves, saves copying every
        // summary's fields at each comparison; equal dates, rare, fall back to the full order.
        let instants = summaries.map { $0.date?.instant ?? -.infinity }
        let order = summaries.indices.sorted { lhs, rhs in
            instants[lhs] != instants[rhs]
                ? instants[lhs] > instants[rhs] : ArticleSummary.newestFirst(summaries[lhs], summaries[rhs])
        }
        let sorted = order.map { summaries[$0] }
        articles = sorted
        // The entity index, half the work, is made on another core meanwhile (a tenth of a second
        // at 10,000 articles, on every rebuild of serve that changes a list).
        let entityIndex =
            sorted.count >= 2000 ? Concurrently { EntityIndex(articles: sorted, details: entityDetails) } : nil
        quotes = QuoteIndex(articles: sorted)
        articleHashes = hashes.map { hashes in order.map { hashes[$0] } } ?? sorted.map(\.hashValue)
        articleDataHashes = dataHashes.map { hashes in order.map { hashes[$0] } } ?? articleHashes
        tags = Self.tags(of: sorted)
        var years: [Year] = []
        var undated: [Int] = []
        for (position, article) in sorted.enumerated() {
            guard let date = article.date else {
                undated.append(position)
                continue
            }
            // Sorted newest first, so a new year or month always starts a new group.
            if years.last?.year != date.year { years.append(Year(year: date.year, months: [], articles: [])) }
            years[years.count - 1].articles.append(position)
            if years[years.count - 1].months.last?.month != date.month {
                years[years.count - 1].months.append(Month(year: date.year, month: date.month, articles: []))
            }
            let last = years[years.count - 1].months.count - 1
            years[years.count - 1].months[last].articles.append(position)
        }
        self.years = years
        self.undated = undated
        entities = entityIndex?.value ?? EntityIndex(articles: sorted, details: entityDetails)
    }

    /// Every tag of `articles` (newest first) with the positions of its articles.
    private static func tags(of articles: [ArticleSummary]) -> [Tag] {
        var tagsBySlug: [String: Tag] = [:]
        // Tag names repeat across articles: each is made into a slug once.
        var slugs: [String: String] = [:]
        for (position, article) in articles.enumerated() {
            for name in article.tags {
                let slug = slugs[name] ?? Slug.make(from: name)
                slugs[name] = slug
                guard !slug.isEmpty else { continue }
                if tagsBySlug[slug]?.articles.last == position { continue }
                tagsBySlug[slug, default: Tag(slug: slug, name: name, articles: [])].articles.append(position)
            }
        }
        return tagsBySlug.values.sorted {
            $0.name.lowercased() != $1.name.lowercased()
                ? $0.name.lowercased() < $1.name.lowercased() : $0.slug < $1.slug
        }
    }

    /// An article's new summary, with its digests (see `articleHash` and `articleDataHash`).
    public struct Edit: Sendable {
        public var summary: ArticleSummary
        public var hash: Int
        public var dataHash: Int

        public init(summary: ArticleSummary, hash: Int, dataHash: Int) {
            self.summary = summary
            self.hash = hash
            self.dataHash = dataHash
        }
    }

    /// This index with some articles' summaries replaced (found by their source file) by ones
    /// that keep their place in every list of dates: the same date and slug (and title, undated).
    /// Only what the edited articles touch is worked out again — their tags, entities and
    /// quotations — giving what `init` would give from all the summaries, in a fraction of its
    /// time (for edits that show the same on every list, only the summaries are swapped in). Also returns the positions of the edited articles. Nil when an edit would move an
    /// article or is not in the index.
    public func updating(_ edits: [Edit], entityDetails: (String) -> Entity?) -> (index: SiteIndex, positions: [Int])? {
        var copy = self
        var positions: [Int] = []
        for edit in edits {
            let new = edit.summary
            // Where an article with the new summary's date, slug (and title) sorts: the old one's
            // place if it kept them (found by binary search, not by looking at every path).
            let position = SortedSearch.firstIndex(in: articles) { !ArticleSummary.newestFirst($0, new) }
            guard position < articles.count, articles[position].path == new.path, !positions.contains(position)
            else { return nil }
            let old = articles[position]
            guard old.date == new.date, old.slug == new.slug, old.date != nil || old.title == new.title else {
                return nil
            }
            copy.articles[position] = new
            copy.articleHashes[position] = edit.hash
            copy.articleDataHashes[position] = edit.dataHash
            if old.entities != new.entities {
                copy.entities = copy.entities.updating(
                    position: position, old: old, articles: copy.articles, details: entityDetails)
            }
            if old.quotes.map(\.speakerID) != new.quotes.map(\.speakerID) || old.quotes.count != new.quotes.count {
                copy.quotes = copy.quotes.updating(position: position, old: old.quotes, new: new.quotes)
            }
            positions.append(position)
        }
        guard positions.count == edits.count else { return nil }
        if positions.contains(where: { articles[$0].tags != copy.articles[$0].tags }) {
            copy.tags = Self.tags(of: copy.articles)
        }
        return (copy, positions)
    }

    /// Pairs of source files that would publish at the same URL.
    public static func duplicateSlugs(in summaries: [ArticleSummary]) -> [(first: String, second: String, slug: String)]
    {
        // One unordered pass first: the sorted pass below, for a stable report, is needed only on a clash.
        var slugs = Set<String>(minimumCapacity: summaries.count)
        guard summaries.contains(where: { !slugs.insert($0.slug).inserted }) else { return [] }
        var seen: [String: String] = [:]
        var duplicates: [(String, String, String)] = []
        for summary in summaries.sorted(by: { $0.path < $1.path }) {
            if let first = seen[summary.slug] {
                duplicates.append((first, summary.path, summary.slug))
            } else {
                seen[summary.slug] = summary.path
            }
        }
        return duplicates
    }
}

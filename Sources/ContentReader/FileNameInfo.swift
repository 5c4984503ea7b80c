import ArchiveModel

/// What an article's file name says: a `YYYY-MM-DD-` date prefix and the slug that the rest
/// of the name makes (`2014-11-07-dark-web.md` → 2014-11-07, `dark-web`).
struct FileNameInfo {
    var date: ArticleDate?
    var stemSlug: String

    init(fileName: String) {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        if stem.count >= 11, let date = ISODateParser.parse(String(stem.prefix(10))),
            stem.dropFirst(10).first == "-" || stem.dropFirst(10).first == "_"
        {
            self.date = date
            stem = stem.dropFirst(11)
        }
        stemSlug = Slug.make(from: String(stem))
    }

    /// The slug from the file name, or from the title when the name gives none.
    func slug(orTitle title: String) -> String {
        if !stemSlug.isEmpty { return stemSlug }
        let fromTitle = Slug.make(from: title)
        return fromTitle.isEmpty ? "article" : fromTitle
    }
}

import ContentReader

/// Reading, enriching and rendering the articles of a build, or taking them from the cache.
extension SiteBuilder {
    /// Every article's outcome, in the order of `paths`. Unchanged articles are taken from the
    /// cache in one quick pass; the rest are built in parallel.
    /// With `onlyChanged`, the files of other paths are taken to be as they were, without a look.
    func articleOutcomes(_ paths: [String], tools: ArticleJob.Tools, onlyChanged: Set<String>?) async
        -> [ArticleJob.Outcome]
    {
        let source = options.source.path
        let includeDrafts = options.includeDrafts
        var outcomes = [ArticleJob.Outcome?](repeating: nil, count: paths.count)
        var work: [Int] = []
        var looked = Array(paths.indices)
        // Positions of unchanged articles whose pages are kept, all in one go at the end.
        var kept: [(position: Int, slug: String)] = []
        // serve, with the same files as the last build: its outcomes serve again but for the files
        // the watcher reported.
        if let onlyChanged, let last = tools.cache?.lastOutcomes(templates: tools.templates),
            last.count == paths.count, tools.cache?.paths == paths
        {
            looked = onlyChanged.compactMap { ContentScanner.position(of: $0, in: paths) }.sorted()
            let changed = Set(looked)
            for (position, var outcome) in last.enumerated() where !changed.contains(position) {
                outcome.reused = true
                outcome.rerendered = false
                if let summary = outcome.summary { kept.append((position, summary.slug)) }
                outcomes[position] = outcome
            }
        }
        for position in looked {
            let job = ArticleJob(path: paths[position], source: source, includeDrafts: includeDrafts)
            if let reused = job.reuse(with: tools, checkingFile: onlyChanged?.contains(paths[position]) ?? true) {
                outcomes[position] = reused
                if let summary = reused.summary { kept.append((position, summary.slug)) }
            } else {
                work.append(position)
            }
        }
        // A page that is not in the output after all is rendered again.
        for missing in tools.stage.keep(lastBuilt: kept.map { ArticleJob.pageFile(slug: $0.slug) }) {
            outcomes[kept[missing].position] = nil
            work.append(kept[missing].position)
        }
        work.sort()
        let reused = paths.count - work.count
        let built = await concurrentMap(
            work, limit: options.concurrency,
            progress: progress.map { tell in
                { tell(BuildProgress(stage: .articles, done: reused + $0, total: paths.count)) }
            }
        ) { position in
            ArticleJob(path: paths[position], source: source, includeDrafts: includeDrafts).run(with: tools)
        }
        for (position, outcome) in zip(work, built) { outcomes[position] = outcome }
        return outcomes.compactMap { $0 }
    }
}

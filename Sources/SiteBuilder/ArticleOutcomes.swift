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
        // serve, with the same files as the last build: its outcomes serve again but for the files
        // the watcher reported, and its article pages are kept in one go.
        if let onlyChanged, let last = tools.cache?.lastOutcomes(templates: tools.templates),
            last.count == paths.count, tools.cache?.paths == paths
        {
            looked = onlyChanged.compactMap { ContentScanner.position(of: $0, in: paths) }.sorted()
            let changed = Set(looked)
            var keptPages: [String] = []
            var keptPositions: [Int] = []
            for (position, var outcome) in last.enumerated() where !changed.contains(position) {
                outcome.reused = true
                outcome.rerendered = false
                if let summary = outcome.summary {
                    keptPages.append(ArticleJob.pageFile(slug: summary.slug))
                    keptPositions.append(position)
                }
                outcomes[position] = outcome
            }
            // A page that is not there after all is looked at again below, as a changed file is.
            for missing in tools.stage.keep(lastBuilt: keptPages) {
                outcomes[keptPositions[missing]] = nil
                looked.append(keptPositions[missing])
            }
        }
        // Pages of unchanged articles are kept in one go, and those not in the output after all
        // rendered again.
        var keptPages: [String] = []
        var keptPositions: [Int] = []
        for position in looked {
            let job = ArticleJob(path: paths[position], source: source, includeDrafts: includeDrafts)
            if let reused = job.reuse(with: tools, checkingFile: onlyChanged?.contains(paths[position]) ?? true) {
                outcomes[position] = reused
                if let summary = reused.summary {
                    keptPages.append(ArticleJob.pageFile(slug: summary.slug))
                    keptPositions.append(position)
                }
            } else {
                work.append(position)
            }
        }
        for missing in tools.stage.keep(lastBuilt: keptPages) {
            outcomes[keptPositions[missing]] = nil
            work.append(keptPositions[missing])
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

import ArchiveModel
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import SiteBuilder

/// What `broadsheet serve` was asked to do.
public struct PreviewOptions: Sendable {
    public var build: BuildOptions
    public var host: String
    /// 0 picks any free port.
    public var port: Int
    /// How long saving must pause before a rebuild starts.
    public var quiet: Duration
    /// How long a connection may send nothing (a request whose headers never end, a keep-alive
    /// connection left idle) before it is closed; an open event stream is not idle.
    public var idleTimeout: Duration

    public init(
        build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, quiet: Duration = .milliseconds(100),
        idleTimeout: Duration = .seconds(15)
    ) {
        self.build = build
        self.host = host
        self.port = port
        self.quiet = quiet
        self.idleTimeout = idleTimeout
    }
}

/// The local preview: builds the site into memory, serves it under its base path, watches
/// Content/ and Templates/, rebuilds after each burst of saves and tells open pages to reload (or,
/// for stylesheet-only changes, to swap stylesheets). A failed rebuild keeps the last good site and
/// shows its diagnostics on every page until a rebuild succeeds.
public struct PreviewServer: Sendable {
    public let options: PreviewOptions
    let logger: Logger
    let state = PreviewState()
    let live = LiveReload()
    /// Articles that did not change since the last rebuild are not read, enriched or rendered again.
    let cache = BuildCache()
    /// The site as built, served from memory: serve writes nothing to the output folder.
    let site = MemorySite()

    public init(
        options: PreviewOptions, logger: Logger = Logger(label: "broadsheet.serve") { _ in SwiftLogNoOpLogHandler() }
    ) {
        var options = options
        options.build.memorySite = site
        self.options = options
        self.logger = logger
    }

    /// Builds, then serves and watches until cancelled (or interrupted, when `handleSignals`).
    /// `onReady` receives the URL of the site once the server listens.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (String) async -> Void = { _ in })
        async throws
    {
        // Watching from before the first build: a save during it is the next rebuild's business.
        let watcher = FileWatcher(site: options.build.source)
        let changes = watcher.changes()
        defer { watcher.stop() }
        await rebuild(reason: "first build", changes: nil)
        let basePath = (try? SiteLoader.config(in: options.build.source).basePath) ?? "/"
        let files = StaticSiteResponder(site: site, basePath: basePath, state: state)
        let live = self.live
        let responder = CallbackResponder<PreviewRequestContext> { request, context in
            if request.uri.path == StaticSiteResponder.eventsPath {
                return await Self.events(live, on: context.channel)
            }
            return await files.respond(to: request)
        }
        let host = options.host
        let app = Application(
            responder: responder,
            // A connection that sends nothing for this long is closed: a request whose headers
            // never finish, or a keep-alive connection left idle.
            server: HTTPServerBuilder { responder in
                PreviewChannel(
                    http: HTTP1Channel(
                        responder: responder, configuration: .init(idleTimeout: TimeAmount(options.idleTimeout))))
            },
            configuration: .init(address: .hostname(host, port: options.port), serverName: "Broadsheet"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onReady("http://\(host):\(port)\(basePath)")
            },
            logger: Logger(label: "broadsheet.http") { _ in SwiftLogNoOpLogHandler() })
        let batcher = ChangeBatcher()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                if handleSignals { try await app.runService() } else { try await app.run() }
            }
            group.addTask {
                for await path in changes { await batcher.add(path) }
            }
            group.addTask {
                // What changed since the last good build (a failed one's changes count again), or
                // nil when the watcher may have missed something: then every file is checked.
                var unbuilt: Set<String>? = []
                while let batch = await batcher.nextBatch(quiet: options.quiet) {
                    let changes = batch.contains(FileWatcher.missedChanges) ? nil : unbuilt.map { $0.union(batch) }
                    let named = batch.subtracting([FileWatcher.missedChanges]).sorted().joined(separator: ", ")
                    let built = await self.rebuild(
                        reason: changes == nil ? "file events were missed, every file checked; \(named)" : named,
                        changes: changes)
                    unbuilt = built ? [] : changes
                    let stylesOnly = batch.allSatisfy { $0.hasPrefix("Templates/") && $0.hasSuffix(".css") }
                    await live.send(stylesOnly ? .css : .reload)
                }
            }
            // The server ending (Ctrl-C, or an error such as a port in use) ends the preview.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Rebuilds the site; on failure the previous output stays and the diagnostics are kept for the
    /// overlay. `changes`: the paths changed since the last good build, when the watcher knows them
    /// all. Returns whether the build succeeded.
    @discardableResult
    func rebuild(reason: String, changes: Set<String>?) async -> Bool {
        let start = ContinuousClock.now
        var build = options.build
        build.changedPaths = changes
        do throws(DiagnosticError) {
            let report = try await SiteBuilder(options: build, logger: logger, cache: cache).build()
            state.record([])
            let elapsed = start.duration(to: .now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            logger.info(
                "rebuilt (\(reason)): \(report.articles) articles (\(report.reused) unchanged), \(report.pages) pages (\(report.reusedPages) unchanged) in \(Int(milliseconds)) ms"
            )
            for warning in report.warnings { logger.warning("\(warning.description)") }
            return true
        } catch {
            state.record(error.diagnostics)
            logger.error("rebuild failed (\(reason)); serving the previous site:\n\(error.description)")
            return false
        }
    }

    /// The Server-Sent Events stream: `event: reload` or `event: css` after each rebuild. The
    /// stream ends as soon as the page goes away: the connection is made to close when the
    /// browser closes its side (the server keeps half-closed connections open otherwise, and a
    /// stream that waits for the next rebuild never notices), and its closing ends the listener.
    static func events(_ live: LiveReload, on channel: any Channel) async -> Response {
        let (id, stream) = await live.subscribe()
        _ = channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: false)
        channel.closeFuture.whenComplete { _ in Task { await live.end(id) } }
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                // An open stream must not hold up a graceful shutdown (Ctrl-C, SIGTERM): end it.
                try await withGracefulShutdownHandler {
                    for await event in stream {
                        try await writer.write(
                            ByteBuffer(string: "event: \(event.rawValue)\ndata: \(event.rawValue)\n\n"))
                    }
                } onGracefulShutdown: {
                    Task { await live.end(id) }
                }
                try await writer.finish(nil)
            })
    }
}

/// A request's context with the connection it came on, which the event stream watches.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
